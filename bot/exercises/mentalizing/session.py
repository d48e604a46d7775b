"""One chat turn of the mentalizing exercise, for any front end (the Rasa actions, the terminal demo).

The state between turns is an `ExerciseState` as a plain dict, so a Rasa slot can carry it. Each
function takes the state, does one thing the person asked for, and returns what to say.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

from bot.analysis import analyze
from bot.exercises.mentalizing.engine import (
    ExerciseState,
    Feedback,
    Turn,
    feedback_for,
    introduce_own_moment,
    offer_another,
    present_scenario,
    question_for,
)
from bot.exercises.mentalizing.library import scenarios
from bot.exercises.mentalizing.people import other_person_in
from bot.exercises.mentalizing.selection import (
    NoScenarioAvailable,
    PastScenario,
    PersonHistory,
    choose_scenario,
)
from bot.exercises.mentalizing.summary import closing_summary, therapist_view

NAME = "mentalizing"


@dataclass
class Reply:
    """What to say now, and the state to keep for the next turn."""

    state: ExerciseState
    messages: list[str] = field(default_factory=list)
    turn: Turn | None = None  # the answer just recorded, for the transcript's annotations


def history_from(records: Iterable[dict[str, Any]] | None) -> PersonHistory:
    """The person's past scenarios, from the list kept in their profile ({"scenario_id", "when"})."""
    past = []
    for record in records or []:
        try:
            past.append(PastScenario(str(record["scenario_id"]), datetime.fromisoformat(record["when"])))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged record must not stop the exercise
    return PersonHistory(past=tuple(past))


def remember_scenario(records: list[dict] | None, scenario_id: str | None) -> list[dict]:
    """The history with this scenario added (only finished scenarios count as used)."""
    records = list(records or [])
    if scenario_id:
        records.append({"scenario_id": scenario_id, "when": datetime.now(timezone.utc).isoformat()})
    return records[-100:]


def begin_scenario(history: PersonHistory, rng: random.Random, state: ExerciseState | None = None) -> Reply:
    """Offer a scenario chosen for this person; with a `state`, a different one from those offered."""
    state = state or ExerciseState()
    messages = []
    if state.offered:
        messages.append(offer_another(state.seen, rng))
    try:
        scenario = choose_scenario(history, scenarios(), rng, exclude=state.offered)
    except NoScenarioAvailable:
        scenario = choose_scenario(history, scenarios(), rng, exclude=state.offered[-1:])
    state.start_scenario(scenario.id)
    messages.append(present_scenario(scenario, state.seen, rng))
    return Reply(state, messages)


def begin_own_moment(rng: random.Random, state: ExerciseState | None = None) -> Reply:
    state = state or ExerciseState()
    state.start_own_moment()
    return Reply(state, [introduce_own_moment(state.seen, rng)])


def next_question(state: ExerciseState, rng: random.Random) -> str | None:
    """The step's question, or None when the last feedback already asked something (a follow-up)."""
    if state.finished or state.follow_up:
        return None
    return question_for(state.step, state.about(), state.seen, rng)


def take_answer(state: ExerciseState, answer: str, rng: random.Random, question: str = "") -> Reply:
    """Analyse the answer, reply to it, record it and move the flow on."""
    step, follow_up = state.step, state.follow_up
    analysis = analyze(answer or "", only="mentalizing").mentalizing
    feedback: Feedback = feedback_for(step, answer or "", analysis, state.seen, rng,
                                      scenario=state.about(), follow_up=follow_up)
    turn = Turn.record(step, question, answer or "", analysis, feedback, follow_up)
    state.turns.append(turn)
    if step == "what_happened":
        state.note_other(other_person_in(answer or ""))
    state.advance(feedback)
    return Reply(state, [feedback.text], turn)


def closing(state: ExerciseState, rng: random.Random) -> Reply:
    """The words-only summary for the person."""
    return Reply(state, [closing_summary(state.turns, state.about(), rng, state.seen)])


def review(state: ExerciseState) -> dict:
    """Per-turn markers, RF-style estimates and explanations: for therapists and trainees only."""
    return therapist_view(state.turns, state.about() if state.scenario_id else None)
