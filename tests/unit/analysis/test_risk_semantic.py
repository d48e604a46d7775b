"""The risk detector's semantic layer (bot/analysis/risk_semantic.py) with the real encoder: meanings,
the stored vectors, windows over long messages, how it joins the rules and the word-level model
(bot/analysis/risk_learned.py), and that its failure leaves the rules' answer standing."""
from __future__ import annotations

import logging

import numpy
import pytest

from bot.analysis import risk_learned, risk_semantic
from bot.analysis.risk import assess_risk, assess_risk_rules
from bot.analysis.risk_learned import (
    AGREEMENT_THRESHOLDS,
    GATE,
    MEANING_MARKER,
    SEMANTIC_THRESHOLD,
    THRESHOLD,
    warm_up,
    with_learned_layer,
)
from bot.analysis.risk_model import DATA_FILE, TrainingRow, load_model, read_rows
from bot.analysis.risk_semantic import SemanticIndex, digest, load_index, stored_vectors
from bot.nlp import load_nlp

# Written for these tests, not in the training file: veiled statements the rules do not match and the
# word-level model is unsure of, and ordinary remarks.
VEILED = "I've started looking at the tall car park near my office differently."
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


def test_a_long_message_without_punctuation_is_read_in_overlapping_windows(index):
    filler = FILLER.replace(",", "").replace(".", "").replace("'", "")
    long_text = filler * 3 + VEILED.rstrip(".") + " " + filler * 3
    assert len(risk_semantic.SENTENCE_END.split(long_text)) == 1
    windows = index.encoder.encode_windows(long_text)
    pieces = len(index.encoder._pieces(long_text))
    step = risk_semantic.MAX_TOKENS - 2
    assert len(windows) == len(risk_semantic._windows(list(range(pieces)), step, step // 2)) > 2
    assert index.judge(long_text).probability > index.judge(filler * 6).probability


def test_windows_cover_every_piece_and_drop_only_a_tail_inside_the_last_window():
    pieces = list(range(300))
    windows = risk_semantic._windows(pieces, 126, 63)
    assert windows[0] == pieces[:126] and all(len(w) <= 126 for w in windows)
    assert set().union(*map(set, windows)) == set(pieces)
    assert windows[-1][-1] == 299 and len(windows[-1]) > 63
    assert risk_semantic._windows(pieces[:100], 126, 63) == [pieces[:100]]


def test_a_huge_message_is_encoded_in_a_bounded_number_of_parts(index):
    huge = (FILLER + VEILED + " ") * 200
    assert len(index.encoder.encode_windows(huge)) == risk_semantic.MAX_PARTS


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
    assert finding.evidence and all(e.marker == MEANING_MARKER and VEILED[e.start:e.end] == e.text for e in finding.evidence)
    assert assess_risk(_doc(ORDINARY)).outcome == "none"


def test_both_models_leaning_together_ask_where_neither_alone_would(index):
    """The agreement rule: each probability short of its own threshold, both at or above the pair."""
    doc = _doc(VEILED)
    rules = assess_risk_rules(doc)
    words = load_model().probability(VEILED)
    meaning = index.judge(VEILED).probability
    alone = {"threshold": words + 0.001, "index": index, "semantic_threshold": meaning + 0.001}
    together = with_learned_layer(rules, doc, agreement=(words, meaning), **alone)
    assert together.outcome == "ask" and together.source == "model", together.to_dict()
    assert f"leaning the same way at {words:.2f}" in together.findings[0].explanation
    assert with_learned_layer(rules, doc, agreement=(words + 0.001, meaning), **alone).outcome == "none"
    assert with_learned_layer(rules, doc, agreement=(words, meaning + 0.001), **alone).outcome == "none"
    # Shipped off (None), or a pair below both thresholds: else the rule would never add an ask.
    assert AGREEMENT_THRESHOLDS is None or (AGREEMENT_THRESHOLDS[0] < THRESHOLD and AGREEMENT_THRESHOLDS[1] < SEMANTIC_THRESHOLD)


def test_below_the_gate_the_semantic_layer_is_not_consulted(index):
    doc = _doc(ORDINARY)
    rules = assess_risk_rules(doc)
    assert load_model().probability(ORDINARY) < GATE
    # Even a semantic threshold of zero, which asks about anything it reads, leaves it alone.
    assert with_learned_layer(rules, doc, index=index, semantic_threshold=0.0).outcome == "none"


def test_it_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("ATTUNE_RISK_SEMANTIC", "0")

    def must_not_load():
        raise AssertionError("the semantic layer was consulted while turned off")

    monkeypatch.setattr(risk_learned, "load_index", must_not_load)
    assert assess_risk(_doc(VEILED)).outcome == "none"


def test_warming_up_loads_and_runs_the_encoder():
    risk_semantic._load.cache_clear()
    warm_up()
    assert risk_semantic._load.cache_info().currsize == 1


@pytest.fixture
def broken_encoder(monkeypatch, tmp_path):
    monkeypatch.setenv("ATTUNE_SENTENCE_MODEL", str(tmp_path / "no-such-model"))
    risk_semantic._load.cache_clear()
    risk_semantic.forget_failure()
    yield
    risk_semantic._load.cache_clear()
    risk_semantic.forget_failure()


def test_an_encoder_that_fails_to_load_leaves_the_rules_answer_and_is_not_retried_each_message(broken_encoder, caplog):
    with caplog.at_level(logging.ERROR, logger="bot.analysis.risk_learned"):
        first = assess_risk(_doc(VEILED))
        second = assess_risk(_doc(VEILED))
    assert first.outcome == second.outcome == "none" and first.findings == []
    assert caplog.text.count("semantic layer failed") == 1
    with pytest.raises(risk_semantic.SemanticUnavailable):
        load_index()


def test_with_the_encoder_broken_the_word_level_model_asks_at_its_own_threshold(broken_encoder, monkeypatch):
    doc = _doc(VEILED)
    probability = load_model().probability(VEILED)
    # Between the two thresholds: the semantic layer would have decided; without it the words do.
    monkeypatch.setattr(risk_learned, "THRESHOLD", probability + 0.01)
    monkeypatch.setattr(risk_learned, "WORDS_ONLY_THRESHOLD", probability - 0.01)
    result = assess_risk(doc)
    assert result.outcome == "ask" and result.findings[0].evidence[0].marker == risk_learned.MARKER
