"""The risk lexicon's rules and cues, anchored on two words each, find exactly what one Matcher finds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis.anchored_patterns import AnchoredPatterns, anchors_of
from bot.analysis.patterns import PatternSet, load_lexicon
from bot.nlp import load_nlp

DEV = Path(__file__).resolve().parents[2] / "data" / "risk_dev.jsonl"
OWN = [
    "I just want everything to stop", "to not be here any more", "I know where he lives and I hate him",
    "i've been sh'ing again", "I’m not going to be a problem for much longer", "suicide feels like the only way out",
    "I take all my tablets every morning with breakfast", "my dad keeps his shotgun in the shed, I keep noticing it",
    "okay so I know things are hard, to be honest", "If that printer jams one more time I'll jump",
]


def texts() -> list[str]:
    extra = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()] if DEV.is_file() else []
    return OWN + extra


@pytest.mark.parametrize("cues", [False, True], ids=["rules", "cues"])
def test_anchored_groups_find_what_one_matcher_finds(cues):
    nlp = load_nlp()
    lexicon = load_lexicon("risk")
    patterns = {k: v for k, v in lexicon["token_patterns"].items() if k.startswith("cue/") == cues}
    common = frozenset(lexicon.get("common_words") or [])
    anchored, plain = AnchoredPatterns(nlp.vocab, patterns, common), PatternSet(nlp.vocab, {"token_patterns": patterns})
    for doc in nlp.pipe(texts()):
        expected = sorted((m.label, m.span.start, m.span.end) for m in plain.find(doc))
        assert sorted((m.label, m.span.start, m.span.end) for m in anchored.find(doc)) == expected, doc.text


def test_a_pattern_of_common_words_needs_all_of_its_rarest_words():
    pattern = [{"LOWER": "to"}, {"LOWER": "not"}, {"LOWER": {"IN": ["be", "exist"]}}, {"LOWER": {"IN": ["here", "around"]}}]
    anchors = anchors_of("x", pattern)
    assert len(anchors) == 4 and all(kind == "words" for kind, _ in anchors) and len(set(anchors)) == 4
    nlp = load_nlp()
    anchored = AnchoredPatterns(nlp.vocab, {"x": [pattern]})
    assert anchored.find(nlp("I want to not be here")) and not anchored.find(nlp("I want to go, not now"))
