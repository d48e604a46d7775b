"""Token patterns that run only on texts where they can match.

spaCy's Matcher tests every pattern's first token at every token of a text, so a lexicon with a
few hundred patterns built from word lists costs more than the parse itself. Most patterns cannot
match without one particular word: "kill myself" needs "myself" (or a typo of it), "want to die"
needs "die". `AnchoredPatterns` picks up to four of the rarest-looking such word lists (the anchors)
for each pattern's mandatory tokens, groups patterns by anchors into small `PatternSet`s, and runs a
group only when the text holds a word of each of its anchors (or, for a FUZZY token, a near
spelling), tested as one bitwise `&`. A pattern made only of common words ("to not be here") then
runs only where its rarest words all are. A group is matched only in windows around its first
anchor's words, as far as its patterns reach on each side, and only in windows that hold a word of
each of its other anchors: most groups whose words are all in a message are not near each other.
Matches are exactly those of one Matcher with all the patterns: a skipped group or window could not
have matched.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Set

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher.levenshtein import levenshtein_compare
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.analysis.patterns import PatternMatch, PatternSet, with_typographic_apostrophes

Anchor = tuple[str, frozenset[str] | tuple[str, int]]  # ("words", {...}) or ("fuzzy", (word, edits))
# More anchors make more, smaller groups that run more rarely: on the risk lexicon four cost half of
# what two did (bench.eval_risk's timing), and six cost more again in per-group calls.
ANCHORS_PER_PATTERN = 4
# Words whose groups and anchor bits are remembered (a bound on memory for a long-running server).
NEAR_CACHE_WORDS = 200_000
# Windows of one group this few tokens apart are matched as one: a Matcher call costs about as much
# as matching four more tokens.
MERGE_GAP = 4


class AnchoredPatterns:
    """`token_patterns` ({label: [pattern, ...]}) compiled in groups that share an anchor."""

    def __init__(self, vocab: Vocab, token_patterns: dict[str, list], common_words: frozenset[str] = frozenset()):
        grouped: dict[tuple[Anchor, ...], dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for label, patterns in token_patterns.items():
            for pattern in patterns:
                grouped[anchors_of(label, pattern, common_words)][label].append(pattern)
        self._sets: list[PatternSet] = []
        # Each anchor, in any group, is one bit: a group runs only when the text holds a word of
        # every anchor it needs, tested as one `&` on the text's bits instead of a set test per anchor.
        bits: dict[Anchor, int] = {}
        self._needs: list[int] = []
        # The word lists a group needs besides its first anchor: a window holding no word of one of
        # them cannot hold a match (most windows that pass the bits fail here).
        self._rest: list[tuple[frozenset[str], ...]] = []
        # How far a group's match can reach before and after a word of its first anchor (None: to
        # the text's edge, for a "*", "+" or "{n,}" token on that side).
        self._reach: list[tuple[int | None, int | None]] = []
        self._first: dict[str, list[int]] = defaultdict(list)  # word -> groups it first-anchors
        self._fuzzy_first: list[tuple[str, int, int]] = []
        for index, (anchors, group) in enumerate(grouped.items()):
            self._sets.append(PatternSet(vocab, {"token_patterns": dict(group)}))
            twins = [_with_twins(anchor) for anchor in anchors]
            # Beyond its anchors, a group also needs every word list that all of its patterns need.
            needed = set.intersection(*(set(_options(label, p)) for label, ps in group.items() for p in ps))
            needs = dict.fromkeys([*twins, *(_with_twins(a) for a in sorted(needed - set(anchors), key=repr))])
            self._needs.append(sum(bits.setdefault(anchor, 1 << len(bits)) for anchor in needs))
            self._rest.append(tuple(value for _, value in list(needs)[1:] if isinstance(value, frozenset)))
            self._reach.append(_reach_around(anchors[0], [p for patterns in group.values() for p in patterns]))
            _, value = twins[0]
            if isinstance(value, tuple):  # fuzzy: (word, edits)
                self._fuzzy_first.append((*value, index))
            else:
                for word in value:
                    self._first[word].append(index)
        self._word_bits: dict[str, int] = defaultdict(int)
        self._fuzzy_bits: list[tuple[str, int, int]] = []
        for (_, value), bit in bits.items():
            if isinstance(value, tuple):
                self._fuzzy_bits.append((*value, bit))
            else:
                for word in value:
                    self._word_bits[word] |= bit
        self._seen: dict[str, tuple[tuple[int, ...], int]] = {}

    def _word(self, word: str) -> tuple[tuple[int, ...], int]:
        """The groups `word` first-anchors and the bits of every anchor it is a word of, fuzzy ones
        included, remembered per word: the same words come back in every message, and comparing each
        with every fuzzy anchor was a tenth of the time."""
        seen = self._seen.get(word)
        if seen is None:
            groups = (*self._first.get(word, ()), *(i for target, edits, i in self._fuzzy_first if _near(word, target, edits)))
            fuzzy = sum(bit for target, edits, bit in self._fuzzy_bits if _near(word, target, edits))
            seen = groups, self._word_bits.get(word, 0) | fuzzy
            if len(self._seen) < NEAR_CACHE_WORDS:
                self._seen[word] = seen
        return seen

    def __len__(self) -> int:
        return len(self._sets)

    def find(self, doc: Doc, places: dict[str, list[int]] | None = None) -> list[PatternMatch]:
        """Every match in `doc`, in text order, from the groups whose anchors are in the text.
        `places` is `word_places(doc)` where the caller already has it (several sets, one text)."""
        places = word_places(doc) if places is None else places
        present = 0
        anchored_at: dict[int, list[int]] = defaultdict(list)  # group -> where its first anchor is
        for word, where in places.items():
            groups, bits = self._word(word)
            present |= bits
            for index in groups:
                anchored_at[index].extend(where)
        words = set(places)
        found = [m for index in sorted(anchored_at) if self._needs[index] & present == self._needs[index]
                 for start, end in self._windows(len(doc), index, sorted(anchored_at[index]))
                 if all(_inside(anchor & words, places, start, end) for anchor in self._rest[index])
                 for m in self._sets[index].find(doc if (start, end) == (0, len(doc)) else doc[start:end])]
        # Two groups can find the same label on the same words (one Matcher reports it once).
        unique = {(m.label, m.span.start, m.span.end): m for m in found}
        return sorted(unique.values(), key=lambda m: (m.span.start, m.span.end))

    def _windows(self, length: int, index: int, anchored_at: list[int]) -> list[tuple[int, int]]:
        """The parts of a text of `length` tokens where group `index` can match: every match holds a
        word of its first anchor and reaches no further from it than the group's patterns allow on
        each side. A long message is then matched over a few tokens instead of all of them, and
        anchor words far apart get a window each rather than one spanning everything between them."""
        before, after = self._reach[index]
        windows: list[tuple[int, int]] = []
        for place in anchored_at:
            start = 0 if before is None else max(0, place - before)
            end = length if after is None else min(length, place + 1 + after)
            # Overlapping or nearly touching windows are matched as one (each call has a fixed cost).
            if windows and start <= windows[-1][1] + MERGE_GAP:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows


def word_places(doc: Doc) -> dict[str, list[int]]:
    """Where each word of `doc` is, lower-cased: {word: [token index, ...]}."""
    places: dict[str, list[int]] = defaultdict(list)
    for token in doc:
        places[token.lower_].append(token.i)
    return places


def _inside(words: Set[str], places: dict[str, list[int]], start: int, end: int) -> bool:
    """Whether one of `words` (all in the text) is at a token from `start` to before `end`."""
    return any(start <= place < end for word in words for place in places[word])


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
    options = [option for token in pattern if _mandatory(token) for option in _token_options(token)]
    if not options:
        raise ValueError(f"pattern {label} has no mandatory LOWER token to anchor it: {pattern}")
    return options


def _token_options(token: dict) -> list[Anchor]:
    value = token.get("LOWER")
    if isinstance(value, str):
        return [("words", frozenset([value.lower()]))]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [("words", frozenset(str(v).lower() for v in value["IN"]))]
    if isinstance(value, dict):
        return [("fuzzy", (str(target).lower(), int(key[5:] or -1))) for key, target in value.items() if key.startswith("FUZZY")]
    return []


def _mandatory(token: dict) -> bool:
    """Whether every match holds a token matching `token`: not one that may be absent ("?", "*",
    "{0,n}") nor one that must not match ("!")."""
    op = str(token.get("OP", "1"))
    return not (op in ("?", "*", "!") or op.startswith("{0") or op.startswith("{,"))


def _reach_around(anchor: Anchor, patterns: list[list[dict]]) -> tuple[int | None, int | None]:
    """The most tokens any of `patterns` can match before and after the token that `anchor` comes
    from; None on a side where a "*", "+" or "{n,}" token makes it unbounded. A "!" token counts as
    one, which only widens the window."""
    before: int | None = 0
    after: int | None = 0
    for pattern in patterns:
        at = next(i for i, token in enumerate(pattern) if _mandatory(token) and anchor in _token_options(token))
        before = _most(pattern[:at], before)
        after = _most(pattern[at + 1:], after)
    return before, after


def _most(tokens: list[dict], so_far: int | None) -> int | None:
    """The larger of `so_far` and the most tokens `tokens` can match (None: unbounded)."""
    if so_far is None:
        return None
    length = 0
    for token in tokens:
        op = str(token.get("OP", "1"))
        bounds = op[1:-1].split(",") if op.startswith("{") else [op]
        if op in ("*", "+") or bounds[-1] == "":
            return None
        length += int(bounds[-1]) if bounds[-1].isdigit() else 1
    return max(so_far, length)


def _with_twins(anchor: Anchor) -> Anchor:
    """A word anchor that also holds the curly-apostrophe spelling of its words."""
    kind, value = anchor
    if isinstance(value, frozenset):
        return kind, frozenset(with_typographic_apostrophes(sorted(value)))
    return anchor


def _rarity(option: Anchor, common_words: frozenset[str]) -> tuple[int, int, int]:
    _, value = option
    if isinstance(value, tuple):  # fuzzy anchors count as rare
        return (0, 0, 0)
    return (len(value & STOP_WORDS), len(value & common_words), len(value))


def _near(word: str, target: str, edits: int) -> bool:
    # levenshtein_compare's default (edits -1) allows more edits for longer words; the length check
    # only skips words that could never be close.
    return abs(len(word) - len(target)) <= max(edits, 3) and levenshtein_compare(word, target, edits)
