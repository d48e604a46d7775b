"""Quoting a person's own words back to them, from the evidence an analysis found.

Evidence is often a single word ("maybe", "worried"); quoting just that word sounds mechanical, so
the quote widens to the clause around it. A quote is always a slice of what the person typed
(exact words, exact spelling); only runs of whitespace and control characters are shown as one
space, so a quote stays on one line.

A long clause is never cut mid-phrase without saying so: it is cut where a smaller clause starts
("because", "when", "but": the words in quotes.yml) when one is near, otherwise between words, and
every side that was cut is marked with "...". A conditional or a negation that governs the
evidence stays in the quote ("if he ignored me I'd feel stupid" never becomes "I'd feel stupid"),
because a quote that turns a supposition into a fact puts words in the person's mouth.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from spacy.lang.en.stop_words import STOP_WORDS

from bot.analysis.evidence import Evidence
from bot.content import load_document
from bot.text import blank_controls

WORDS_FILE = Path(__file__).with_suffix(".yml")
# Context kept around the evidence: a little before it, more after (a feeling word is usually
# followed by what it is about: "worried about the rent").
MAX_WORDS_BEFORE = 6
MAX_WORDS_AFTER = 9
# How far back a conditional or a negation still governs the evidence and is kept with it.
MAX_KEEP_BACK = 10
MAX_QUOTE_CHARS = 100
MAX_QUOTE_WORDS = 14
MIN_QUOTE_WORDS = 3
ELLIPSIS = "..."
# Where a clause ends: sentence punctuation, semicolons, colons, dashes, commas, line breaks; also
# markup characters, so that a quote never carries a tag or formatting back into the chat.
_BOUNDARY = re.compile(r"[.!?;:,\n\r\u2014\u2013()\[\]{}<>*_`|#\"“”]|\s-\s")
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = " \t'\"‘’“”.,;:!?-"


class QuoteWords(BaseModel):
    """quotes.yml: the words that keep a quote's meaning, and where a long clause may be cut."""

    keep_before: dict[str, list[str]]
    dropped_lead_ins: list[str]
    clause_starts: list[str]


@dataclass(frozen=True)
class _Cues:
    conditionals: frozenset[str]
    negations: frozenset[str]
    clause_starts: frozenset[str]
    lead_ins: frozenset[str]


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
    loaded = load_document(WORDS_FILE, QuoteWords)

    def lower(words: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    return _Cues(lower(loaded.keep_before.get("conditional", [])),
                 lower(loaded.keep_before.get("negation", [])), lower(loaded.clause_starts),
                 lower(loaded.dropped_lead_ins))


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCT).replace("’", "'").lower()


def _locate(text: str, evidence: Evidence) -> tuple[int, int] | None:
    """Offsets of the evidence in `text`, checked against its words (an analysis may have parsed a
    normalised copy, e.g. with straight apostrophes, so compare loosely and search if they drift)."""
    def loose(value: str) -> str:
        return value.replace("’", "'").replace("‘", "'").lower()

    start, end = evidence.start, evidence.end
    if 0 <= start < end <= len(text) and loose(text[start:end]) == loose(evidence.text):
        return start, end
    found = loose(text).find(loose(evidence.text)) if evidence.text else -1
    return (found, found + len(evidence.text)) if found >= 0 else None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left, previous = 0, 0
    for match in _BOUNDARY.finditer(text, 0, start):
        previous, left = left, match.end()
    # "If she ignored me, I'd feel stupid": the condition before the comma belongs to the quote.
    before = _WORD.search(text, previous, left)
    if left and text[left - 1] == "," and before and _bare(before.group()) in _cues().conditionals:
        left = previous
    right = _next_boundary(text, end)
    # "Looking back," alone says little: run on past commas until the quote has a few words.
    while len(_WORD.findall(text, left, right)) < MIN_QUOTE_WORDS and text[right:right + 1] == ",":
        right = _next_boundary(text, right + 1)
    return left, right


def _next_boundary(text: str, position: int) -> int:
    match = _BOUNDARY.search(text, position)
    return match.start() if match else len(text)


def _is_function_word(word: str) -> bool:
    return _bare(word) in STOP_WORDS


