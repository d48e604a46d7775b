"""Make stored text inert before it goes into a document: every exporter passes message text,
notes and names through here, because a client's message may hold markup, formulas or terminal
escapes that must be shown, never executed.
"""
from __future__ import annotations

import re
import unicodedata

# Bidirectional embedding/override/isolate marks can make a line display differently from what it
# says ("trojan source"); they are removed together with control characters.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEPT_CONTROLS = frozenset("\n\t")


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
    """Clean text on a single line (for table cells, headings and titles)."""
    return " ".join(clean_text(text).split())


# Characters that start Markdown (and inline HTML or entity) syntax anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# Syntax that only counts at the start of a line: bullets, setext underlines, ordered lists.
_MD_BULLET = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str | None) -> str:
    """Clean text with every Markdown special character backslash-escaped (CommonMark allows a
    backslash before any ASCII punctuation, so the escaped text renders as the literal characters)."""
    escaped = _MD_INLINE.sub(r"\\\1", clean_text(text))
    escaped = _MD_BULLET.sub(r"\1\\\2", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


# Spreadsheet programs evaluate a cell that starts with one of these as a formula (OWASP CSV
# injection), some after leading blanks; a leading apostrophe makes them show it as text.
_FORMULA_STARTS = ("=", "+", "-", "@")
_BLANK_STARTS = ("\t", "\n", "\r")


def neutralise_cell(value: object) -> object:
    """A CSV cell that cannot run as a formula. Numbers we produce ourselves are left as numbers."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = clean_text(str(value))
    if text.startswith(_BLANK_STARTS) or text.lstrip().startswith(_FORMULA_STARTS):
        text = "'" + text
    return text
