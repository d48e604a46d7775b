"""Choosing what to say from template variants so that nobody reads the same sentence twice.

A session keeps a set of the sentences it has already shown (`seen`, serialisable as a list in a
Rasa slot). `pick_fresh` renders the variants, drops any that contain a sentence already seen,
picks one at random and records its sentences. When every variant has been used it returns None and
the caller moves on to something else to say; repeating ourselves is what makes a bot feel canned.
"""
from __future__ import annotations

import random
import re
import string
from collections.abc import Iterable, Mapping, MutableSet, Sequence

# A sentence ends at . ! or ? followed by space (closing quotes and brackets stay with it).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


class _Fields(dict):
    """Template fields; a placeholder with no value is a content bug, so it raises KeyError."""


def sentences(text: str) -> list[str]:
    """The sentences of `text`, normalised for comparison (case and spacing ignored)."""
    parts = _SENTENCE_END.split(text.strip())
    return [_SPACE.sub(" ", part).strip().lower() for part in parts if part.strip()]


def render(template: str, fields: Mapping[str, str]) -> str:
    """Fill `{name}`-style placeholders. Values are inserted as they are, never re-interpreted."""
    return string.Formatter().vformat(template, (), _Fields(fields))


def is_fresh(text: str, seen: Iterable[str]) -> bool:
    seen_set = seen if isinstance(seen, (set, frozenset)) else set(seen)
    return not any(sentence in seen_set for sentence in sentences(text))


def remember(text: str, seen: MutableSet[str]) -> None:
    seen.update(sentences(text))


def pick_fresh(
    templates: Sequence[str],
    seen: MutableSet[str],
    rng: random.Random,
    fields: Mapping[str, str] | None = None,
) -> str | None:
    """One rendered template none of whose sentences were seen, recorded in `seen`; None if none."""
    rendered = [render(t, fields or {}) for t in templates]
    fresh = [text for text in rendered if is_fresh(text, seen)]
    if not fresh:
        return None
    choice = rng.choice(fresh)
    remember(choice, seen)
    return choice


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
