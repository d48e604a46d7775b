"""The repair rehearsal through the exercise contract, with the real rubric and the real content:
a rehearsal that repairs and one that does not, the coach's words, rewinds, time out, no line said
twice, the person's own rupture shaped into a persona, and abuse refused rather than rehearsed."""
from __future__ import annotations

import json
import random
import re

import pytest

from bot.exercises.contract import AnsweredTurn, Audience
from bot.exercises.registry import exercise
from bot.exercises.repair.declaration import OWN_PATH, PERSONA_PATH
from bot.exercises.repair.library import coaching, personas
from bot.exercises.repair.state import MAX_ATTEMPTS, MAX_REWINDS, RehearsalState

GOOD = ["I'm sorry for what I said that evening. It was my fault, and you didn't deserve it.",
        "I can see you felt hurt and let down. How was it for you?",
        "I feel sad about it. I want to make it up to you: can we meet on Saturday and talk it through?",
        "I'm sorry for what I did that evening. That was on me.",
        "I imagine it felt lonely. What was it like for you?"]
BAD = ["I was wrong to yell, but you did provoke me.", "It was just a joke, relax.",
       "I'm sorry, I'm sorry, I'm a terrible person, I'll do anything.", "whatever"]
CHARACTER = re.compile(r'^[^:]+: "(.*)"$', re.S)


@pytest.fixture
def engine():
    return exercise("repair")


def with_persona(engine, persona_id: str, rng):
    """Start a rehearsal with one persona: the profile lists everyone else as already done."""
    others = [p.id for p in personas() if p.id != persona_id]
    reply = engine.start(PERSONA_PATH, others, rng)
    assert RehearsalState.from_dict(reply.state).persona_id == persona_id
    return reply


def say(engine, reply, text, rng, turns):
    asked = engine.ask(reply.state, rng)
    reply = engine.answer(asked.state, text, rng, question=asked.question or "")
    if reply.annotation is not None:
        turns.append(AnsweredTurn(reply.annotation, text, asked.question or ""))
    return asked, reply


def character_lines(messages):
    return [m for m in messages if not m.startswith(coaching().voices["coach"].split("{")[0])]


def test_a_rehearsal_that_repairs_and_its_debrief(engine):
    rng, turns = random.Random(1), []
    reply = with_persona(engine, "priya_anniversary", rng)
    assert reply.messages[0].startswith("Coach: ") and reply.messages[1].startswith('Priya: "')
    for text in GOOD:
        _, reply = say(engine, reply, text, rng, turns)
        if reply.finished:
            break
    assert reply.finished and len(turns) == 3
    assert [t.annotation.result["after"] for t in turns] == ["guarded", "softening", "open"]
    debrief = " ".join(engine.close(reply.state, turns, None, rng).messages)
    assert "'I'm sorry for what I said that evening'" in debrief  # the person's own words, quoted
    assert "Priya" in debrief and "not reading the real person's mind" in debrief
    assert not re.search(r"\d", debrief)
    summary = engine.summary(turns, reply.state)
    assert summary["repaired"] and summary["persona"]["id"] == "priya_anniversary"


def test_a_rehearsal_that_does_not_repair_is_coached_not_scolded(engine):
    rng, turns = random.Random(2), []
    reply = with_persona(engine, "marek_snapped", rng)
    coached = []
    for text in BAD:
        _, reply = say(engine, reply, text, rng, turns)
        coached.append([m for m in reply.messages if m.startswith("Coach: ")])
    assert "'but you did provoke me' puts the cause on them" in coached[0][0]
    assert "puts you down rather than owning the deed" in coached[2][0]  # fawning: coached
    fawned = turns[2].annotation.result
    assert fawned["reaction"] == "fawned" and fawned["before"] == fawned["after"]
    assert turns[-1].annotation.result["after"] == "more_hurt"
    reply = engine.skip(reply.state, rng)
    reply = engine.skip(reply.state, rng)
    assert reply.finished
    debrief = " ".join(engine.close(reply.state, turns, None, rng).messages)
    assert "didn't reach a repair" in debrief or "didn't end in repair" in debrief


def test_annotations_carry_the_rubric_and_declared_scores_for_staff_only(engine):
    rng, turns = random.Random(3), []
    reply = with_persona(engine, "tomas_secret", rng)
    say(engine, reply, GOOD[0], rng, turns)
    annotation = turns[0].annotation
    assert annotation.kind == "repair" and annotation.step == "attempt_1"
    assert {"acknowledgement_of_responsibility", "names_specific_moment"} <= set(annotation.result["components"])
    for span in annotation.evidence:
        assert GOOD[0][span["start"]:span["end"]] == span["text"]
    specs = {s.name: s for s in engine.scores}
    assert set(annotation.scores) == set(specs)
    assert annotation.scores["repair_blockers"] == 0 and annotation.scores["character_openness"] == 2
    assert not any(s.visible_to(Audience.CLIENT) for s in specs.values())
    series = engine.chart_series(turns)
    assert {s.score.name for s in series} == set(specs) and all(len(s.points) == 1 for s in series)


