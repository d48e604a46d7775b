"""Leaving out relationships that are not part of a person's life (leave_out.py, selection.py):
heard in an answer, met with care, remembered in the profile, respected by every later choice."""
from __future__ import annotations

import random

import pytest

from bot.exercises.contract import AnsweredTurn
from bot.exercises.mentalizing import ExerciseState, scenario_by_id
from bot.exercises.mentalizing.exercise import HISTORY_LIMIT, MentalizingExercise, history_from, remember_scenario
from bot.exercises.mentalizing.leave_out import left_out_in
from bot.exercises.mentalizing.library import scenarios
from bot.exercises.mentalizing.schema import LEAVE_OUT
from bot.exercises.mentalizing.selection import PersonHistory, choose_scenario

EXERCISE = MentalizingExercise()


@pytest.mark.parametrize("text, kind, keys", [
    ("My mum died last year.", "loss", {"mother"}),
    ("my dad passed away when I was small", "loss", {"father"}),
    ("I lost my father in March", "loss", {"father"}),
    ("my parents are both dead", "loss", {"parent"}),
    ("I'm widowed", "loss", {"partner"}),
    ("I'm not in touch with my family", "estranged", {"parent", "sibling"}),
    ("I don’t speak to my mother anymore", "estranged", {"mother"}),
    ("I don't have kids", "absent", {"child"}),
    ("i dont have any children so I can't really say", "absent", {"child"}),
    ("I'm an only child", "absent", {"sibling"}),
    ("I'm single", "absent", {"partner"}),
    ("I'm a single mum", "absent", {"co_parent"}),
    ("I don't have a job right now", "absent", {"colleague"}),
])
def test_saying_a_relationship_is_not_there_is_heard(text, kind, keys):
    found = left_out_in(text)
    assert found is not None and found.kind == kind and found.keys == keys


@pytest.mark.parametrize("text", [
    "I felt hurt and sad, like my mum didn't care.",
    "I don't have a partner who listens to me, that's how it felt.",
    "I lost my dad's number so I couldn't call him.",
    "I'm single-handedly running the house.",
    "I lost my temper with my father.",
    "",
])
def test_ordinary_answers_leave_nothing_out(text):
    assert left_out_in(text) is None


def _on(scenario_id: str) -> dict:
    state = ExerciseState()
    state.start_scenario(scenario_id)
    return state.to_dict()


def test_a_bereavement_is_met_first_and_the_moment_changes(rng):
    reply = EXERCISE.answer(_on("parent_job_question"), "My mum died last year.", rng)
    assert reply.annotation is None  # not an answer to the question: nothing scored
    first = reply.messages[0]
    assert "sorry" in first.lower() and "a mother" in first
    state = ExerciseState.from_dict(reply.state)
    assert state.left_out == ["mother"] and state.step == "own_feeling"
    assert "mother" not in scenario_by_id(state.scenario_id).assumes
    assert scenario_by_id(state.scenario_id).moment.split()[0] in reply.messages[-1]
    assert EXERCISE.ask(reply.state, rng).question  # the new moment's first question follows


def test_an_estrangement_is_not_met_with_condolences(rng):
    reply = EXERCISE.answer(_on("parent_sibling_praise"), "I'm estranged from my family, honestly.", rng)
    assert "sorry" not in reply.messages[0].lower()
    assert set(ExerciseState.from_dict(reply.state).left_out) == {"parent", "sibling"}


def test_a_relationship_this_moment_does_not_assume_changes_nothing(rng, analyse):
    reply = EXERCISE.answer(_on("partner_unanswered_text"), "I don't have kids, but I felt hurt and ignored.", rng)
    assert reply.annotation is not None and ExerciseState.from_dict(reply.state).left_out == []


def test_the_own_moment_path_never_changes_the_moment(rng):
    started = EXERCISE.start("own", [], rng)
    reply = EXERCISE.answer(started.state, "My dad passed away and my brother didn't call me.", rng)
    assert reply.annotation is not None and ExerciseState.from_dict(reply.state).left_out == []


def test_a_left_out_relationship_is_remembered_and_respected_next_time(rng):
    changed = EXERCISE.answer(_on("child_slammed_door"), "I don't have children.", rng)
    profile = EXERCISE.close(changed.state, [], [], rng).profile
    assert history_from(profile).leave_out == {"child"}
    for seed in range(40):
        started = EXERCISE.start("scenario", profile, random.Random(seed))
        assert "child" not in scenario_by_id(ExerciseState.from_dict(started.state).scenario_id).assumes


def test_stopping_part_way_still_remembers_what_was_left_out(rng):
    assert EXERCISE.stopped(_on("child_slammed_door"), [], [], rng) is None
    changed = EXERCISE.answer(_on("child_slammed_door"), "I don't have kids.", rng)
    closing = EXERCISE.stopped(changed.state, [], [], rng)
    assert closing is not None and closing.messages == [] and history_from(closing.profile).leave_out == {"child"}


def test_answers_before_the_change_are_not_summarised_with_the_new_moment(rng):
    state = _on("parent_job_question")
    first = EXERCISE.answer(state, "I felt irritated and small, like a child being checked up on.", rng)
    changed = EXERCISE.answer(first.state, "Actually my mum died last year.", rng)
    turns = [AnsweredTurn(first.annotation, "I felt irritated and small, like a child being checked up on.")]
    closing = EXERCISE.close(changed.state, turns, [], rng)
    assert "checked up on" not in closing.messages[0]


def test_a_newcomer_hears_once_that_a_moment_can_be_left_out(rng):
    newcomer = EXERCISE.start("scenario", [], rng).messages
    assert len(newcomer) == 2 and "leave" in newcomer[-1]
    returning = EXERCISE.start("scenario", remember_scenario([], "partner_quiet_dinner"), rng).messages
    assert len(returning) == 1


@pytest.mark.parametrize("seed", range(30))
def test_the_selection_never_offers_a_left_out_relationship(seed):
    rng = random.Random(seed)
    for key in LEAVE_OUT:
        chosen = choose_scenario(PersonHistory(leave_out={key}), scenarios(), rng)
        assert key not in chosen.assumes


def test_leaving_out_a_mother_keeps_moments_with_a_father():
    rng = random.Random(3)
    chosen = {choose_scenario(PersonHistory(leave_out={"mother"}), [s for s in scenarios()
                                                                  if s.relationship == "parent"], rng).id
              for _ in range(50)}
    assert chosen and all("father" in scenario_by_id(i).assumes for i in chosen)


def test_with_everything_left_out_a_moment_with_a_stranger_remains():
    chosen = choose_scenario(PersonHistory(leave_out=set(LEAVE_OUT)), scenarios(), random.Random(1))
    assert chosen.relationship == "stranger"


def test_left_outs_outlive_a_long_history():
    profile = remember_scenario([], None, ["child"])
    for _ in range(HISTORY_LIMIT + 5):
        profile = remember_scenario(profile, "friend_short_reply")
    assert history_from(profile).leave_out == {"child"}
    assert len([r for r in profile if "scenario_id" in r]) == HISTORY_LIMIT
