"""The narrative retelling's flow without a store, on written answers: a flood is oriented and its
meaning invited once, an example is invited once and only for the five words' memories, a rating
of seven brings grounding and a choice, and the ending always contains."""
from __future__ import annotations

import random

import pytest

from bot.exercises.narrative.declaration import INTERVIEW_PATH, NAME
from bot.exercises.narrative.library import step_ids, words
from bot.exercises.registry import exercise


@pytest.fixture
def engine():
    return exercise(NAME)


def _at(engine, step: str, rng):
    state = engine.start(INTERVIEW_PATH, None, rng).state
    for _ in range(step_ids().index(step)):
        state = engine.skip(state, rng).state
    return state


def _say(engine, state, text, rng):
    asked = engine.ask(state, rng)
    return engine.answer(asked.state, text, rng, question=asked.question or "")


def _unnamed(texts):
    return [t.format(caregiver=words().unnamed_caregiver) for t in texts]


def test_a_flood_is_oriented_to_now_and_its_meaning_invited_once(engine, flood_text):
    rng = random.Random(1)
    flooded = _say(engine, _at(engine, "memory_1", rng), flood_text, rng)
    assert flooded.messages == _unnamed(words().invite_meaning) and flooded.step == "memory_1"
    assert flooded.annotation.result["flooding"]
    assert engine.ask(flooded.state, rng).messages == []  # the invitation was the question
    meant = engine.answer(flooded.state, "It meant I learned to keep quiet and out of the way.", rng)
    assert meant.step == "memory_2" and meant.messages[0] in _unnamed(words().acknowledge_memory)
    assert meant.messages[1] in _unnamed(words().suds_offer)


def test_an_example_is_invited_once_and_go_on_goes_on(engine):
    rng = random.Random(2)
    bare = _say(engine, _at(engine, "memory_3", rng), "He was busy.", rng)
    assert bare.messages[0] in _unnamed(words().invite_example) and bare.step == "memory_3"
    on = engine.answer(bare.state, "go on", rng)
    assert on.step == "memory_4" and on.messages[0] in _unnamed(words().going_on)


@pytest.mark.parametrize("step", ["upset", "separation", "rejection"])
def test_a_hard_memory_is_never_pressed_for_an_example(engine, step):
    rng = random.Random(3)
    reply = _say(engine, _at(engine, step, rng), "I just went quiet, like always.", rng)
    assert reply.messages[0] not in _unnamed(words().invite_example)
    assert reply.step != step and "quality" in reply.annotation.result["notes"]  # still noted for the therapist


def test_seven_brings_grounding_and_a_choice_then_the_question_again(engine):
    rng = random.Random(4)
    told = _say(engine, _at(engine, "memory_1", rng), "One time she forgot to collect me from school.", rng)
    grounded = engine.answer(told.state, "7", rng)
    assert grounded.messages == _unnamed(words().grounding_choice) and not grounded.finished
    assert grounded.annotation.scores == {"narrative_suds": 7.0}
    on = engine.answer(grounded.state, "let's go on", rng)
    assert on.messages == _unnamed(words().going_on)
    assert engine.ask(on.state, rng).step == "memory_2"


def test_choosing_to_stop_after_grounding_ends_with_containment(engine):
    rng = random.Random(5)
    told = _say(engine, _at(engine, "memory_1", rng), "One time she forgot to collect me from school.", rng)
    grounded = engine.answer(told.state, "7", rng)
    stopped = engine.answer(grounded.state, "I think that's enough for today", rng)
    assert stopped.finished
    closing = engine.close(stopped.state, [], None, rng).messages
    assert closing[0] in _unnamed(words().stop_for_today) and closing[-1] in _unnamed(words().containment)


def test_a_sharp_rise_stops_for_today(engine):
    rng = random.Random(6)
    state = _say(engine, _at(engine, "memory_1", rng), "One time we went to the park.", rng).state
    state = engine.answer(state, "2", rng).state
    state = _say(engine, state, "One day she shouted at me in front of everyone.", rng).state
    rose = engine.answer(state, "5", rng)
    assert rose.finished and rose.annotation.result["reason"] == "sharp_rise"
