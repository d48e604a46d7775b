"""Control characters, handled in one place for the three reasons text is cleaned.

- `storable`: what comes in from a channel or a form is kept, but without the C0 controls a
  database cannot store or a terminal would obey (tab, newline and carriage return stay).
- `blank_controls`: the analysis needs the caller's character offsets to stay valid, so it replaces
  controls (C0 and C1), lone surrogates and byte-order marks with spaces, one for one.
- `clean_text` / `one_line`: what is shown to a reader (exports, the review terminal, quotes) loses
  every control character and the bidirectional marks that can make a line display differently
  from what it says ("trojan source"); `one_line` also folds whitespace.
"""
from __future__ import annotations

import re
import unicodedata

_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEPT_CONTROLS = frozenset("\n\t")


def storable(text: str) -> str:
    """The text without C0 controls other than tab, newline and carriage return, nor DEL."""
    return _UNSTORABLE.sub("", text)


def blank_controls(text: str) -> tuple[str, bool]:
    """The text with controls, lone surrogates and byte-order marks replaced by spaces (same
    length), and whether anything was replaced."""
    if not _UNPARSABLE.search(text):  # the common case: nothing to replace, no per-character loop
        return text, False
    return _UNPARSABLE.sub(" ", text), True


def clean_text(text: str | None) -> str:
    """The text without control characters (newlines and tabs kept, CR/CRLF become newlines)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text
        if ch in _KEPT_CONTROLS
        or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )


def one_line(text: str | None) -> str:
    """Clean text on a single line (for table cells, headings, titles and quotes)."""
    return " ".join(clean_text(text).split())
