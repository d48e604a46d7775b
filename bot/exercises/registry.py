"""The registered exercises. Adding an exercise adds one entry to DECLARATIONS (CONTRIBUTING.md).

Everything that must know every exercise reads this registry rather than naming one: the generic
actions (actions/exercise.py), the message catalogues (bot/messages.py), the export's score labels
and charts and the review's colours (bot/export/, bot/review/). Those read only the declarations;
an exercise's engine (which may load spaCy) is imported the first time the dialogue runs it.
"""
from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping, Sequence

from bot.exercises.contract import Declaration, Exercise, ReportSection, ScoreSpec
from bot.exercises.mentalizing.declaration import DECLARATION as MENTALIZING
from bot.exercises.narrative.declaration import DECLARATION as NARRATIVE
from bot.exercises.repair.declaration import DECLARATION as REPAIR
from bot.exercises.trainee.declaration import DECLARATION as TRAINEE

DECLARATIONS: tuple[Declaration, ...] = (MENTALIZING, TRAINEE, REPAIR, NARRATIVE)


class UnknownExercise(KeyError):
    pass


def declarations() -> Mapping[str, Declaration]:
    """Name -> declaration, in registration order."""
    return {d.name: d for d in DECLARATIONS}


@functools.lru_cache(maxsize=None)
def exercise(name: str | None) -> Exercise:
    """The exercise's engine (one instance per process)."""
    declaration = declarations().get(str(name))
    if declaration is None:
        raise UnknownExercise(name)
    module, _, cls = declaration.engine.partition(":")
    engine = getattr(importlib.import_module(module), cls)()
    if engine.declaration is not declaration:
        raise TypeError(f"{declaration.engine} does not carry the declaration registered for {name!r}")
    return engine


def for_start_intent(intent: str | None) -> tuple[Exercise, str] | None:
    """The exercise and path an intent starts, if any."""
    for declaration in DECLARATIONS:
        if intent is not None and intent in declaration.starts:
            return exercise(declaration.name), declaration.starts[intent]
    return None


def simulated_exercises() -> frozenset[str]:
    """Exercises in which a simulated client speaks (their sessions are labelled as such)."""
    return frozenset(d.name for d in DECLARATIONS if d.simulated)


def session_report(name: str, turns: Sequence[Mapping]) -> list[ReportSection]:
    """The exercise's whole-session report for reviewers, from its annotated turns in order (each a
    mapping with the user's `text`, the annotation's `step`, `result`, `scores` and `evidence`);
    empty when the exercise declares no report."""
    declaration = declarations().get(name)
    if declaration is None or not declaration.report:
        return []
    module, _, function = declaration.report.partition(":")
    return list(getattr(importlib.import_module(module), function)(turns))


def score_specs() -> dict[str, ScoreSpec]:
    """Every declared score by name (names are unique across exercises: a contract test checks)."""
    return {spec.name: spec for d in DECLARATIONS for spec in d.scores}


def marker_styles() -> dict[str, str]:
    """Evidence marker -> review terminal style, from every exercise."""
    styles: dict[str, str] = {}
    for declaration in DECLARATIONS:
        styles.update(declaration.marker_styles)
    return styles
