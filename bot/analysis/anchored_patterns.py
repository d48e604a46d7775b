"""Token patterns that run only on texts where they can match.

spaCy's Matcher tests every pattern's first token at every token of a text, so a lexicon with a
few hundred patterns built from word lists costs more than the parse itself. Most patterns cannot
match without one particular word: "kill myself" needs "myself" (or a typo of it), "want to die"
needs "die". `AnchoredPatterns` picks up to four of the rarest-looking such word lists (the anchors)
for each pattern's mandatory tokens, groups patterns by anchors into small `PatternSet`s, and runs a
group only when the text holds a word of each of its anchors (or, for a FUZZY token, a near
spelling). A pattern made only of common words ("to not be here") then runs only where its rarest
words all are. Matches are exactly those of one Matcher with all the patterns: a skipped group
could not have matched.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher.levenshtein import levenshtein_compare
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from bot.analysis.patterns import PatternMatch, PatternSet, with_typographic_apostrophes

Anchor = tuple[str, frozenset[str] | tuple[str, int]]  # ("words", {...}) or ("fuzzy", (word, edits))
# More anchors make more, smaller groups that run more rarely: on the risk lexicon four cost half of
# what two did (bench.eval_risk's timing), and six cost more again in per-group calls.
ANCHORS_PER_PATTERN = 4
# Words whose fuzzy-anchor groups are remembered (a bound on memory for a long-running server).
NEAR_CACHE_WORDS = 200_000


class AnchoredPatterns:
    """`token_patterns` ({label: [pattern, ...]}) compiled in groups that share an anchor."""

    def __init__(self, vocab: Vocab, token_patterns: dict[str, list], common_words: frozenset[str] = frozenset()):
        grouped: dict[tuple[Anchor, ...], dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for label, patterns in token_patterns.items():
            for pattern in patterns:
                grouped[anchors_of(label, pattern, common_words)][label].append(pattern)
        self._sets: list[PatternSet] = []
        self._rest: list[tuple[Anchor, ...]] = []  # each group's anchors after the first, all needed
        self._reach: list[int | None] = []  # each group's longest match in tokens; None: unbounded
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._fuzzy: list[tuple[str, int, int]] = []
        self._near_cache: dict[str, frozenset[int]] = {}
        for index, (anchors, group) in enumerate(grouped.items()):
            self._sets.append(PatternSet(vocab, {"token_patterns": dict(group)}))
            self._rest.append(tuple(_with_twins(a) for a in anchors[1:]))
            self._reach.append(_longest(pattern for patterns in group.values() for pattern in patterns))
            _, value = anchors[0]
            if isinstance(value, tuple):  # fuzzy: (word, edits)
                word, edits = value
                self._fuzzy.append((word, edits, index))
            else:
                for word in with_typographic_apostrophes(sorted(value)):
                    self._by_word[word].append(index)

    def _fuzzy_groups(self, word: str) -> frozenset[int]:
        """The groups whose fuzzy anchor `word` is near, remembered per word: the same words come
        back in every message, and comparing each with every fuzzy anchor was a tenth of the time."""
        groups = self._near_cache.get(word)
        if groups is None:
            groups = frozenset(index for target, edits, index in self._fuzzy if _near(word, target, edits))
            if len(self._near_cache) < NEAR_CACHE_WORDS:
                self._near_cache[word] = groups
        return groups

    def __len__(self) -> int:
        return len(self._sets)

    def find(self, doc: Doc) -> list[PatternMatch]:
        """Every match in `doc`, in text order, from the groups whose anchors are in the text."""
        places: dict[str, list[int]] = defaultdict(list)
        for token in doc:
            places[token.lower_].append(token.i)
        anchored_at: dict[int, list[int]] = defaultdict(list)  # group -> where its first anchor is
        for word, where in places.items():
            for index in (*self._by_word.get(word, ()), *self._fuzzy_groups(word)):
                anchored_at[index].extend(where)
        found = [m for index in sorted(anchored_at)
                 if all(_present(anchor, places) for anchor in self._rest[index])
                 for m in self._sets[index].find(self._window(doc, index, anchored_at[index]))]
        # Two groups can find the same label on the same words (one Matcher reports it once).
        unique = {(m.label, m.span.start, m.span.end): m for m in found}
        return sorted(unique.values(), key=lambda m: (m.span.start, m.span.end))

    def _window(self, doc: Doc, index: int, anchored_at: list[int]) -> Doc | Span:
        """The part of `doc` where group `index` can match: every match holds a word of its first
        anchor, so none reaches further from those words than the group's longest pattern. A long
        message is then matched over a few tokens instead of all of them."""
        reach = self._reach[index]
        if reach is None:
            return doc
        start, end = max(0, min(anchored_at) - reach + 1), min(len(doc), max(anchored_at) + reach)
        return doc if (start, end) == (0, len(doc)) else doc[start:end]


def anchor_of(label: str, pattern: list[dict], common_words: frozenset[str] = frozenset()) -> Anchor:
    """The mandatory token of `pattern` whose words look rarest: fewest stop words, then fewest
    other common words, then fewest alternatives; a FUZZY token counts as rare."""
    return min(_options(label, pattern), key=lambda option: _rarity(option, common_words))


def anchors_of(label: str, pattern: list[dict], common_words: frozenset[str] = frozenset()) -> tuple[Anchor, ...]:
    """The ANCHORS_PER_PATTERN rarest distinct mandatory tokens of `pattern`, rarest first."""
    distinct = list(dict.fromkeys(_options(label, pattern)))
    ranked = sorted(distinct, key=lambda option: _rarity(option, common_words))
    return tuple(ranked[:ANCHORS_PER_PATTERN])


def _options(label: str, pattern: list[dict]) -> list[Anchor]:
    """One anchor per mandatory token that names its words (LOWER text, list, or FUZZY)."""
    options: list[Anchor] = []
    for token in pattern:
        if not _mandatory(token):
            continue
        value = token.get("LOWER")
        if isinstance(value, str):
            options.append(("words", frozenset([value.lower()])))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            options.append(("words", frozenset(str(v).lower() for v in value["IN"])))
        elif isinstance(value, dict):
            for key, target in value.items():
                if key.startswith("FUZZY"):
                    options.append(("fuzzy", (str(target).lower(), int(key[5:] or -1))))
    if not options:
        raise ValueError(f"pattern {label} has no mandatory LOWER token to anchor it: {pattern}")
    return options


def _mandatory(token: dict) -> bool:
    """Whether every match holds a token matching `token`: not one that may be absent ("?", "*",
    "{0,n}") nor one that must not match ("!")."""
    op = str(token.get("OP", "1"))
    return not (op in ("?", "*", "!") or op.startswith("{0") or op.startswith("{,"))


def _longest(patterns: Iterable[list[dict]]) -> int | None:
    """The most tokens a match of any of `patterns` can span; None when a "*", "+" or "{n,}" token
    makes it unbounded. A "!" token counts as one, which only widens the window."""
    longest = 0
    for pattern in patterns:
        length = 0
        for token in pattern:
            op = str(token.get("OP", "1"))
            bounds = op[1:-1].split(",") if op.startswith("{") else [op]
            if op in ("*", "+") or bounds[-1] == "":
                return None
            length += int(bounds[-1]) if bounds[-1].isdigit() else 1
        longest = max(longest, length)
    return longest


def _with_twins(anchor: Anchor) -> Anchor:
    """A word anchor that also holds the curly-apostrophe spelling of its words."""
    kind, value = anchor
    if isinstance(value, frozenset):
        return kind, frozenset(with_typographic_apostrophes(sorted(value)))
    return anchor


def _present(anchor: Anchor, words: Collection[str]) -> bool:
    _, value = anchor
    if isinstance(value, tuple):  # fuzzy
        word, edits = value
        return any(_near(w, word, edits) for w in words)
    return not value.isdisjoint(words)


def _rarity(option: Anchor, common_words: frozenset[str]) -> tuple[int, int, int]:
    _, value = option
    if isinstance(value, tuple):  # fuzzy anchors count as rare
        return (0, 0, 0)
    return (len(value & STOP_WORDS), len(value & common_words), len(value))


def _near(word: str, target: str, edits: int) -> bool:
    # levenshtein_compare's default (edits -1) allows more edits for longer words; the length check
    # only skips words that could never be close.
    return abs(len(word) - len(target)) <= max(edits, 3) and levenshtein_compare(word, target, edits)
