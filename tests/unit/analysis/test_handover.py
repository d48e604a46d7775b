"""The analysis handed from the Rasa server's NLU to the actions: results round-trip through
to_dict/from_dict and through the compact parse-data form, the hand-over is checked against the
text it belongs to, and `analysis_of` uses it only when it fits (real spaCy, real analyses)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis import NLU_PARTS, PARTS, AnalysisResult, analyze, analyze_many
from bot.analysis.handover import (
    ANALYSIS_KEY,
    RISK_KEY,
    VERSION,
    analysis_of,
    from_parse_data,
    given,
    to_parse_data,
)
from bot.analysis.risk import assess_risk_text

DATA = Path(__file__).resolve().parents[2] / "data"
ODD = [
    "I’m sorry I snapped – maybe you felt “ignored” because I didn’t answer?",  # typographic quotes
    "I felt\x00 hurt\x07 and she was\u200b worried.",  # control characters
    "<b>I want to die</b> and I think she knows it",  # markup
    "Je pense qu'elle était inquiète.",  # another language
    "",
    "🙂🙂",
    "I wonder whether he was tired. " * 300,  # longer than the analysis reads
]


def _dev_texts(name: str, limit: int) -> list[str]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows if r.get("split") == "dev"][:limit]


TEXTS = _dev_texts("mentalizing.jsonl", 40) + _dev_texts("repair.jsonl", 25) + ODD


def _parse_data(text: str, result: AnalysisResult) -> dict:
    """The parse data as Rasa stores and sends it: JSON, the risk whole, the other parts compact."""
    data = {"text": text, RISK_KEY: result.risk.to_dict(), ANALYSIS_KEY: to_parse_data(result)}
    return json.loads(json.dumps(data))


@pytest.fixture(scope="module")
def analyses() -> list[AnalysisResult]:
    return analyze_many(TEXTS)


def test_every_result_round_trips_through_to_dict_and_from_dict(analyses):
    for result in analyses:
        data = json.loads(json.dumps(result.to_dict()))
        assert AnalysisResult.from_dict(data).to_dict() == result.to_dict()
        for name in PARTS:
            assert getattr(AnalysisResult.from_dict(data), name) is not None, name


def test_the_compact_hand_over_gives_back_the_same_parts(analyses):
    for text, result in zip(TEXTS, analyses):
        handed = from_parse_data(_parse_data(text, result))
        assert handed is not None, text[:40]
        assert handed.text == result.text and handed.truncated == result.truncated
        assert handed.language_supported == result.language_supported and handed.notes == result.notes
        for name in NLU_PARTS:
            assert getattr(handed, name).to_dict() == getattr(result, name).to_dict(), (name, text[:40])
        assert handed.prompt is None  # it needs the question: never handed over


def test_the_nlu_parts_read_risk_as_the_risk_detector_does():
    for text in ODD + ["I have pills saved up and tonight I'm going to take them all."]:
        assert analyze(text, only=NLU_PARTS).risk.to_dict() == assess_risk_text(text).to_dict(), text[:40]


def test_the_hand_over_is_much_smaller_than_the_full_results(analyses):
    full = compact = 0
    for result in analyses:
        full += len(json.dumps({n: getattr(result, n).to_dict() for n in NLU_PARTS if n != "risk"}))
        compact += len(json.dumps(to_parse_data(result)))
    assert compact < full / 2, (compact, full)


def test_a_hand_over_for_another_text_or_version_is_not_trusted():
    text = "Maybe she was worried about her exam."
    data = _parse_data(text, analyze(text, only=NLU_PARTS))
    assert from_parse_data(data) is not None
    assert from_parse_data({**data, "text": "Maybe she was worried about her job."}) is None
    assert from_parse_data({**data, ANALYSIS_KEY: {**data[ANALYSIS_KEY], "v": VERSION + 1}}) is None
    assert from_parse_data({"text": text, "intent": {"name": "reflect"}}) is None  # an older model
    assert from_parse_data(None) is None


def test_a_damaged_hand_over_is_dropped_not_raised():
    text = "Maybe she was worried about her exam."
    data = _parse_data(text, analyze(text, only=NLU_PARTS))
    data[ANALYSIS_KEY]["strings"] = []  # the evidence points at strings that are not there
    assert from_parse_data(data) is None


def test_analysis_of_uses_the_hand_over_only_for_its_own_text():
    text = "I felt hurt, and I wondered whether she was worried about the rent."
    handed = from_parse_data(_parse_data(text, analyze(text, only=NLU_PARTS)))
    assert handed.mentalizing.markers
    handed.mentalizing.markers = []  # marked, so that the test sees which analysis was used
    with given(handed):
        assert analysis_of(text, only="mentalizing").mentalizing.markers == []
        assert analysis_of(text, only=["risk", "repair"]) is handed
        other = "I wondered whether he was worried about the rent."
        assert analysis_of(other, only="mentalizing").mentalizing.markers  # analysed here
        with_context = analysis_of(text, only="prompt", context="How did that feel?")
        assert with_context.prompt is not None and with_context is not handed
    assert analysis_of(text, only="mentalizing").mentalizing.markers  # outside `given`: analysed here
