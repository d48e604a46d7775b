"""The mentalizing exercise's two paths and their steps.

The steps follow the MBT stance (docs/constructs.md, "Mentalizing and the MBT stance"): the
person's own feeling first, then the other person's mind, other possible readings of it, how the
person looked from the other side, and what they make of it now. The "my own moment" path starts
by asking what happened.
"""
from __future__ import annotations

from bot.exercises.mentalizing.declaration import OWN_MOMENT_PATH, SCENARIO_PATH
from bot.exercises.mentalizing.schema import STEPS

PATHS = {SCENARIO_PATH: STEPS[1:], OWN_MOMENT_PATH: STEPS}


class UnknownStep(ValueError):
    pass


def steps_for(path: str) -> tuple[str, ...]:
    """The steps of a path, in order: "scenario" (a moment from the library) or "own"."""
    try:
        return PATHS[path]
    except KeyError:
        raise ValueError(f"unknown path {path!r}; expected one of {sorted(PATHS)}") from None