def quote_for(text: str, evidence: Evidence) -> str | None:
    """The person's words around `evidence`, ready to put in quotation marks; None if not found, or
    if the condition it depends on is too far back to quote with it."""
    located = _locate(text, evidence)
    if located is None:
        return None
    start, end = located
    left, right = _clause_bounds(text, start, end)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, left, right)]
    if not words:
        return None
    first = next((i for i, (s, e) in enumerate(words) if e > start), len(words) - 1)
    last = max((i for i, (s, e) in enumerate(words) if s < end), default=first)
    bare = [_bare(text[s:e]) for s, e in words]
    begin = _begin(bare, first, last)
    if begin is None:
        return None
    cut_left = begin > 0
    if begin < first and bare[begin] in _cues().lead_ins:  # a link to what came before, not the words
        begin += 1
    stop = _stop(text, words, begin, first, last)
    cut_right = stop < len(words) - 1
    quote, cut_right = _fit_chars(_join(text, words[begin][0], words[stop][1]), cut_right)
    if not quote:
        return None
    return (ELLIPSIS if cut_left else "") + quote + (ELLIPSIS if cut_right else "")


def _begin(bare: list[str], first: int, last: int) -> int | None:
    """Where the quote starts: the clause's start when near; else where a smaller clause starts (or,
    failing that, a word boundary). Never after a condition earlier in the clause or a negation a
    few words back: None when the condition is too far back to quote with the evidence."""
    cues = _cues()
    must = first
    for i in range(first - 1, -1, -1):
        if bare[i] in cues.conditionals:
            if last - i + 1 > MAX_QUOTE_WORDS:
                return None
            must = i
            break
    for i in range(first - 1, max(-1, first - 1 - MAX_KEEP_BACK), -1):
        if bare[i] in cues.negations or bare[i].endswith("n't"):
            must = min(must, i)
    if first <= MAX_WORDS_BEFORE:
        return 0
    for i in range(must, max(0, first - MAX_KEEP_BACK) - 1, -1):
        if i > 0 and bare[i] in cues.clause_starts:
            return i
    return min(must, first - MAX_WORDS_BEFORE)


def _stop(text: str, words: list[tuple[int, int]], begin: int, first: int, last: int) -> int:
    """The quote's last word: the clause's end when it fits, else just before the last smaller
    clause that starts in reach, else a word boundary with no function word left dangling
    ("stupid for" -> "stupid")."""
    limit = min(len(words) - 1, last + MAX_WORDS_AFTER, begin + MAX_QUOTE_WORDS - 1)
    if limit == len(words) - 1:
        return limit
    limit = max(limit, last)
    for i in range(limit, last + 1, -1):
        if _bare(text[slice(*words[i])]) in _cues().clause_starts:
            return i - 1  # the smaller clause before it is whole: nothing dangles
    return _drop_dangling(text, words, limit, last)


def _drop_dangling(text: str, words: list[tuple[int, int]], stop: int, last: int) -> int:
    while stop > last and _is_function_word(text[slice(*words[stop])]):
        stop -= 1
    return stop


def _join(text: str, left: int, right: int) -> str:
    return " ".join(blank_controls(text[left:right])[0].split()).strip(_EDGE_PUNCT)


def _fit_chars(quote: str, cut: bool) -> tuple[str, bool]:
    """A quote too long in characters (long words, or evidence that is a whole sentence) keeps its
    first words; the cut is marked like any other."""
    words = quote.split(" ")
    if len(words) <= MAX_QUOTE_WORDS and len(quote) <= MAX_QUOTE_CHARS:
        return quote, cut
    kept = words[:MAX_QUOTE_WORDS]
    while len(" ".join(kept)) > MAX_QUOTE_CHARS and len(kept) > 1:
        kept.pop()
    while len(kept) > 1 and _is_function_word(kept[-1]):
        kept.pop()
    shortened = " ".join(kept).rstrip(_EDGE_PUNCT)
    if len(shortened) > MAX_QUOTE_CHARS:  # one unbroken run of characters
        shortened = shortened[:MAX_QUOTE_CHARS]
    return shortened, True
