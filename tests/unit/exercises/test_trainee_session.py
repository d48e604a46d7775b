"""Trainee practice sessions with the real prompt rubric: the simulated client's depth follows the
prompt, misattunement lasts, nothing repeats, feedback quotes the prompt and can wait for the end."""
from __future__ import annotations

import json
import random
import statistics

import pytest

from bot.exercises.trainee.declaration import CHARTED, CLIENT_DEPTH, CLIENT_RAPPORT
from bot.exercises.trainee.exercise import TraineeExercise
from bot.exercises.trainee.library import client_by_id, clients, feedback_catalogue, session_rules
from tests.unit.exercises.trainee_sessions import run, session_with

GOOD = [
    "That sounds really hard.",
    "I wonder what was going on for you in that moment?",
    "It sounds like part of you felt alone with it, and maybe a bit scared.",
    "I'm not sure I've understood yet. What did you feel when it happened?",
    "You felt hurt, and you're still trying to make sense of it.",
    "What was that like for you?",
]
POOR = [  # closed and advice-giving
    "Did that upset you?",
    "You should talk to them about it.",
    "Have you tried just ignoring it?",
    "Was it at work?",
    "You need to set some boundaries.",
    "Did you tell anyone?",
]
INTERPRETATION = "You felt abandoned, just like when your father left."


@pytest.fixture(scope="module")
def engine():
    return TraineeExercise()


def depths(turns) -> list[float]:
    return [t.annotation.scores[CLIENT_DEPTH.name] for t in turns]


@pytest.mark.parametrize("client_id", [c.id for c in clients()])
def test_each_client_goes_deeper_under_good_prompts_than_under_closed_and_advice(engine, client_id):
    _, _, good = run(engine, session_with(client_id), GOOD)
    _, _, poor = run(engine, session_with(client_id), POOR)
    assert statistics.mean(depths(good)) >= statistics.mean(depths(poor)) + 1
    assert max(depths(good)) == 3 and max(depths(poor)) <= 2


def test_a_hostile_client_starts_shallower_than_an_open_one_under_the_same_prompts(engine):
    _, _, hostile = run(engine, session_with("dean_hostile"), GOOD[:2])
    _, _, open_ = run(engine, session_with("priya_upset"), GOOD[:2])
    assert depths(hostile)[0] < depths(open_)[0]
    rapport = [t.annotation.scores[CLIENT_RAPPORT.name] for t in run(engine, session_with("dean_hostile"), GOOD)[2]]
    assert rapport == sorted(rapport) and rapport[-1] > rapport[0]  # rapport rises with attuned prompts


def test_a_misattuned_prompt_keeps_the_client_shallower_for_a_few_turns_then_wears_off(engine):
    follow = [GOOD[1], GOOD[2], GOOD[3], GOOD[4]]
    _, _, plain = run(engine, session_with("sam_plain"), [GOOD[0]] + follow)
    _, _, hurt = run(engine, session_with("sam_plain"), [INTERPRETATION] + follow)
    assert hurt[0].annotation.result["move"] == "interpretation_as_fact"
    assert depths(hurt)[0] == 0 and hurt[0].annotation.scores["trainee_misattuned"] == 1
    strained = [t.annotation.result["strained"] for t in hurt]
    turns = session_rules().misattunement_turns
    assert turns >= 2 and strained[1:1 + turns] == [True] * turns and not any(strained[1 + turns:])
    assert all(h < p for h, p in zip(depths(hurt)[1:1 + turns], depths(plain)[1:1 + turns]))
    assert depths(hurt)[-1] == 3  # it wears off: good prompts earn depth again


def test_a_prompt_that_shuts_this_client_down_is_misattuned_for_them_only(engine):
    stacked = "What happened next, and how did you feel?"
    _, _, withdrawn = run(engine, session_with("mira_withdrawn"), [stacked])
    _, _, theo = run(engine, session_with("theo_hypermentalizing"), [stacked])
    assert withdrawn[0].annotation.scores["trainee_misattuned"] == 1
    assert theo[0].annotation.scores["trainee_misattuned"] == 0


