"""Who an own moment is about, read from the person's story with the real parse."""
from __future__ import annotations

import random

import pytest

from bot.exercises.mentalizing import (
    OWN_MOMENT_PATH,
    ExerciseState,
    closing_summary,
    feedback_for,
    other_person_in,
    question_for,
)
from bot.exercises.mentalizing.record import Turn
from bot.exercises.mentalizing.library import feedback_catalogue


@pytest.mark.parametrize(
    ("story", "name", "pronoun"),
    [
        ("My sister didn't call me back after my birthday.", "your sister", "she"),
        ("my older brother laughed at me in front of everyone", "your brother", "he"),
        ("My friend's mother shouted at me.", "your friend's mother", "she"),
        ("My parents forgot to ask about my exam.", "your parents", "they"),
        ("Our manager cancelled the meeting again.", "your manager", "they"),
        ("Mum said I was too sensitive.", "your mum", "she"),
        ("Jake ignored me at the party.", "Jake", "they"),
        ("I texted Priya and she never answered.", "Priya", "they"),
        ("On Monday in London my boss criticised my report.", "your boss", "they"),
    ],
)
def test_the_person_the_story_is_about(story, name, pronoun):
    other = other_person_in(story)
    assert other is not None, story
    assert (other.name, other.pronoun) == (name, pronoun)


@pytest.mark.parametrize(
    "story",
    ["", "   ", "🙂🙂", "I was at work and nobody talked to me.", "Google rejected my application.",
     "It rained all day in Paris.", "x" * 20_000, "<b>my</b> {name}"],
)
def test_no_person_is_invented(story):
    assert other_person_in(story) is None


def test_the_own_moment_path_names_the_person_from_the_story(analyse):
    rng, state, turns = random.Random(3), ExerciseState(), []
    state.start_own_moment()
    assert state.path == OWN_MOMENT_PATH and state.step == "what_happened"
    assert question_for(state.step, state.about(), state.seen, rng)
    story = "My sister didn't reply when I told her I got the job."
    feedback = feedback_for(state.step, story, analyse(story), state.seen, rng, scenario=state.about())
    turns.append(Turn.record(state.step, "q", story, analyse(story), feedback))
    state.note_other(other_person_in(story))
    state.advance(feedback)
    state = ExerciseState.from_dict(state.to_dict())  # through a slot
    assert state.step == "own_feeling"
    state.skip()
    question = question_for(state.step, state.about(), state.seen, rng)
    assert "your sister" in question.lower()
    answer = "I felt hurt, and I doubt she meant it."
    turns.append(Turn.record(state.step, question, answer, analyse(answer),
                                   feedback_for(state.step, answer, analyse(answer), state.seen, rng,
                                                scenario=state.about())))
    summary = closing_summary(turns, state.about(), rng, state.seen)
    # No scenario, so no hidden side to offer.
    assert summary
    for variant in feedback_catalogue().closing.their_side:
        assert variant.split("{name}")[0] not in summary
