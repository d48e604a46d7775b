"""Choosing what to say from template variants so that nobody reads the same sentence twice.

A session keeps a set of digests of the sentences it has already shown (`seen`, serialisable as a
list in a Rasa slot). `pick_fresh` renders the variants, drops any that contain a sentence already seen,
picks one at random and records its sentences. When every variant has been used it returns None and
the caller moves on to something else to say; repeating ourselves is what makes a bot feel canned.
"""
from __future__ import annotations

import hashlib
import random
import re
import string
from collections.abc import Iterable, Mapping, MutableSet, Sequence

# A sentence ends at . ! or ? followed by space (closing quotes and brackets stay with it).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)\]])\s+")
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


def _digest(kind: str, value: str) -> str:
    # `seen` travels in a Rasa slot that is stored again at every turn: short digests keep it small
    # and keep the person's quoted words out of it. 32 bits are plenty for the hundred or so
    # sentences of one exercise; a collision would only skip one variant of a sentence.
    return kind + hashlib.blake2b(value.encode("utf-8"), digest_size=4).hexdigest()


def is_fresh(text: str, seen: Iterable[str]) -> bool:
    seen_set = seen if isinstance(seen, (set, frozenset)) else set(seen)
    return not any(_digest("s", sentence) in seen_set for sentence in sentences(text))


def remember(text: str, seen: MutableSet[str]) -> None:
    for sentence in sentences(text):
        seen.add(_digest("s", sentence))


def _template_key(template: str) -> str:
    # Kept in `seen` beside the sentences, so a template filled with new words (a different quote)
    # still counts as used: "You put it into words: ..." twice in a row reads canned even when the
    # quotes differ.
    return _digest("t", template)


def pick_fresh(
    templates: Sequence[str],
    seen: MutableSet[str],
    rng: random.Random,
    fields: Mapping[str, str] | None = None,
) -> str | None:
    """One rendered template none of whose sentences were seen, recorded in `seen`; None if none.

    Templates not used yet in this session come first; a used one is taken again only with new
    words in it (its sentences are still unseen).
    """
    rendered = [(t, render(t, fields or {})) for t in templates]
    fresh = [(t, text) for t, text in rendered if is_fresh(text, seen)]
    unused = [(t, text) for t, text in fresh if _template_key(t) not in seen]
    if not fresh:
        return None
    template, choice = rng.choice(unused or fresh)
    remember(choice, seen)
    seen.add(_template_key(template))
    return choice
