"""The learned layer over the risk rules: how the two combine, what stays set aside, determinism and
falling back to the rules when the model fails (bot/analysis/risk_learned.py, risk_model.py)."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bench.eval_risk import PORTIONS
from bot.analysis.risk import assess_risk, assess_risk_rules, assess_risk_text
from bot.analysis.risk_learned import GATE, MEANING_MARKER, THRESHOLD, WORDS_ONLY_THRESHOLD, blank_out, with_learned_layer
from bot.analysis.risk_model import DATA_FILE, RiskModel, load_model, read_rows
from bot.nlp import load_nlp

# Written for these tests, not in the training file: the rules find nothing in it, the model does.
MODEL_ONLY = "everything feels heavy and pointless and i keep thinking everyone would be fine if i just disappeared"
ORDINARY = "We went to the cinema and then got a taxi home."


@pytest.fixture(scope="module")
def model() -> RiskModel:
    return load_model()


def _doc(text: str):
    return load_nlp()(text)


def test_the_example_is_not_in_the_training_file():
    assert MODEL_ONLY not in {r.text for r in read_rows(DATA_FILE)}


def test_rules_none_becomes_ask_only_at_or_above_the_threshold(model, monkeypatch):
    monkeypatch.setenv("ATTUNE_RISK_SEMANTIC", "0")  # the word-level threshold alone
    doc = _doc(MODEL_ONLY)
    rules = assess_risk_rules(doc)
    assert rules.outcome == "none"
    p = model.probability(doc.text)
    below = with_learned_layer(rules, doc, model, threshold=p + 1e-6)
    at = with_learned_layer(rules, doc, model, threshold=p)
    assert below.outcome == "none" and below.source is None
    assert at.outcome == "ask" and at.source == "model" and not at.past_only


def test_the_shipped_threshold_asks_about_a_veiled_statement_and_not_about_ordinary_talk(model):
    asked = assess_risk(_doc(MODEL_ONLY))
    assert asked.outcome == "ask" and asked.source == "model", asked.to_dict()
    assert model.probability(ORDINARY) < THRESHOLD
    assert assess_risk(_doc(ORDINARY)).outcome == "none"


def test_a_model_ask_names_its_words_and_nearest_training_sentences(model):
    result = assess_risk_text(MODEL_ONLY)
    finding = result.findings[0]
    data = finding.to_dict()
    # Asked by the word level alone (at or above THRESHOLD) or, above the gate, with the meaning layer's agreement.
    by_meaning = any(e.marker == MEANING_MARKER for e in finding.evidence)
    assert data["source"] == "model" and data["level"] == "ask"
    assert data["probability"] >= (GATE if by_meaning else THRESHOLD)
    assert finding.evidence, "the words that weighed must be named"
    for e in finding.evidence:
        assert MODEL_ONLY[e.start:e.end] == e.text and e.marker in ("model/words", MEANING_MARKER)
    risk_sentences = {r.text for r in read_rows(DATA_FILE) if r.label == 1}
    assert data["nearest"] and set(data["nearest"]) <= risk_sentences
    assert data["nearest"][0] in finding.explanation
    assert result.to_dict()["source"] == "model"


@pytest.mark.parametrize("text, outcome", [
    ("I want to kill myself tonight", "flag"),
    ("I just want it all to stop", "ask"),
])
def test_the_rules_flag_and_ask_stay_as_they_are(model, text, outcome):
    doc = _doc(text)
    rules = assess_risk_rules(doc)
    combined = with_learned_layer(rules, doc, model, threshold=0.0)
    assert rules.outcome == combined.outcome == outcome
    assert combined.source == "rules" and all(f.source == "rules" for f in combined.findings)
    assert combined.findings == rules.findings


# A model ask is read as past the way a rule's match is, where the story is dated by an age or a date:
# the past check (validation and a question about now) rather than the unsure-finding question.
@pytest.mark.parametrize("text, past", [
    ("In my army days I got into pub fights and hurt a few lads badly. That was thirty years ago.", True),
    ("When I was a teenager I got into pub fights every weekend and hurt lads badly. I'm fifty now.", True),
    ("I get into pub fights and hurt lads badly most weekends.", False),
    ("Ten years ago I moved here, and now I get into pub fights and hurt lads badly most weekends.", False),
    ("I used to get into pub fights and hurt lads badly, back then.", False),  # no age or date
])
def test_a_model_ask_about_a_dated_story_is_past(model, text, past):
    doc = _doc(text)
    rules = assess_risk_rules(doc)
    assert rules.outcome == "none"
    combined = with_learned_layer(rules, doc, model, threshold=0.0)  # the model asks whatever it reads
    assert combined.outcome == "ask"
    assert combined.past_only is past, combined.to_dict()


@pytest.mark.parametrize("text", [
    "I would never hurt myself",  # the speaker's own negation
    "In the novel the hero wants to die",  # marked fiction
])
def test_what_the_rules_are_sure_of_is_blanked_out_for_the_model(model, text):
    doc = _doc(text)
    rules = assess_risk_rules(doc)
    assert rules.outcome == "none" and rules.sure_set_aside
    blanked = blank_out(doc.text, rules.sure_set_aside)
    assert len(blanked) == len(doc.text)
    for e in rules.sure_set_aside:
        assert blanked[e.start:e.end].strip() == ""
    # Whatever the threshold, the model reads only the words left, never the set-aside ones.
    p = model.probability(blanked)
    assert with_learned_layer(rules, doc, model, threshold=p + 1e-6).outcome == "none"
    assert assess_risk(doc).outcome == "none"


def test_a_curated_idiom_no_rule_matched_is_kept_from_the_model_too():
    # "dead on my feet" matches no risk rule, yet its words would weigh with the model.
    idiom = assess_risk_rules(_doc("I'm dead on my feet after the night shift"))
    assert "dead on my feet" in [e.text for e in idiom.sure_set_aside]
    assert assess_risk_rules(_doc("I'm on my feet all night on the shift")).sure_set_aside == []


def test_without_the_marker_the_same_words_are_not_set_aside():
    assert assess_risk_text("I would hurt myself").outcome != "none"
    assert assess_risk_text("I want to die").outcome == "flag"


def test_words_after_a_set_aside_part_are_still_read(model):
    text = "I would never hurt myself. " + MODEL_ONLY
    doc = _doc(text)
    rules = assess_risk_rules(doc)
    assert rules.outcome == "none" and rules.sure_set_aside
    assert model.probability(blank_out(text, rules.sure_set_aside)) >= WORDS_ONLY_THRESHOLD
    assert assess_risk(doc).outcome == "ask"


def test_a_question_put_to_the_listener_is_kept_from_the_models_whole():
    # A trainee's screening question is about the listener up to its question mark: blanking only
    # "killing yourself" left "are you having thoughts of ... how often do they come?" for the models.
    question = "Are you having thoughts of killing yourself at the moment, and how often do they come?"
    rules = assess_risk_rules(_doc(question))
    assert [e.text for e in rules.sure_set_aside] == [question]
    assert assess_risk(_doc(question)).outcome == "none"


def test_after_a_question_to_the_listener_the_speakers_own_words_are_still_read():
    question = "Have you ever thought about killing yourself? "
    rules = assess_risk_rules(_doc(question + MODEL_ONLY))
    assert [e.text for e in rules.sure_set_aside] == [question.strip()]
    assert assess_risk(_doc(question + MODEL_ONLY)).outcome == "ask"


def test_fitting_is_deterministic():
    rows = read_rows(DATA_FILE)
    first, second = RiskModel(rows), RiskModel(list(rows))
    assert first.coef == second.coef and first.intercept == second.intercept
    for text in (MODEL_ONLY, ORDINARY, "i cant do this anymore"):
        assert first.probability(text) == second.probability(text)
        assert first.nearest(text) == second.nearest(text)
        assert first.contributions(text) == second.contributions(text)


def test_a_broken_model_leaves_the_rules_result(tmp_path: Path, monkeypatch, caplog):
    broken = tmp_path / "one_label.jsonl"
    broken.write_text(json.dumps({"text": "only one label", "label": 0, "origin": "x", "kind": "ordinary",
                                  "category": ""}) + "\n", encoding="utf-8")
    monkeypatch.setenv("ATTUNE_RISK_MODEL_FILE", str(broken))
    with caplog.at_level(logging.ERROR, logger="bot.analysis.risk_learned"):
        veiled = assess_risk_text(MODEL_ONLY)
        flagged = assess_risk_text("I want to kill myself")
    assert veiled.outcome == "none" and veiled.findings == []
    assert flagged.outcome == "flag" and flagged.source == "rules"
    assert "risk model failed" in caplog.text


def test_unreadable_training_file_leaves_the_rules_result(tmp_path: Path, monkeypatch):
    broken = tmp_path / "garbled.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    monkeypatch.setenv("ATTUNE_RISK_MODEL_FILE", str(broken))
    assert assess_risk_text(MODEL_ONLY).outcome == "none"
    assert assess_risk_text("I just want it all to stop").outcome == "ask"


def test_training_file_rows_follow_the_schema():
    rows = read_rows(DATA_FILE)
    assert rows == sorted(rows, key=lambda r: r.text) and len({r.text for r in rows}) == len(rows)
    assert {r.label for r in rows} == {0, 1}
    risk_sets = {name for name, _, tunable in PORTIONS if tunable}
    assert {r.origin for r in rows} <= risk_sets | {"mentalizing", "repair", "ordinary", "nlu"}
    assert all(r.category for r in rows if r.label == 1) and not any(r.category for r in rows if r.label == 0)


def test_the_committed_training_file_is_what_the_build_script_makes():
    import importlib.util

    script = Path(__file__).resolve().parents[3] / "scripts" / "build_risk_model_data.py"
    spec = importlib.util.spec_from_file_location("build_risk_model_data", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    committed = [json.loads(line) for line in DATA_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert built == committed, "run scripts/build_risk_model_data.py and commit its output"
    # The blind set is never learned from.
    assert all("blind" not in name for _, name in module.RISK_PORTIONS)


def test_what_people_say_to_steer_attune_is_ordinary_talk():
    """The dialogue's own examples train the layer as not-risk, so steering an exercise is never
    taken for a veiled disclosure; a near variant that is not a training sentence stays unasked."""
    from scripts.build_risk_model_data import _nlu_examples

    examples = _nlu_examples()
    assert "let me be them" in examples
    assert "I need help now" not in examples  # the risk intents and "I need help now" are left out
    for text in ("ok let me be her for a bit", "can we swap so I play him now"):
        assert text not in examples
        assert assess_risk_text(text).outcome == "none"
