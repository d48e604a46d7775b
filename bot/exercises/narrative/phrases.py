"""Whole-word phrase matching over a person's answer, with spans (offsets into the answer)."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Lower case with straight apostrophes, the same length as `text` so offsets still fit."""
    return (text or "").translate(_APOSTROPHES).lower()


@functools.lru_cache(maxsize=256)
def pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "still makes me" wins over "still"; spaces match any run of whitespace.
    alternatives = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")


def find(text: str, phrases: Iterable[str]) -> list[Span]:
    lowered = normalise(text)
    return [Span(m.start(), m.end(), text[m.start():m.end()]) for m in pattern(tuple(phrases)).finditer(lowered)]


def count_words(text: str) -> int:
    return len(re.findall(r"[A-Za-z\u00C0-\u024F']+", text or ""))
