"""Make stored text inert before it goes into a document: every exporter passes message text,
notes and names through here, because a client's message may hold markup, formulas or terminal
escapes that must be shown, never executed.
"""
from __future__ import annotations

import re

# Control characters go through the one cleaner every reader-facing path shares (bot/text.py).
from bot.text import clean_text, one_line

__all__ = ["clean_text", "escape_markdown", "neutralise_cell", "one_line"]

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
