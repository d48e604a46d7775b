"""Hearing that a relationship is not part of a person's life, so scenarios that assume it stop.

Scenarios assume living parents, siblings, children, a partner, a job. A person who says, in answer
to such a moment, that theirs died, that they are estranged, or that there is none ("my dad passed
away", "I don't have kids") is met first ("I'm so sorry"), and that relationship is left out of the
scenario choice from then on (selection.py). The words and rules live in leave_out.yml.
"""
from __future__ import annotations

import functools
import random
import re
from collections.abc import Collection, MutableSet
from dataclasses import dataclass
from pathlib import Path

from bot.content import load_document
from bot.exercises.mentalizing.schema import LEAVE_OUT, LeaveOutLexicon
from bot.exercises.wording import pick_fresh

LEAVE_OUT_FILE = Path(__file__).parent / "leave_out.yml"
# A leave-out is said in a sentence or two; a long answer is not searched past its start.
MAX_CHARS = 2000


@dataclass(frozen=True)
class LeftOut:
    """What a person said is not part of their life: the kind of telling and the keys it names."""

    kind: str  # "loss", "estranged", "absent"
    keys: frozenset[str]


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    keys: frozenset[str]  # empty: the keys come from the relation word matched


@functools.lru_cache(maxsize=1)
def lexicon() -> LeaveOutLexicon:
    return load_document(LEAVE_OUT_FILE, LeaveOutLexicon)


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, frozenset[str]], tuple[_Rule, ...]]:
    words: dict[str, set[str]] = {}
    for key, names in lexicon().relations.items():
        for name in names:
            words.setdefault(name.lower(), set()).add(key)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    rules = tuple(
        # "my dad's number" is not about dad himself: a possessive is not a relation.
        _Rule(rule.kind, re.compile(pattern.replace("{relation}", f"(?P<relation>{alternatives})(?!'s)")),
              frozenset(rule.leave_out))
        for rule in lexicon().rules for pattern in rule.patterns
    )
    return {w: frozenset(k) for w, k in words.items()}, rules


def left_out_in(text: str) -> LeftOut | None:
    """What the answer says is not part of the person's life, if anything (the first rule's kind,
    the keys of every rule that matched)."""
    words, rules = _compiled()
    plain = " ".join((text or "")[:MAX_CHARS].replace("’", "'").lower().split())
    kind: str | None = None
    keys: set[str] = set()
    for rule in rules:
        for match in rule.pattern.finditer(plain):
            named = rule.keys or words.get(match.groupdict().get("relation") or "", frozenset())
            if named:
                kind = kind or rule.kind
                keys |= named
    return LeftOut(kind, frozenset(keys)) if kind else None


def acknowledge(left: LeftOut, relevant: Collection[str], seen: MutableSet[str], rng: random.Random) -> list[str]:
    """The feeling met first, what will be left out, then a word before the next moment."""
    names = lexicon().relation_words
    ordered = [key for key in LEAVE_OUT if key in relevant]
    relation = " or ".join(names[key] for key in ordered)
    said = pick_fresh(lexicon().acknowledge[left.kind], seen, rng, {"relation": relation})  # type: ignore[index]
    then = pick_fresh(lexicon().acknowledge["then"], seen, rng, {})
    return [" ".join(part for part in (said, then) if part)]


def mention(seen: MutableSet[str], rng: random.Random) -> str:
    """Said with a person's first scenario: a moment that does not fit can be left out."""
    return pick_fresh(lexicon().mention, seen, rng, {}) or ""