def test_rewind_takes_the_last_attempt_back_and_the_debrief_compares(engine):
    rng, turns = random.Random(4), []
    reply = with_persona(engine, "daniel_dinner_party", rng)
    _, reply = say(engine, reply, BAD[0], rng, turns)
    hurt = RehearsalState.from_dict(reply.state)
    assert hurt.level == 1 and hurt.step == "attempt_2"
    _, reply = say(engine, reply, "rewind", rng, turns)
    back = RehearsalState.from_dict(reply.state)
    assert back.level == 2 and back.step == "attempt_1" and back.rewinds == 1
    assert reply.messages[0].startswith("Coach: ") and "guarded" in reply.messages[0]
    assert turns[-1].annotation.result == {"rewind": True, "attempt": 1, "persona": "daniel_dinner_party"}
    _, reply = say(engine, reply, GOOD[0], rng, turns)
    assert turns[-1].annotation.result["attempt"] == 1 and turns[-1].annotation.result["after"] == "softening"
    summary = engine.summary(turns, reply.state)
    assert [a["text"] for a in summary["attempts"]] == [GOOD[0]]
    assert [a["text"] for a in summary["rewound"]] == [BAD[0]]
    debrief = " ".join(engine.close(reply.state, turns, None, rng).messages)
    assert "puts the cause on them" in debrief and "owns your part" in debrief


def test_rewinds_are_bounded_and_need_an_attempt(engine):
    rng, turns = random.Random(5), []
    reply = with_persona(engine, "aiko_credit", rng)
    _, reply = say(engine, reply, "let me try that again", rng, turns)
    assert not turns and "nothing to" in reply.messages[0].lower()
    for _ in range(MAX_REWINDS):
        _, reply = say(engine, reply, "hmm", rng, turns)
        _, reply = say(engine, reply, "rewind", rng, turns)
    _, reply = say(engine, reply, "hmm", rng, turns)
    before = RehearsalState.from_dict(reply.state)
    _, reply = say(engine, reply, "rewind", rng, turns)
    assert RehearsalState.from_dict(reply.state).step_index == before.step_index  # no more rewinds


def test_an_attempt_that_mentions_going_back_is_still_an_attempt(engine):
    rng, turns = random.Random(6), []
    reply = with_persona(engine, "fatima_calls", rng)
    _, reply = say(engine, reply, "I want to go back to how we were, Mum. I'm sorry I stopped calling you.", rng, turns)
    assert turns and turns[0].annotation.step == "attempt_1"


def test_time_out_brings_the_coach_about_the_last_attempt_and_records_nothing(engine):
    rng, turns = random.Random(7), []
    reply = with_persona(engine, "jordan_graduation", rng)
    _, reply = say(engine, reply, "time out", rng, turns)
    assert reply.messages[0].startswith("Coach: ") and not turns
    _, reply = say(engine, reply, GOOD[0], rng, turns)
    step = RehearsalState.from_dict(reply.state).step
    _, reply = say(engine, reply, "time out", rng, turns)
    assert len(turns) == 1 and RehearsalState.from_dict(reply.state).step == step
    said = reply.messages[0]
    assert "owns your part" in said and "Jordan" in said  # what it did, then one thing to try


@pytest.mark.parametrize("persona", personas(), ids=lambda p: p.id)
def test_no_character_line_is_said_twice_even_with_every_rewind(engine, persona):
    rng, turns, said = random.Random(8), [], []
    reply = with_persona(engine, persona.id, rng)
    said += character_lines(reply.messages)
    for text in ["hmm", "rewind"] * MAX_REWINDS + ["hmm"] * MAX_ATTEMPTS:
        if reply.finished:
            break
        _, reply = say(engine, reply, text, rng, turns)
        said += character_lines(reply.messages)
    assert reply.finished
    lines = [CHARACTER.match(m).group(1) for m in said]
    assert len(lines) == MAX_REWINDS + MAX_ATTEMPTS + 1 and len(set(lines)) == len(lines)


def test_the_same_seed_says_the_same_things(engine):
    def run(seed):
        rng, turns = random.Random(seed), []
        reply = with_persona(engine, "sipho_care", rng)
        out = list(reply.messages)
        for text in GOOD[:3]:
            _, reply = say(engine, reply, text, rng, turns)
            out += reply.messages
        return out
    assert run(11) == run(11)


def own_rehearsal(engine, answers, rng):
    reply, turns, said = engine.start(OWN_PATH, None, rng), [], []
    said += reply.messages
    for text in answers:
        asked, reply = say(engine, reply, text, rng, turns)
        said += asked.messages + reply.messages
        if reply.finished:
            break
    return reply, turns, said


