"""The narrative retelling's ratings on written answers, without a store: the rating before the first
question read by the exercise's own pacing (starting at 8, or sharply up since the last sitting,
stops before any memory, with containment), the rating after each memory asked as a step of its own
and skippable with one word, and the once-said choice after harm by the caregiver."""
from __future__ import annotations

import random

import pytest

from bot.exercises.narrative.declaration import INTERVIEW_PATH, NAME
from bot.exercises.narrative.library import step_ids, words
from bot.exercises.narrative.pacing import ending
from bot.exercises.narrative.state import NarrativeState
from bot.exercises.registry import exercise


@pytest.fixture
def engine():
    return exercise(NAME)


def _unnamed(texts, caregiver=None):
    return [t.format(caregiver=caregiver or words().unnamed_caregiver) for t in texts]


def _at(engine, step: str, rng, **fields):
    state = engine.start(INTERVIEW_PATH, None, rng).state
    for _ in range(step_ids().index(step)):
        state = engine.skip(state, rng).state
    return {**state, **fields}


def _after_memory(engine, rng):
    """memory_1 told: the reply that asks for the rating."""
    asked = engine.ask(_at(engine, "memory_1", rng), rng)
    return engine.answer(asked.state, "One time she took me to the seaside and we ate chips on the wall.", rng)


# --- the rating before the first question ---------------------------------------------------------

def test_starting_at_eight_stops_before_any_memory_with_containment(engine):
    rng = random.Random(1)
    state = engine.start(INTERVIEW_PATH, None, rng).state
    paced = engine.rated_at_start(state, 8.0, rng)
    assert paced is not None and paced.finished and paced.messages == []
    assert paced.annotation.result == {"suds": 8.0, "pace": "stop", "reason": "high", "at_start": True}
    closing = engine.close(paced.state, [], None, rng)
    assert closing.messages == [words().stop_at_start[0], words().end_high[0], words().containment_at_start[0]]
    assert not any("memor" in m and "box" in m for m in closing.messages)  # no memory was opened to put away


@pytest.mark.parametrize("rating", [0.0, 3.0, 6.0])
def test_a_settled_start_goes_on_and_the_rating_joins_the_curve(engine, rating):
    rng = random.Random(2)
    paced = engine.rated_at_start(engine.start(INTERVIEW_PATH, None, rng).state, rating, rng)
    assert paced is not None and not paced.finished and paced.annotation is None  # the check-in stores it
    assert NarrativeState.from_dict(paced.state).curve == [rating]
    assert engine.ask(paced.state, rng).step == "caregiver"


def test_seven_at_the_start_leaves_the_grounding_to_the_checkin_and_notes_it(engine):
    rng = random.Random(3)
    paced = engine.rated_at_start(engine.start(INTERVIEW_PATH, None, rng).state, 7.0, rng)
    assert not paced.finished and paced.annotation.result["pace"] == "ground"


def test_coming_back_sharply_up_since_the_last_sitting_stops(engine):
    rng = random.Random(4)
    profile = {"person_id": None, "progress": {"step": "memory_2", "caregiver": "your nan", "suds": [2.0]}}
    back = engine.start(INTERVIEW_PATH, profile, rng)
    assert back.messages == [words().welcome_back[0].format(caregiver="your nan")]
    paced = engine.rated_at_start(back.state, 5.0, rng)
    assert paced.finished and paced.annotation.result["reason"] == "sharp_rise"
    calmer = engine.rated_at_start(back.state, 4.0, rng)
    assert not calmer.finished and engine.ask(calmer.state, rng).step == "memory_2"


def test_other_exercises_keep_the_checkins_reading():
    rng = random.Random(5)
    mentalizing = exercise("mentalizing")
    state = mentalizing.start(next(iter(mentalizing.starts.values())), None, rng).state
    assert mentalizing.rated_at_start(state, 9.0, rng) is None


def test_the_ending_after_a_stop_at_the_start():
    assert ending(True, True, before_any_memory=True) == ["stop_at_start", "end_high", "containment_at_start"]
    assert ending(True, False) == ["stop_for_today", "containment"]


# --- the rating after each memory --------------------------------------------------------------------

