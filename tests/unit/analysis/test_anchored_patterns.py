"""AnchoredPatterns finds exactly what one Matcher with all the patterns finds, only faster."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis.anchored_patterns import AnchoredPatterns, anchor_of, anchors_of
from bot.analysis.patterns import PatternSet, load_lexicon
from bot.nlp import load_nlp

DATA = Path(__file__).resolve().parents[2] / "data" / "risk.jsonl"
EXTRA = [
    "kil myself", "i want 2 die", "I’m going to kill myself", "sucide", "suicidal", "im so suicidall",
    "he hits me", "my dad hits my little brother", "", "😢", "a " * 500,
]


@pytest.fixture(scope="module")
def both():
    nlp = load_nlp()
    lexicon = load_lexicon("risk")
    rules = {k: v for k, v in lexicon["token_patterns"].items() if not k.startswith("cue/")}
    common = frozenset(lexicon.get("common_words") or [])
    return nlp, AnchoredPatterns(nlp.vocab, rules, common), PatternSet(nlp.vocab, {"token_patterns": rules})


def as_tuples(matches):
    return sorted((m.label, m.span.start, m.span.end) for m in matches)


def test_same_matches_as_one_matcher(both):
    nlp, anchored, plain = both
    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    found_any = 0
    for doc in nlp.pipe(texts + EXTRA):
        expected = as_tuples(plain.find(doc))
        assert as_tuples(anchored.find(doc)) == expected, doc.text
        found_any += bool(expected)
    assert found_any > 100  # the comparison is not vacuous
    assert len(anchored) > 20  # patterns really are split into groups


def test_anchor_prefers_rare_words():
    pattern = [{"LOWER": {"IN": ["i", "you"]}}, {"LOWER": "want"}, {"LOWER": "to"}, {"LOWER": {"IN": ["die", "dead"]}}]
    assert anchor_of("x", pattern) == ("words", frozenset({"want"}))  # stop words never; then fewest
    assert anchor_of("x", pattern, frozenset({"want"})) == ("words", frozenset({"die", "dead"}))
    assert anchor_of("x", [{"LOWER": "a", "OP": "?"}, {"LOWER": {"FUZZY2": "suicide"}}]) == ("fuzzy", ("suicide", 2))


def test_pattern_without_a_mandatory_word_is_refused():
    with pytest.raises(ValueError):
        anchor_of("x", [{"POS": "VERB"}, {"LOWER": "me", "OP": "?"}])


def test_optional_and_negated_tokens_are_never_anchors():
    pattern = [{"LOWER": "chair"}, {"LOWER": {"IN": ["wedged", "jammed"]}, "OP": "{0,2}"},
               {"LOWER": "against"}, {"LOWER": {"IN": ["of", "to"]}, "OP": "!"}]
    assert anchors_of("x", pattern) == (("words", frozenset({"chair"})), ("words", frozenset({"against"})))


def test_a_match_without_its_optional_words_is_found(both):
    nlp, _, _ = both
    patterns = {"barricade": [[{"LOWER": "chair"}, {"LOWER": {"IN": ["wedged", "jammed"]}, "OP": "{0,2}"},
                               {"LOWER": "against"}, {"LOWER": "the"}, {"LOWER": "door"}]]}
    anchored = AnchoredPatterns(nlp.vocab, patterns)
    assert as_tuples(anchored.find(nlp("I sleep with a chair against the door."))) == [("barricade", 4, 8)]
    assert as_tuples(anchored.find(nlp("I sleep with a chair jammed against the door."))) == [("barricade", 4, 9)]


@pytest.mark.parametrize("gap", [0, 2, 5])
def test_a_match_far_into_a_long_message_is_found_whole(both, gap):
    # Groups run over a window around their anchor: a match at either end of it is still found.
    nlp, _, _ = both
    patterns = {"plan": [[{"LOWER": "planned"}, {"IS_PUNCT": False, "OP": "{0,6}"}, {"LOWER": "hurt"}, {"LOWER": "him"}]],
                "open": [[{"LOWER": "planned"}, {"OP": "*"}, {"LOWER": "him"}]]}
    text = "We talked about the weekend. " * 40 + "I planned " + "so " * gap + "to hurt him."
    doc = nlp(text)
    anchored = AnchoredPatterns(nlp.vocab, patterns)
    plain = PatternSet(nlp.vocab, {"token_patterns": patterns})
    assert as_tuples(anchored.find(doc)) == as_tuples(plain.find(doc))
    assert ("plan", len(doc) - 5 - gap, len(doc) - 1) in as_tuples(anchored.find(doc))


def test_anchor_words_far_apart_get_a_window_each_and_lose_no_match(both):
    nlp, _, _ = both
    patterns = {"tonight": [[{"LOWER": "hurt"}, {"LOWER": "him"}, {"LOWER": "tonight"}]],
                "again": [[{"LOWER": "hurt"}, {"OP": "*"}, {"LOWER": "again"}]]}
    text = "He said it would not hurt him. " + "We talked about the weekend. " * 30 + "I will hurt him tonight and again."
    doc = nlp(text)
    anchored = AnchoredPatterns(nlp.vocab, patterns)
    plain = PatternSet(nlp.vocab, {"token_patterns": patterns})
    found = as_tuples(anchored.find(doc))
    assert found == as_tuples(plain.find(doc))
    assert ("tonight", len(doc) - 6, len(doc) - 3) in found and ("again", 5, len(doc) - 1) in found
    hurt = [t.i for t in doc if t.lower_ == "hurt"]
    bounded = next(i for i, (before, after) in enumerate(anchored._reach) if after is not None)
    assert len(anchored._windows(len(doc), bounded, hurt)) == 2  # not one window over the whole text


def test_a_window_without_the_other_needed_words_is_not_matched(both):
    # "tonight" is in the text, but far from "hurt him": nothing is found, as with one Matcher.
    nlp, _, _ = both
    patterns = {"tonight": [[{"LOWER": "hurt"}, {"LOWER": "him"}, {"LOWER": "tonight"}]]}
    doc = nlp("I would never hurt him. " + "We talked. " * 20 + "We are going out tonight.")
    anchored = AnchoredPatterns(nlp.vocab, patterns)
    assert anchored.find(doc) == [] == PatternSet(nlp.vocab, {"token_patterns": patterns}).find(doc)