def test_an_own_rupture_is_shaped_into_a_persona(engine):
    rng = random.Random(9)
    reply, turns, said = own_rehearsal(engine, [
        "My sister.", "I forgot her birthday and she was really hurt.", "She goes quiet and needs space."], rng)
    state = RehearsalState.from_dict(reply.state)
    assert state.rehearsing and state.shape == {"relationship": "sibling", "hurt": "raw", "attachment": "avoidant",
                                                "word": "sister"}
    assert said[-1].startswith('Your sister: "') and "version of them" in said[-2]
    assert "birthday" not in json.dumps(reply.state)  # the person's story stays out of the state
    _, reply = say(engine, reply, GOOD[0], random.Random(1), turns)
    assert turns[-1].annotation.step == "attempt_1"


@pytest.mark.parametrize("answers", [
    ["My husband. He's very controlling and I'm scared of him."],
    ["My dad", "He gets violent when he drinks and I said the wrong thing."],
    ["My partner", "We argued about money", "She threatens me when she's angry."],
], ids=["controlling", "violent", "threatening"])
def test_abuse_is_not_a_rupture_to_rehearse(engine, answers):
    rng = random.Random(10)
    reply, turns, said = own_rehearsal(engine, answers, rng)
    assert reply.finished
    text = "\n".join(said)
    assert "not your job" in text or "not someone you owe a repair to" in text
    assert "If you are in danger right now" in text  # the abuse resources (bot/safety/resources.py)
    assert not RehearsalState.from_dict(reply.state).rehearsing
    assert turns[-1].annotation.result == {"abuse": True}
    assert not any(CHARACTER.match(m) for m in said[1:])  # nobody to rehearse with was played
    assert engine.close(reply.state, turns, None, rng).messages == []
    assert engine.summary(turns, reply.state)["abuse_described"]


def test_a_hurt_that_is_not_abuse_still_rehearses(engine):
    reply, _, _ = own_rehearsal(engine, ["My best friend", "I missed her wedding and she's furious.",
                                         "She wants to talk it through."], random.Random(12))
    state = RehearsalState.from_dict(reply.state)
    assert state.rehearsing and state.shape["attachment"] == "anxious"


def test_swap_and_profile_bring_someone_new(engine):
    rng = random.Random(13)
    reply = engine.start(PERSONA_PATH, None, rng)
    first = RehearsalState.from_dict(reply.state).persona_id
    swapped = engine.swap(reply.state, None, rng)
    assert RehearsalState.from_dict(swapped.state).persona_id != first
    closing = engine.close(swapped.state, [], ["x"], rng)
    assert closing.profile[-1] == RehearsalState.from_dict(swapped.state).persona_id


def test_resume_hands_the_turn_back_through_the_coach(engine):
    rng = random.Random(14)
    reply = with_persona(engine, "ngozi_wedding", rng)
    assert engine.ask(reply.state, rng).messages == []  # the character just spoke
    resumed = engine.ask(engine.resume(reply.state), rng)
    assert resumed.messages[0].startswith("Coach: ") and "Ngozi" in resumed.messages[0]


def test_a_skipped_turn_is_answered_by_the_character_and_can_be_rewound(engine):
    rng, turns = random.Random(15), []
    reply = with_persona(engine, "gerald_speech", rng)
    skipped = engine.skip(reply.state, rng)
    assert CHARACTER.match(skipped.messages[0]) and skipped.messages[0].startswith("Dad: ")
    assert RehearsalState.from_dict(skipped.state).step == "attempt_2"
    assert engine.ask(skipped.state, rng).messages == []  # the character's line was the prompt
    _, reply = say(engine, skipped, "rewind", rng, turns)
    assert not turns and RehearsalState.from_dict(reply.state).step == "attempt_1"


def test_rewind_to_an_earlier_attempt_by_number_or_ordinal(engine):
    rng, turns = random.Random(16), []
    reply = with_persona(engine, "tomas_secret", rng)
    start = RehearsalState.from_dict(reply.state).level
    for text in GOOD[:2]:
        _, reply = say(engine, reply, text, rng, turns)
    assert RehearsalState.from_dict(reply.state).step == "attempt_3"
    _, reply = say(engine, reply, "go back to my first try", rng, turns)
    state = RehearsalState.from_dict(reply.state)
    assert state.step == "attempt_1" and state.level == start and not state.history
    _, reply = say(engine, reply, BAD[1], rng, turns)
    _, reply = say(engine, reply, GOOD[0], rng, turns)
    _, reply = say(engine, reply, "rewind to 2", rng, turns)
    assert RehearsalState.from_dict(reply.state).step == "attempt_2"
    view = engine.summary(turns, reply.state)
    assert [a["text"] for a in view["attempts"]] == [BAD[1]]
    assert [a["text"] for a in view["rewound"]] == [GOOD[1], GOOD[0], GOOD[0]]


@pytest.mark.parametrize("damage", [{"persona_id": "no_such_person"}, {"history": [7]}, {"level": 9},
                                    {"step_index": 99}, "not a dict"])
def test_a_damaged_state_starts_afresh_rather_than_crash(engine, damage):
    rng = random.Random(17)
    reply = with_persona(engine, "marek_snapped", rng)
    state = {**reply.state, **damage} if isinstance(damage, dict) else damage
    assert RehearsalState.from_dict(state) == RehearsalState()
    assert engine.answer(state, "rewind", rng).messages is not None
