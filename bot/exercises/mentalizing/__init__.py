"""The mentalizing practice exercise (issue 6): reflect on a relational moment, get feedback on it.

Public API (no Rasa): `steps_for`, `question_for`, `feedback_for`, `closing_summary`,
`therapist_view`, `choose_scenario`, `other_person_in` (who an own moment is about), and `ExerciseState`/`Turn` to carry a session between turns.
"""
from bot.exercises.mentalizing.engine import (
    OWN_MOMENT_PATH,
    SCENARIO_PATH,
    ExerciseState,
    Feedback,
    Turn,
    feedback_for,
    introduce_own_moment,
    offer_another,
    present_scenario,
    question_for,
    steps_for,
)
from bot.exercises.mentalizing.library import scenario_by_id, scenarios
from bot.exercises.mentalizing.people import other_person_in
from bot.exercises.mentalizing.selection import AttachmentCheckin, PastScenario, PersonHistory, choose_scenario
from bot.exercises.mentalizing.summary import closing_summary, therapist_view

__all__ = [
    "OWN_MOMENT_PATH", "SCENARIO_PATH", "AttachmentCheckin", "ExerciseState", "Feedback", "PastScenario",
    "PersonHistory", "Turn", "choose_scenario", "closing_summary", "feedback_for", "introduce_own_moment",
    "offer_another", "other_person_in", "present_scenario", "question_for", "scenario_by_id", "scenarios", "steps_for",
    "therapist_view",
]
