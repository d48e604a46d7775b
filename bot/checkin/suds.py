"""Read a SUDS rating (Subjective Units of Distress, 0-10) from what a person typed.

Accepts "7", "seven", "about 6/10", "6 out of 10", "a 4 I guess", "7.5" (rounded). Anything else,
two different numbers, or a number outside 0-10 is not guessed at: the caller re-asks, and the
`problem` says why so the question can be put more clearly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SUDS_MIN, SUDS_MAX = 0, 10
HIGH_DISTRESS = 7  # from 7 up we offer grounding before anything else
MODERATE_DISTRESS = 4
VERY_HIGH_DISTRESS = 9  # from 9 up: support (someone to turn to, emergency help) as well as grounding

_WORDS = {
    "zero": 0, "nought": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<value>-?\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + r")(?![\w])"
    r"(?:\s*(?:/|out\s+of|of)\s*(?P<scale>\d+|ten))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SudsReading:
    value: int | None
    problem: str | None = None  # "missing", "out_of_range", "ambiguous", "other_scale"


def _to_number(token: str) -> float:
    token = token.lower()
    return float(_WORDS[token]) if token in _WORDS else float(token.replace(",", "."))


def parse_suds(text: str | None) -> SudsReading:
    """Return the 0-10 rating in `text`, or why there is none."""
    matches = list(_NUMBER.finditer(text or ""))
    if not matches:
        return SudsReading(None, "missing")
    values = set()
    for match in matches:
        scale = match.group("scale")
        if scale and _to_number(scale) != SUDS_MAX:
            return SudsReading(None, "other_scale")
        values.add(_to_number(match.group("value")))
    if len(values) > 1:
        return SudsReading(None, "ambiguous")
    value = values.pop()
    if not SUDS_MIN <= value <= SUDS_MAX:
        return SudsReading(None, "out_of_range")
    return SudsReading(int(value + 0.5))  # round half up: 6.5 -> 7


# A rating offered beside a question may be answered by the question instead: there only a message
# that is plainly a rating counts. Short, unless it names the scale ("I'd put it at 6 out of 10").
# A number word must stand nearly alone, since "one" is far more often a pronoun ("this one is hard").
OFFERED_MAX_WORDS = 8
OFFERED_MAX_WORDS_SPELLED = 3
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def parse_offered_rating(text: str | None) -> SudsReading:
    """`parse_suds` for a rating that was offered, not asked for: a longer message is an answer."""
    reading = parse_suds(text)
    if reading.value is None:
        return reading
    words = len(_WORD.findall(text or ""))
    match = _NUMBER.search(text or "")
    named_scale = bool(match and match.group("scale"))
    spelled = bool(match and match.group("value").lower() in _WORDS)
    limit = OFFERED_MAX_WORDS_SPELLED if spelled else OFFERED_MAX_WORDS
    if words > limit and not named_scale:
        return SudsReading(None, "missing")
    return reading


def is_high_distress(value: float | None) -> bool:
    return value is not None and value >= HIGH_DISTRESS


def is_very_high_distress(value: float | None) -> bool:
    return value is not None and value >= VERY_HIGH_DISTRESS


def is_moderate_distress(value: float | None) -> bool:
    return value is not None and MODERATE_DISTRESS <= value < HIGH_DISTRESS