@pytest.mark.parametrize("client_id", [c.id for c in clients()])
def test_no_client_reply_repeats_in_a_session_even_when_one_depth_is_asked_for_again_and_again(engine, client_id):
    rng, state = random.Random(11), session_with(client_id)
    said = [client_by_id(client_id).opening.text]
    rules = session_rules()
    turns = rules.risk_turns if client_by_id(client_id).risk is not None else rules.turns
    for i in range(turns):
        if i % 3 == 1:
            reply = engine.skip(state, rng)
        else:
            reply = engine.answer(state, POOR[0], rng)
        state = reply.state
        said += [m.split(": ", 1)[1] for m in reply.messages if "(simulated client): " in m]
    assert len(said) == turns + 1 and len(set(said)) == len(said)
    assert reply.finished


@pytest.mark.parametrize("style", sorted({c.style for c in clients()}))
def test_each_style_answers_in_its_own_voice_marked_as_simulated(engine, style):
    client = next(c for c in clients() if c.style == style)
    _, replies, _ = run(engine, session_with(client.id), GOOD[:3])
    lines = [m for r in replies for m in r.messages if m.startswith(f"{client.name} (simulated client): ")]
    assert len(lines) == 3
    bank = {r.text for depth in ("shut", "surface", "feeling", "reflective") for r in client.replies.at(depth)}
    assert all(line.split(": ", 1)[1] in bank for line in lines)


def test_feedback_names_the_move_and_quotes_the_prompt_with_a_better_example_when_useful(engine):
    _, replies, turns = run(engine, session_with("priya_upset"), ["Why did you do that?", GOOD[1]])
    first, second = replies[0].messages, replies[1].messages
    assert len(first) == 2 and '"Why did you do that?"' in first[0] and "why" in first[0].lower()
    opening_next = client_by_id("priya_upset").opening.next
    assert opening_next and f'"{opening_next}"' in first[0]  # the example for that moment
    assert turns[0].annotation.result["example"] == opening_next
    assert f'"{GOOD[1]}"' in second[0] and "not-knowing" in second[0]
    assert turns[1].annotation.result["example"] is None  # a good move needs no better example
    assert first[-1].startswith("Priya (simulated client): ")


def test_a_long_prompt_is_quoted_by_its_first_words(engine):
    long = "I wonder, " + "and I am only guessing here, " * 6 + "what was going on for you?"
    _, replies, _ = run(engine, session_with("sam_plain"), [long])
    assert '"I wonder, and I am only guessing here' in replies[0].messages[0]
    assert '..."' in replies[0].messages[0]


def test_feedback_switched_off_mid_session_comes_at_the_end_and_can_come_back(engine):
    rng = random.Random(4)
    prompts = [GOOD[0], "Feedback off.", "Did you tell anyone?", GOOD[1], "feedback on", GOOD[2]]
    state, replies, turns = run(engine, session_with("kofi_guarded"), prompts)
    assert replies[1].annotation is None and replies[1].messages == [replies[1].messages[0]]
    assert "end" in replies[1].messages[0]
    for quiet in (replies[2], replies[3]):
        assert len(quiet.messages) == 1 and quiet.messages[0].startswith("Kofi (simulated client): ")
    assert len(replies[5].messages) == 2  # feedback again
    assert [t.annotation.result["feedback_shown"] for t in turns] == [True, False, False, True]
    closing = " ".join(engine.close(state, turns, None, rng).messages)
    assert '"Did you tell anyone?"' in closing and f'"{GOOD[1]}"' in closing
    assert f'"{GOOD[0]}"' not in closing  # already given at the time


