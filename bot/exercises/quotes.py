"""Quoting a person's own words back to them, from the evidence an analysis found.

Evidence is often a single word ("maybe", "worried"); quoting just that word sounds mechanical, so
the quote widens to the phrase around it, up to the nearest clause boundary and a few words either
side. The quote is always a slice of what the person typed (exact words, exact spelling); only runs
of whitespace and control characters are shown as one space, so a quote stays on one line, and a
long span is quoted by its first words followed by "...".
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from bot.analysis.evidence import Evidence
from bot.text import blank_controls

# Context kept around the evidence: a little before it, more after (a feeling word is usually
# followed by what it is about: "worried about the rent").
MAX_WORDS_BEFORE = 6
MAX_WORDS_AFTER = 9
MAX_QUOTE_CHARS = 100
MAX_QUOTE_WORDS = 14
MIN_QUOTE_WORDS = 3
# Where a clause ends: sentence punctuation, semicolons, colons, dashes, commas, line breaks; also
# markup characters, so that a quote never carries a tag or formatting back into the chat.
_BOUNDARY = re.compile(r"[.!?;:,\n\r\u2014\u2013()\[\]{}<>*_`|#\"“”]|\s-\s")
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = " \t'\"‘’“”.,;:!?-"


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
    left = 0
    for match in _BOUNDARY.finditer(text, 0, start):
        left = match.end()
    right = _next_boundary(text, end)
    # "Looking back," alone says little: run on past commas until the quote has a few words.
    while len(_WORD.findall(text, left, right)) < MIN_QUOTE_WORDS and text[right:right + 1] == ",":
        right = _next_boundary(text, right + 1)
    return left, right


def _next_boundary(text: str, position: int) -> int:
    match = _BOUNDARY.search(text, position)
    return match.start() if match else len(text)


def _trim_words(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Keep a few words either side of the evidence. Where the end of the phrase is cut, drop the
    function words left dangling there ("stupid for" -> "stupid"), never the evidence itself."""
    before = list(_WORD.finditer(text, left, start))
    if len(before) > MAX_WORDS_BEFORE:
        left = before[-MAX_WORDS_BEFORE].start()
    after = list(_WORD.finditer(text, end, right))
    if len(after) > MAX_WORDS_AFTER:
        kept = after[:MAX_WORDS_AFTER]
        while kept and _is_function_word(kept[-1].group()):
            kept.pop()
        right = kept[-1].end() if kept else end
    return left, right


def _is_function_word(word: str) -> bool:
    return word.strip(_EDGE_PUNCT).lower() in STOP_WORDS


def quote_for(text: str, evidence: Evidence) -> str | None:
    """The person's words around `evidence`, ready to put in quotation marks; None if not found."""
    located = _locate(text, evidence)
    if located is None:
        return None
    start, end = located
    left, right = _clause_bounds(text, start, end)
    left, right = _trim_words(text, left, right, start, end)
    quote = " ".join(blank_controls(text[left:right])[0].split()).strip(_EDGE_PUNCT)
    if not quote:
        return None
    return _shorten(quote)


def _shorten(quote: str) -> str:
    """A long span (a whole causal sentence can be evidence) is quoted by its beginning, marked "..."."""
    words = quote.split(" ")
    if len(words) <= MAX_QUOTE_WORDS and len(quote) <= MAX_QUOTE_CHARS:
        return quote
    kept = words[:MAX_QUOTE_WORDS]
    while len(" ".join(kept)) > MAX_QUOTE_CHARS and len(kept) > 1:
        kept.pop()
    while len(kept) > 1 and _is_function_word(kept[-1]):
        kept.pop()
    return " ".join(kept).rstrip(_EDGE_PUNCT) + "..."
