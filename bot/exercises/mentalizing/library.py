"""The mentalizing exercise's data files, read and validated once per process."""
from __future__ import annotations

import functools
from pathlib import Path

from bot.content import ContentError, load_document, parse_document, parse_entries, read_yaml
from bot.exercises.mentalizing.schema import (
    FeedbackCatalogue,
    OtherPerson,
    Questions,
    Scenario,
    ScenarioLibrary,
    SelectionRules,
)

HERE = Path(__file__).parent
SCENARIOS_FILE = HERE / "scenarios.yml"
QUESTIONS_FILE = HERE / "questions.yml"
FEEDBACK_FILE = HERE / "feedback.yml"

# On the "my own moment" path nobody is named; questions read naturally with this phrase too.
UNNAMED_OTHER = OtherPerson(name="the other person", pronoun="they")


def parse_scenario_library(raw: object, source: str = SCENARIOS_FILE.name) -> tuple[SelectionRules, list[Scenario]]:
    """Validate a scenario file's contents: the selection rules and every scenario entry."""
    library = parse_document(raw, ScenarioLibrary, source=source)
    return library.selection, parse_entries(library.scenarios, Scenario, source=source)


@functools.lru_cache(maxsize=None)
def _library() -> tuple[SelectionRules, tuple[Scenario, ...]]:
    rules, scenarios = parse_scenario_library(read_yaml(SCENARIOS_FILE))
    return rules, tuple(scenarios)


def scenarios() -> tuple[Scenario, ...]:
    return _library()[1]


def selection_rules() -> SelectionRules:
    return _library()[0]


def scenario_by_id(scenario_id: str) -> Scenario:
    for scenario in scenarios():
        if scenario.id == scenario_id:
            return scenario
    raise ContentError(f"{SCENARIOS_FILE.name}: no scenario with id {scenario_id!r}")


@functools.lru_cache(maxsize=None)
def questions() -> Questions:
    return load_document(QUESTIONS_FILE, Questions)


@functools.lru_cache(maxsize=None)
def feedback_catalogue() -> FeedbackCatalogue:
    return load_document(FEEDBACK_FILE, FeedbackCatalogue)
