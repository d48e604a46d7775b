"""The mentalizing practice exercise: reflect on a relational moment, get feedback on it.

Modules, one job each: `declaration` (what the rest of Attune knows of it), `paths` (the steps),
`asking` (the moment and the questions), `feedback` (the reply to an answer), `state` (the step
state between turns), `record` (one answer and its annotation), `summary` (the closing words and
the therapist view), `selection` (which scenario next), `people` (who an own moment is about),
`library` and `schema` (the content files), and `exercise` (all of it on the exercise contract,
bot/exercises/contract.py).

The names below are imported on first use, so that importing the declaration (as the store and
the review command do) loads neither the analysis nor spaCy.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "offer_another": "asking", "present_scenario": "asking", "question_for": "asking",
    "MentalizingExercise": "exercise", "Feedback": "feedback", "feedback_for": "feedback",
    "scenario_by_id": "library", "scenarios": "library",
    "OWN_MOMENT_PATH": "paths", "SCENARIO_PATH": "paths", "steps_for": "paths",
    "other_person_in": "people", "Turn": "record",
    "AttachmentCheckin": "selection", "PastScenario": "selection", "PersonHistory": "selection",
    "choose_scenario": "selection", "ExerciseState": "state",
    "closing_summary": "summary", "therapist_view": "summary",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