def test_after_a_memory_the_rating_is_asked_and_the_next_question_waits(engine):
    rng = random.Random(6)
    told = _after_memory(engine, rng)
    assert told.messages[-1] in _unnamed(words().suds_offer) and "'skip'" in told.messages[-1]
    waiting = engine.ask(told.state, rng)
    assert waiting.messages == [] and waiting.question is None  # the rating is the question now
    rated = engine.answer(waiting.state, "4", rng)
    assert rated.messages[0] in _unnamed(words().suds_thanks) and rated.annotation.scores == {"narrative_suds": 4.0}
    assert rated.annotation.step == "memory_1"  # the therapist's curve puts it after the memory it follows
    nxt = engine.ask(rated.state, rng)
    assert nxt.step == "memory_2" and nxt.question


def test_skip_passes_the_rating_by_and_not_the_next_question(engine):
    rng = random.Random(7)
    told = _after_memory(engine, rng)
    waiting = engine.ask(told.state, rng).state
    skipped = engine.skip(waiting, rng)
    assert skipped.step == "memory_2" and skipped.messages == []
    assert engine.ask(skipped.state, rng).step == "memory_2"
    assert engine.ask(skipped.state, rng).question  # asked now, not passed over


@pytest.mark.parametrize("words_instead", ["no", "rather not", "not now thanks"])
def test_words_instead_of_a_rating_pass_it_by_gently(engine, words_instead):
    rng = random.Random(8)
    waiting = engine.ask(_after_memory(engine, rng).state, rng).state
    passed = engine.answer(waiting, words_instead, rng)
    assert passed.messages == _unnamed(words().suds_passed) and passed.annotation.result["rating_passed"]
    assert passed.annotation.step == "memory_1"
    assert "notes" not in passed.annotation.result  # not taken as an answer to a memory question
    assert engine.ask(passed.state, rng).step == "memory_2"


@pytest.mark.parametrize("rating, pace", [("8", "stop"), ("7", "ground")])
def test_the_rating_after_a_memory_paces_the_next_step(engine, rating, pace):
    rng = random.Random(9)
    waiting = engine.ask(_after_memory(engine, rng).state, rng).state
    rated = engine.answer(waiting, rating, rng)
    assert rated.annotation.result["pace"] == pace
    assert rated.finished is (pace == "stop")


def test_a_pause_at_the_rating_comes_back_to_the_question(engine):
    rng = random.Random(10)
    waiting = engine.ask(_after_memory(engine, rng).state, rng).state
    back = engine.resume(waiting)
    assert engine.ask(back, rng).step == "memory_2" and engine.ask(back, rng).question


# --- after harm by the caregiver ----------------------------------------------------------------------

def test_after_harm_the_choice_is_said_once_before_the_next_question(engine):
    rng = random.Random(11)
    state = _at(engine, "memory_3", rng, caregiver="your dad", harmed=True)
    asked = engine.ask(state, rng)
    assert asked.messages[0] == words().after_harm_choice[0].format(caregiver="your dad")
    assert "'skip'" in asked.messages[0] and "'someone else'" in asked.messages[0]
    assert asked.messages[1] == asked.question  # then the question, as before
    later = engine.ask(engine.skip(asked.state, rng).state, rng)
    assert later.step == "memory_4" and later.messages == [later.question]  # once only


def test_someone_else_goes_back_to_the_choice_of_caregiver(engine):
    rng = random.Random(12)
    asked = engine.ask(_at(engine, "memory_3", rng, caregiver="your dad", harmed=True, curve=[3.0]), rng)
    other = engine.answer(asked.state, "I'd rather think about someone else", rng)
    assert other.messages == [words().another_caregiver[0].format(caregiver="your dad")]
    assert other.annotation.result == {"choice": "another_caregiver"}
    state = NarrativeState.from_dict(other.state)
    assert other.step == "caregiver" and not state.harmed and state.caregiver == "" and state.curve == [3.0]
    named = engine.answer(engine.ask(other.state, rng).state, "my gran", rng)
    assert NarrativeState.from_dict(named.state).caregiver == "your gran" and named.step == "five_words"


def test_a_memory_that_mentions_someone_else_is_a_memory(engine):
    rng = random.Random(13)
    asked = engine.ask(_at(engine, "memory_3", rng, caregiver="your dad", harmed=True), rng)
    told = engine.answer(asked.state, "When I was seven he left me at the fair and someone else had to take me home.", rng)
    assert told.step == "memory_4" and "notes" in told.annotation.result


def test_without_harm_no_choice_is_said(engine):
    rng = random.Random(14)
    asked = engine.ask(_at(engine, "memory_3", rng, caregiver="your dad"), rng)
    assert asked.messages == [asked.question]