def test_the_quiet_path_keeps_every_line_for_the_end(engine):
    rng = random.Random(2)
    reply = engine.start("quiet", None, rng)
    assert "end" in reply.messages[0]
    state, replies, turns = run(engine, reply.state, GOOD)
    assert replies[-1].finished
    assert all(len(r.messages) == 1 for r in replies)
    closing = engine.close(state, turns, None, rng)
    for prompt in GOOD:
        assert f'"{prompt}"' in " ".join(closing.messages)
    assert not any(ch.isdigit() for ch in " ".join(closing.messages))


def test_the_start_says_it_is_simulated_and_asks_for_no_real_client_material(engine):
    reply = engine.start("feedback", None, random.Random(1))
    said = " ".join(reply.messages)
    assert "simulated" in said and "real client material" in said
    asked = engine.ask(reply.state, random.Random(1))
    assert asked.question and "(simulated client): " in asked.question
    assert engine.ask(asked.state, random.Random(1)).messages == []  # said once


def test_the_summary_counts_skills_and_the_profile_brings_someone_new(engine):
    prompts = ["Did that upset you?", GOOD[1], GOOD[2], "You should talk to them about it.", GOOD[5], GOOD[3]]
    state, _, turns = run(engine, session_with("june_verbose"), prompts)
    view = engine.summary(turns, state)
    session = view["session"]
    assert (session["open"], session["closed"], session["advice"]) == (3, 1, 1)
    assert session["open_to_closed"] == 3.0 and session["reflections"] == 1 and session["complex"] == 1
    assert session["reflections_to_questions"] == 0.25
    assert session["mental_state_share"] is not None and len(session["depth"]) == 6
    assert view["client"]["id"] == "june_verbose" and view["simulated"] is True
    assert "june" not in json.dumps(state).lower().replace("june_verbose", "")
    assert "upset" not in json.dumps(state)  # no words of the trainee in the step state
    assert {s.score for s in engine.chart_series(turns)} == set(CHARTED)
    closing = engine.close(state, turns, ["sam_plain"], random.Random(1))
    assert closing.profile == ["sam_plain", "june_verbose"]
    met = [c.id for c in clients() if c.id != "alex_flatmates"]
    assert engine.start("feedback", met, random.Random(1)).state["client_id"] == "alex_flatmates"


def test_another_client_keeps_the_feedback_setting_and_brings_a_new_person(engine):
    rng = random.Random(6)
    state = session_with("ollie_tangential", feedback=False)
    swapped = engine.swap(state, None, rng)
    assert swapped.state["client_id"] != "ollie_tangential" and swapped.state["feedback_on"] is False
    assert swapped.state["turn"] == 0 and feedback_catalogue()


def test_only_a_misattuned_or_costly_prompt_gets_a_shut_reply():
    from bot.exercises.trainee.client_state import earned_depth

    assert earned_depth(2, False, rapport=-2, strained=True) == 1  # kind, but the client is still wary
    assert earned_depth(-1, False, rapport=-2, strained=False) == 0  # a closed, stacked question
    assert earned_depth(4, True, rapport=3, strained=False) == 0  # misattuned, however skilled otherwise
    assert earned_depth(4, False, rapport=3, strained=False) == 3


def test_after_a_pause_the_client_s_last_words_come_back_and_a_skip_lets_the_client_go_on(engine):
    rng = random.Random(9)
    state, replies, _ = run(engine, session_with("grace_pleasing"), [GOOD[0]])
    last = replies[0].messages[-1]
    assert engine.ask(state, rng).messages == []  # on screen already
    assert engine.ask(engine.resume(state), rng).messages == [last]
    skipped = engine.skip(state, rng)
    assert len(skipped.messages) == 1 and skipped.messages[0] != last
    assert skipped.messages[0].startswith("Grace (simulated client): ") and skipped.state["turn"] == 2


def test_an_empty_message_is_not_scored_and_spends_no_turn(engine):
    state = session_with("sam_plain")
    reply = engine.answer(state, "   ", random.Random(1))
    assert reply.annotation is None and reply.state["turn"] == 0
    assert reply.messages and "Sam" in reply.messages[0] and '""' not in reply.messages[0]
