"""Floors on the tuning sets written apart from the rules (tests/data/risk_dev.jsonl, and
tests/data/risk_dev2.jsonl in fresh wording of the weakest classes, with a clinician's questions to a
client as hard negatives): every risk row found (flag or ask), at most 5% of hard negatives flagged or
asked about.

These read the whole detector, rules and learned layer; the layer was trained on these rows, so here
it only shows it adds no false alarms on sentences it has seen (its honest figures are the
cross-validated ones of bench/eval_risk.py). The blind set (tests/data/risk_blind.jsonl) is never
read here: bench/eval_risk.py prints only its aggregate figures, and tuning on it would spend the one
independent measure there is.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis.risk import assess_risk
from bot.nlp import load_nlp

DATA = Path(__file__).resolve().parents[2] / "data"
SETS = [DATA / "risk_dev.jsonl", DATA / "risk_dev2.jsonl"]
DETECTED = ("flag", "ask")
# Measured 2026-11-30: dev recall 1.000 (291/291), false alarms 0.011 (2/184), explicit rows flagged
# 0.96, past rows past_only 1.00; dev2 (first run 0.678 recall, 0.141 false alarms) now recall 1.000
# (152/152), false alarms 0.000 (0/71), explicit rows flagged about 0.9. The recall floor is the
# target itself; the others sit below what was measured.
MAX_FALSE_ALARM = 0.05
MIN_EXPLICIT_FLAGGED = 0.90
MIN_PAST_ONLY = 0.90

MIN_EXPLICIT_FLAGGED_DEV2 = 0.80


@pytest.fixture(scope="module", params=SETS, ids=lambda p: p.stem)
def rows_and_results(request):
    if not request.param.is_file():
        pytest.skip(f"{request.param} is not here")
    rows = [json.loads(line) for line in request.param.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(zip(rows, (assess_risk(doc) for doc in load_nlp().pipe(r["text"] for r in rows))))


def test_every_risk_row_is_flagged_or_asked_about(rows_and_results):
    missed = [r["text"] for r, res in rows_and_results if r["risk"] and res.outcome not in DETECTED]
    assert missed == []


def test_false_alarms_on_hard_negatives(rows_and_results):
    negatives = [(r, res) for r, res in rows_and_results if r["kind"] == "hard_negative"]
    alarms = [r["text"] for r, res in negatives if res.outcome in DETECTED]
    assert len(alarms) / len(negatives) <= MAX_FALSE_ALARM, alarms


def test_explicit_rows_are_mostly_flagged_not_only_asked(rows_and_results):
    explicit = [res for r, res in rows_and_results if r["kind"] == "explicit"]
    floor = MIN_EXPLICIT_FLAGGED_DEV2 if "question_to_other" in {r.get("cls") for r, _ in rows_and_results} else MIN_EXPLICIT_FLAGGED
    assert sum(res.outcome == "flag" for res in explicit) / len(explicit) >= floor


def test_past_rows_are_found_as_past_only(rows_and_results):
    past = [res for r, res in rows_and_results if r["kind"] == "past"]
    if not past:
        pytest.skip("no past rows in this set")
    assert sum(res.outcome in DETECTED and res.past_only for res in past) / len(past) >= MIN_PAST_ONLY


def test_categories_of_risk_rows(rows_and_results):
    risk = [(r, res) for r, res in rows_and_results if r["risk"]]
    right = sum(1 for r, res in risk if res.speaker_findings and res.speaker_findings[0].category == r["category"])
    assert right / len(risk) >= 0.9
