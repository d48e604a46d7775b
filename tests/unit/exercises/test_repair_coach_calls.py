"""The repair rehearsal's time out and "help me" (the coach quotes the last attempt), the perspective
swap (the bot models a repair, the person says how it was to hear it) and "stop" part-way (the
debrief still comes once an attempt was made). Real rubric, real content, real rasa_sdk actions."""
from __future__ import annotations

import asyncio
import json
import random

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.pacing import ActionStop
from bot.analysis import analyze
from bot.exercises.contract import AnsweredTurn
from bot.exercises.registry import exercise
from bot.exercises.repair.declaration import OWN_PATH, PERSONA_PATH
from bot.exercises.repair.library import coaching, personas, shaped_personas
from bot.exercises.repair.schema import NEEDS
from bot.exercises.repair.state import LAST_WORDS_LIMIT, RehearsalState

BLAME = "I was wrong to yell, but you did provoke me."
GOOD = "I'm sorry for what I said that evening. It was my fault, and you didn't deserve it."
REFLECTION = "Hearing that, I felt a bit less alone, like the empty chair finally counted."


@pytest.fixture
def engine():
    return exercise("repair")


def with_persona(engine, persona_id: str, rng):
    others = [p.id for p in personas() if p.id != persona_id]
    return engine.start(PERSONA_PATH, others, rng)


def say(engine, reply, text, rng, turns):
    asked = engine.ask(reply.state, rng)
    reply = engine.answer(asked.state, text, rng, question=asked.question or "")
    if reply.annotation is not None:
        turns.append(AnsweredTurn(reply.annotation, text, asked.question or ""))
    return reply


def coach_says(messages) -> str:
    return " ".join(m for m in messages if m.startswith("Coach: "))


def test_time_out_quotes_the_last_attempt_and_one_thing_to_try(engine):
    rng, turns = random.Random(4), []
    reply = with_persona(engine, "priya_anniversary", rng)
    reply = say(engine, reply, GOOD, rng, turns)
    reply = say(engine, reply, BLAME, rng, turns)
    timed = say(engine, reply, "time out", rng, turns)
    said = coach_says(timed.messages)
    assert "you did provoke me" in said  # the blocker, in the person's own words
    assert "It was my fault" not in said  # only the last attempt
    assert coaching().blocker_words["blame"] in said
    assert any(tip in said for tip in coaching().tips_for_blocker["blame"])  # one thing that might help
    assert any(back.format(name="Priya") in said for back in coaching().back_to_character)
    assert timed.annotation is None and len(turns) == 2  # a time out is not an attempt
    assert RehearsalState.from_dict(timed.state).attempt_number == 3


def test_time_out_after_a_good_attempt_quotes_what_worked(engine):
    rng, turns = random.Random(5), []
    reply = say(engine, with_persona(engine, "tomas_secret", rng), GOOD, rng, turns)
    said = coach_says(say(engine, reply, "time out", rng, turns).messages)
    assert "It was my fault" in said or "I'm sorry for what I said that evening" in said


def test_only_the_last_attempt_is_kept_short_and_a_rewind_forgets_it(engine):
    rng, turns = random.Random(6), []
    reply = say(engine, with_persona(engine, "aiko_credit", rng), BLAME, rng, turns)
    long_attempt = "I'm sorry. " + "I keep thinking about the meeting and how it went. " * 20
    reply = say(engine, reply, long_attempt, rng, turns)
    state = json.dumps(reply.state)
    assert "provoke" not in state and len(RehearsalState.from_dict(reply.state).last_words) == LAST_WORDS_LIMIT
    rewound = say(engine, reply, "rewind", rng, turns)
    assert RehearsalState.from_dict(rewound.state).last_words == ""
    said = coach_says(say(engine, rewound, "time out", rng, turns).messages)
    assert "meeting" not in said  # the taken-back words are not quoted as the last attempt


def test_help_me_brings_the_coach_as_a_time_out_does(engine):
    rng, turns = random.Random(7), []
    reply = with_persona(engine, "marek_snapped", rng)
    before = engine.help(reply.state, rng)
    assert any(line.format(name="Marek", Name="Marek") in coach_says(before.messages)
               for line in coaching().timeout_before_any)
    reply = say(engine, reply, BLAME, rng, turns)
    helped = engine.help(reply.state, rng)
    assert "you did provoke me" in coach_says(helped.messages)
    assert helped.question == "" and helped.annotation is None  # said as an ask: the turn goes on
    assert RehearsalState.from_dict(helped.state).attempt_number == 2


def test_help_in_another_exercise_is_its_usual_question():
    mentalizing = exercise("mentalizing")
    rng = random.Random(1)
    reply = mentalizing.start(next(iter(mentalizing.starts.values())), None, rng)
    assert mentalizing.help(reply.state, random.Random(2)) == mentalizing.ask(reply.state, random.Random(2))


