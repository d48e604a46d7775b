"""Word lists and patterns from data files, compiled into spaCy matchers once per vocabulary.

A lexicon file (`bot/analysis/lexicons/<name>.yml`) holds named groups of three kinds:

    phrases:        {LABEL: ["i can't know", "maybe"]}          -> PhraseMatcher on lower-case text
    lemma_phrases:  {LABEL: ["think", "wonder whether"]}         -> PhraseMatcher on lemmas
    token_patterns: {LABEL: [[{"LOWER": "used"}, {"LOWER": "to"}]]}   -> Matcher
    dependency_patterns: {LABEL: [[{"RIGHT_ID": ..., ...}]]}     -> DependencyMatcher

plus any other keys (weights, explanations) that the analysis reads itself with `load_lexicon`.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from bot.content import read_yaml

LEXICON_DIR = Path(__file__).parent / "lexicons"

# A token pattern may ask for the text's last word ({"_": {"is_last": true}}): a matcher has no
# other way to say "and nothing after it".
if not Token.has_extension("is_last"):
    Token.set_extension("is_last", getter=lambda token: token.i == len(token.doc) - 1)


@functools.lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, Any]:
    """Read `lexicons/<name>.yml` once per process."""
    return read_yaml(LEXICON_DIR / f"{name}.yml") or {}


@dataclass(frozen=True)
class PatternMatch:
    label: str
    span: Span


class PatternSet:
    """All matchers of one lexicon, run together over a Doc."""

    def __init__(self, vocab: Vocab, lexicon: dict[str, Any]):
        self._text_phrases = PhraseMatcher(vocab, attr="LOWER")
        self._lemma_phrases = PhraseMatcher(vocab, attr="LEMMA")
        self._tokens = Matcher(vocab)
        self._deps = DependencyMatcher(vocab)
        self._lemma_nlp = None
        for label, phrases in (lexicon.get("phrases") or {}).items():
            self._text_phrases.add(label, [vocab_doc(vocab, p) for p in with_typographic_apostrophes(phrases)])
        self._pending_lemma_phrases = lexicon.get("lemma_phrases") or {}
        for label, patterns in (lexicon.get("token_patterns") or {}).items():
            self._tokens.add(label, [[_apostrophe_twins(token) for token in p] for p in patterns])
        for label, patterns in (lexicon.get("dependency_patterns") or {}).items():
            self._deps.add(label, patterns)

    def _ensure_lemma_phrases(self, nlp_for_lemmas) -> None:
        # Lemma phrase patterns need lemmatised pattern docs, so they are built on first use with
        # the pipeline that parses the texts.
        if self._pending_lemma_phrases and nlp_for_lemmas is not None:
            for label, phrases in self._pending_lemma_phrases.items():
                self._lemma_phrases.add(label, list(nlp_for_lemmas.pipe(phrases)))
            self._pending_lemma_phrases = {}

    def find(self, doc: Doc | Span, nlp_for_lemmas=None) -> list[PatternMatch]:
        """Every match in `doc` (or in a part of one), in text order. Pass the pipeline when the
        lexicon has lemma phrases. Dependency patterns need the whole Doc."""
        self._ensure_lemma_phrases(nlp_for_lemmas)
        vocab = doc.vocab
        found: list[PatternMatch] = []
        for matcher in (self._text_phrases, self._lemma_phrases, self._tokens):
            # Matches in a Span count from its start, and slicing the Span maps them back.
            for match_id, start, end in (matcher(doc) if len(matcher) else ()):
                found.append(PatternMatch(vocab.strings[match_id], doc[start:end]))
        # An empty DependencyMatcher warns on every call, so only run it when it has patterns.
        for match_id, token_ids in (self._deps(doc) if len(self._deps) else ()):
            start, end = min(token_ids), max(token_ids) + 1
            found.append(PatternMatch(vocab.strings[match_id], doc[start:end]))
        found.sort(key=lambda m: (m.span.start, m.span.end))
        return found


@functools.lru_cache(maxsize=1)
def _english_tokenizer():
    # The English tokenizer rules (no model needed) split a phrase the way the pipeline splits the
    # text: "won't" -> "wo" + "n't", "sorry," -> "sorry" + ",". Whitespace splitting would never
    # match a phrase with a contraction or punctuation in it.
    from spacy.lang.en import English

    return English().tokenizer


def outermost(spans: Iterable[Span]) -> list[Span]:
    """The spans not inside a longer one, in text order: "I'm so sorry" is quoted once, not thrice."""
    ordered = sorted(set(spans), key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.end_char <= kept[-1].end_char:
            continue
        kept.append(span)
    return kept


def with_typographic_apostrophes(phrases: list[str]) -> list[str]:
    """Each phrase, plus its twin with a curly apostrophe ("I’m" as phones type it) where it has one."""
    return list(dict.fromkeys([*phrases, *(p.replace("'", "\u2019") for p in phrases if "'" in p)]))


def _apostrophe_twins(token_pattern: dict) -> dict:
    """A token pattern that also accepts the curly apostrophe wherever a text value has a straight one."""
    out = dict(token_pattern)
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = out.get(key)
        if isinstance(value, str) and "'" in value:
            out[key] = {"IN": with_typographic_apostrophes([value])}
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            out[key] = {**value, "IN": with_typographic_apostrophes([str(v) for v in value["IN"]])}
    return out


def vocab_doc(vocab: Vocab, text: str) -> Doc:
    """A tokenised (not parsed) Doc for a phrase pattern, split like the pipeline splits texts."""
    return Doc(vocab, words=[t.text for t in _english_tokenizer()(text)])


@functools.lru_cache(maxsize=None)
def _pattern_set(name: str, vocab_id: int, vocab: Vocab) -> PatternSet:
    return PatternSet(vocab, load_lexicon(name))


def pattern_set(name: str, vocab: Vocab) -> PatternSet:
    """The compiled PatternSet for lexicon `name` on this vocabulary, built once."""
    return _pattern_set(name, id(vocab), vocab)
