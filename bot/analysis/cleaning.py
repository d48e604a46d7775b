"""Make any input safe to parse while keeping character offsets valid for the caller's text.

Every replacement keeps the length of the text (one character for one), so an evidence span's
offsets point at the same characters in the text the caller passed; only truncation shortens it,
and then the offsets are still valid for the kept prefix. What was done is said in `notes`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.text import blank_controls

# Typographic quotes become ASCII ones so that "can’t" tokenises like "can't" for the patterns.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]{0,200}>|\{\{.*?\}\}|\$\{.*?\}|javascript:", re.S)
# A cut prefers the end of a sentence in the last fifth of the window, then a space.
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass
class Prepared:
    text: str
    original_length: int
    truncated: bool = False
    notes: list[str] = field(default_factory=list)


def prepare(raw: object, max_chars: int) -> Prepared:
    """The text to analyse and notes on what was done to it; never raises."""
    notes: list[str] = []
    if raw is None:
        raw, notes = "", ["No text was given."]
    elif not isinstance(raw, str):
        raw = raw.decode("utf-8", "replace") if isinstance(raw, (bytes, bytearray)) else str(raw)
        notes.append("The input was not text; it was converted to text.")
    text, changed = blank_controls(raw)
    if changed:
        notes.append("Control or invalid characters were replaced with spaces before analysis.")
    text = text.translate(_QUOTES)
    prepared = Prepared(text=text, original_length=len(raw), notes=notes)
    if len(text) > max_chars:
        prepared.text = _cut(text, max_chars)
        prepared.truncated = True
        notes.append(
            f"The text was {len(text)} characters long; only the first {len(prepared.text)} were analysed."
        )
    if not prepared.text.strip():
        notes.append("The message is empty: there is nothing to analyse.")
    elif not any(ch.isalpha() for ch in prepared.text):
        notes.append("The message has no words (only emoji, numbers or symbols): there is nothing to analyse.")
    if _MARKUP.search(prepared.text):
        notes.append("The text contains markup or code; it was analysed as plain text (quote it escaped).")
    return prepared


def _cut(text: str, max_chars: int) -> str:
    window = text[:max_chars]
    floor = int(max_chars * 0.8)
    ends = [m.end() for m in _SENTENCE_END.finditer(window, floor)]
    if ends:
        return window[: ends[-1]]
    space = window.rfind(" ", floor)
    return window[:space] if space > 0 else window
