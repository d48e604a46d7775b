"""Real analysis results for the exercise tests: the mentalizing analysis on a real spaCy parse."""
from __future__ import annotations

import random

import pytest

from bot.analysis import analyze
from bot.exercises.mentalizing import scenario_by_id


@pytest.fixture(scope="session")
def analyse():
    """The MentalizingResult for a text, as the exercise gets it in production (the facade)."""

    def run(text: str):
        return analyze(text, only="mentalizing").mentalizing

    return run


@pytest.fixture
def rng() -> random.Random:
    return random.Random(7)


@pytest.fixture
def scenario():
    return scenario_by_id("partner_unanswered_text")