@pytest.mark.parametrize("persona", [p.id for p in personas()])
def test_swap_models_a_repair_asks_how_it_was_and_goes_back(engine, persona):
    rng, turns = random.Random(8), []
    reply = say(engine, with_persona(engine, persona, rng), BLAME, rng, turns)
    level = RehearsalState.from_dict(reply.state).level
    swapped = say(engine, reply, "let me be them", rng, turns)
    modelled = next(p for p in personas() if p.id == persona).modelled_repair
    assert f'Me, as you: "{modelled}"' in swapped.messages
    assert swapped.question and swapped.question in coach_says(swapped.messages)  # how was it to hear
    assert swapped.annotation is None and RehearsalState.from_dict(swapped.state).reflecting
    reflected = say(engine, swapped, REFLECTION, rng, turns)
    assert any(t in coach_says(reflected.messages) for t in coaching().swap_thanks)  # acknowledged
    assert reflected.annotation.result["swap_reflection"] and not reflected.annotation.scores
    after = RehearsalState.from_dict(reflected.state)
    assert not after.reflecting and after.swapped and after.level == level and after.attempt_number == 2
    # Back to the character: the next message is an attempt again.
    attempt = say(engine, reflected, GOOD, rng, turns)
    assert attempt.annotation.result["attempt"] == 2


@pytest.mark.parametrize("persona", list(personas()) + list(shaped_personas()), ids=lambda p: p.id)
def test_every_modelled_repair_gives_what_its_character_needs_by_the_real_rubric(persona):
    repair = analyze(persona.modelled_repair, only="repair").repair
    assert repair is not None and not repair.blocker_names()
    found = set(repair.component_names())
    assert [need for need in persona.needs if not set(NEEDS[need]) & found] == []


def test_a_swap_reflection_is_read_as_such_even_when_it_sounds_like_a_command(engine):
    rng, turns = random.Random(9), []
    swapped = say(engine, with_persona(engine, "lena_christmas", rng), "swap", rng, turns)
    reflected = say(engine, swapped, "time out, that was a lot", rng, turns)
    assert reflected.annotation.result.get("swap_reflection")


def test_swap_before_the_rehearsal_begins_waits(engine):
    rng, turns = random.Random(10), []
    reply = engine.start(OWN_PATH, None, rng)
    waited = say(engine, reply, "swap roles", rng, turns)
    assert any(line in coach_says(waited.messages) for line in coaching().swap_not_yet)
    assert RehearsalState.from_dict(waited.state).step == RehearsalState.from_dict(reply.state).step


def test_the_debrief_quotes_the_swap_reflection(engine):
    rng, turns = random.Random(11), []
    reply = say(engine, with_persona(engine, "priya_anniversary", rng), BLAME, rng, turns)
    reply = say(engine, say(engine, reply, "swap", rng, turns), REFLECTION, rng, turns)
    closing = engine.close(reply.state, turns, None, rng)
    said = " ".join(closing.messages)
    assert "Hearing that, I felt a bit less alone, like the empty chair" in said  # its opening words
    assert "you did provoke me" in said
    assert engine.summary(turns, reply.state)["swap_reflections"] == [REFLECTION]


def test_stopped_debriefs_only_once_an_attempt_was_made(engine):
    rng, turns = random.Random(12), []
    reply = with_persona(engine, "sipho_care", rng)
    assert engine.stopped(reply.state, turns, None, rng) is None
    reply = say(engine, say(engine, reply, "swap", rng, turns), REFLECTION, rng, turns)
    assert engine.stopped(reply.state, turns, None, rng) is None  # a swap alone is not an attempt
    reply = say(engine, reply, BLAME, rng, turns)
    closing = engine.stopped(reply.state, turns, ["someone"], rng)
    assert closing is not None and "you did provoke me" in " ".join(closing.messages)
    assert closing.profile == ["someone", "sipho_care"]


def test_other_exercises_say_nothing_more_on_stop():
    mentalizing = exercise("mentalizing")
    reply = mentalizing.start(next(iter(mentalizing.starts.values())), None, random.Random(1))
    assert mentalizing.stopped(reply.state, [], None, random.Random(1)) is None


def _stop_tracker(events: list, slots: dict) -> Tracker:
    parse = {"text": "stop", "intent": {"name": "stop", "confidence": 1.0}, "entities": []}
    events = events + [ActionExecuted("action_listen"), UserUttered("stop", parse_data=parse)]
    return Tracker(sender_id="test-person", slots=slots, latest_message=parse, events=events, paused=False,
                   followup_action=None, active_loop={"name": "exercise_form"}, latest_action_name="action_listen")


def test_action_stop_gives_the_rehearsal_its_debrief(engine):
    rng, turns = random.Random(13), []
    reply = say(engine, with_persona(engine, "daniel_dinner_party", rng), BLAME, rng, turns)
    events = [SlotSet("exercise", "repair"), ActionExecuted("action_listen"),
              UserUttered(BLAME, parse_data={"text": BLAME, "intent": {"name": "reflect"}}),
              SlotSet("turn_annotation", turns[0].annotation.to_dict())]
    tracker = _stop_tracker(events, {"exercise": "repair", "exercise_state": reply.state})
    dispatcher = CollectingDispatcher()
    out = asyncio.run(ActionStop().run(dispatcher, tracker, {}))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "you did provoke me" in said
    slots = {e["name"]: e["value"] for e in out if e["event"] == "slot"}
    assert slots["exercise_profiles"] == {"repair": ["daniel_dinner_party"]}
    assert slots["exercise"] is None


def test_action_stop_before_any_attempt_only_stops(engine):
    reply = with_persona(engine, "daniel_dinner_party", random.Random(14))
    tracker = _stop_tracker([SlotSet("exercise", "repair")], {"exercise": "repair", "exercise_state": reply.state})
    dispatcher = CollectingDispatcher()
    out = asyncio.run(ActionStop().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1  # the frame's "stopped", nothing more
    assert "exercise_profiles" not in {e["name"] for e in out if e["event"] == "slot"}
