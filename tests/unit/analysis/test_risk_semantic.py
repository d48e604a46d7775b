"""The risk detector's semantic layer (bot/analysis/risk_semantic.py) with the real encoder: meanings,
the stored vectors, windows over long messages, how it joins the rules and the word-level model
(bot/analysis/risk_learned.py), and that its failure leaves the rules' answer standing."""
from __future__ import annotations

import logging

import numpy
import pytest

from bot.analysis import risk_semantic
from bot.analysis.risk import assess_risk, assess_risk_rules
from bot.analysis.risk_learned import GATE, MEANING_MARKER, SEMANTIC_THRESHOLD, THRESHOLD, with_learned_layer
from bot.analysis.risk_model import DATA_FILE, TrainingRow, load_model, read_rows
from bot.analysis.risk_semantic import SemanticIndex, digest, load_index, stored_vectors
from bot.nlp import load_nlp

# Written for these tests, not in the training file: veiled statements the rules do not match and the
# word-level model is unsure of, and ordinary remarks.
VEILED = "There's a bridge near work and I keep slowing down when I walk across it."
ORDINARY = "We went to the cinema and then got a taxi home."
FILLER = ("We spent the morning at the garden centre looking at roses and arguing about whether the shed "
          "needs painting this year or next, and my sister told a long story about her neighbour's cat. ")


@pytest.fixture(scope="module")
def index() -> SemanticIndex:
    return load_index()


def _doc(text: str):
    return load_nlp()(text)


def test_the_examples_are_not_in_the_training_file():
    texts = {r.text for r in read_rows(DATA_FILE)}
    assert VEILED not in texts and ORDINARY not in texts


def test_the_stored_vectors_are_those_of_the_training_file(index):
    rows = read_rows(DATA_FILE)
    vectors = stored_vectors(rows)
    assert vectors is not None, "run scripts/build_risk_model_data.py: the vectors are missing or stale"
    assert vectors.shape == (len(rows), 384)
    sample = [0, len(rows) // 2, len(rows) - 1]
    fresh = index.encoder.encode([rows[i].text for i in sample])
    assert numpy.all(numpy.sum(fresh * vectors[sample], axis=1) > 0.999)


def test_vectors_of_other_rows_are_not_taken_for_them():
    rows = read_rows(DATA_FILE)
    assert stored_vectors(rows[:-1]) is None
    changed = [TrainingRow(rows[0].text + "!", *[getattr(rows[0], f) for f in ("label", "origin", "kind", "category")]), *rows[1:]]
    assert digest(changed) != digest(rows) and stored_vectors(changed) is None


def test_vectors_round_trip_through_their_file(index, tmp_path):
    rows = [TrainingRow("I feel hopeless", 1, "t", "implicit", "suicidal_ideation"), TrainingRow("Lovely weather", 0, "t", "ordinary", "")]
    path = tmp_path / "vectors.npz"
    risk_semantic.build_vectors(rows, index.encoder, path)
    stored = stored_vectors(rows, path)
    assert stored is not None and stored.shape == (2, 384)
    assert numpy.allclose(numpy.linalg.norm(stored, axis=1), 1.0, atol=1e-2)
    assert stored_vectors(rows[::-1], path) is None


def test_the_encoder_puts_the_same_meaning_in_other_words_closer_than_the_same_words(index):
    a, paraphrase, same_words = index.encoder.encode(
        ["I won't be around much longer", "Soon I'll be gone for good", "I'm dying to see that film, it's been around for ages"])
    assert float(a @ paraphrase) > float(a @ same_words) + 0.1


def test_a_veiled_statement_in_fresh_words_is_near_risk_sentences_and_ordinary_talk_is_not(index):
    veiled, ordinary = index.judge(VEILED), index.judge(ORDINARY)
    assert veiled.probability >= SEMANTIC_THRESHOLD > ordinary.probability
    risk_texts = {r.text for r in read_rows(DATA_FILE) if r.label == 1}
    assert len(veiled.nearest) == 3 and {r.text for r in veiled.nearest} <= risk_texts


def test_a_disclosure_in_the_middle_of_a_long_message_is_read_in_its_own_window(index):
    long_text = FILLER * 3 + VEILED + " " + FILLER * 3
    windows = index.encoder.encode_windows(long_text)
    assert len(windows) > 2
    whole_message_mean = index.judge_vectors(numpy.mean(windows, axis=0, keepdims=True)).probability
    assert index.judge(long_text).probability >= SEMANTIC_THRESHOLD > whole_message_mean


def test_the_combined_detector_asks_about_the_veiled_statement_by_its_meaning(index):
    doc = _doc(VEILED)
    rules = assess_risk_rules(doc)
    assert rules.outcome == "none"
    assert GATE <= load_model().probability(VEILED) < THRESHOLD, "the example must be one only the meaning finds"
    result = assess_risk(doc)
    assert result.outcome == "ask" and result.source == "model", result.to_dict()
    finding = result.findings[0]
    assert "meaning" in finding.explanation and finding.nearest[0] in finding.explanation
    assert finding.probability is not None and finding.probability >= SEMANTIC_THRESHOLD
    assert all(e.marker == MEANING_MARKER and VEILED[e.start:e.end] == e.text for e in finding.evidence)
    assert assess_risk(_doc(ORDINARY)).outcome == "none"


def test_below_the_gate_the_semantic_layer_is_not_consulted(index):
    doc = _doc(ORDINARY)
    rules = assess_risk_rules(doc)
    assert load_model().probability(ORDINARY) < GATE
    # Even a semantic threshold of zero, which asks about anything it reads, leaves it alone.
    assert with_learned_layer(rules, doc, index=index, semantic_threshold=0.0).outcome == "none"


def test_it_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("ATTUNE_RISK_SEMANTIC", "0")
    assert assess_risk(_doc(VEILED)).outcome == "none"


def test_an_encoder_that_fails_to_load_leaves_the_rules_answer(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("ATTUNE_SENTENCE_MODEL", str(tmp_path / "no-such-model"))
    risk_semantic._load.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="bot.analysis.risk_learned"):
            result = assess_risk(_doc(VEILED))
    finally:
        risk_semantic._load.cache_clear()
    assert result.outcome == "none" and result.findings == []
    assert "semantic layer failed" in caplog.text
