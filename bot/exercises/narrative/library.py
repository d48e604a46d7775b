"""The narrative retelling's data files, read and validated once per process."""
from __future__ import annotations

import functools
from pathlib import Path

from bot.content import load_document
from bot.exercises.narrative.schema import Lexicon, Questions, Step, Words

HERE = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def questions() -> Questions:
    return load_document(HERE / "questions.yml", Questions)


@functools.lru_cache(maxsize=None)
def words() -> Words:
    return load_document(HERE / "words.yml", Words)


@functools.lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    return load_document(HERE / "lexicon.yml", Lexicon)


def steps() -> tuple[Step, ...]:
    return tuple(questions().steps)


def step_ids() -> tuple[str, ...]:
    return tuple(step.id for step in steps())
