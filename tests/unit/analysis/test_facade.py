"""The analysis facade: one parse shared by all four parts, batched and single calls agree, and any
input (empty, huge, control characters, markup, another language) gets a result with notes."""
from __future__ import annotations

import json

import pytest

from bot.analysis import PARTS, AnalysisResult, analyze, analyze_many
from bot.settings import get_settings


def test_all_four_parts_run_on_ordinary_text():
    result = analyze("I'm sorry I snapped; maybe you felt hurt because I ignored your question?")
    for name in PARTS:
        assert getattr(result, name) is not None, name
    assert result.notes == []
    assert result.mentalizing.rf_estimate >= 5


def test_only_runs_the_named_parts_and_rejects_unknown_names():
    result = analyze("She seemed worried.", only="mentalizing")
    assert result.mentalizing is not None
    assert result.risk is None and result.repair is None and result.prompt is None
    both = analyze("She seemed worried.", only=["risk", "repair"])
    assert both.risk is not None and both.repair is not None and both.mentalizing is None
    with pytest.raises(ValueError, match="unknown analysis part"):
        analyze("text", only="astrology")


def test_batched_and_single_calls_give_the_same_results():
    texts = ["I think he was hurt because I laughed.", "", "What was that like for you?", "I want to die."]
    contexts = [None, None, "I felt so alone that night.", None]
    batched = analyze_many(texts, contexts, batch_size=2)
    single = [analyze(t, c) for t, c in zip(texts, contexts)]
    assert [b.to_dict() for b in batched] == [s.to_dict() for s in single]


def test_contexts_must_match_texts():
    with pytest.raises(ValueError, match="contexts"):
        analyze_many(["a", "b"], ["only one"])


def test_to_dict_is_json_with_every_part():
    data = json.loads(json.dumps(analyze("I wonder what she felt.").to_dict()))
    assert set(data) == {"text", "original_length", "truncated", "language_supported", "notes", *PARTS}


@pytest.mark.parametrize("text,note", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("😀😢🙃", "no words"),
    ("12345 !!!", "no words"),
    ("hi\x00there\x1b[31m", "Control"),
    ("<script>alert('x')</script> I think she was sad", "markup"),
])
def test_odd_input_gets_a_result_and_a_note(text, note):
    result = analyze(text)
    assert isinstance(result, AnalysisResult)
    assert any(note in n for n in result.notes), result.notes
    assert len(result.text) == len(text)  # replacements keep offsets valid
    assert result.mentalizing is not None and result.risk is not None


def test_control_characters_are_replaced_without_moving_offsets():
    result = analyze("I\x00 think she was\x07 sad")
    assert "\x00" not in result.text and len(result.text) == len("I\x00 think she was\x07 sad")
    for marker in result.mentalizing.markers:
        assert result.text[marker.evidence.start:marker.evidence.end] == marker.evidence.text


def test_long_text_is_cut_at_a_sentence_and_says_so():
    limit = get_settings().analysis_max_chars
    text = "I think she was upset because I forgot. " * (limit // 20)
    result = analyze(text)
    assert result.truncated and len(result.text) <= limit
    assert result.text.endswith(".")
    assert result.original_length == len(text)
    assert any("only the first" in n for n in result.notes)
    assert result.mentalizing.rf_estimate >= 5


def test_curly_apostrophes_match_like_straight_ones():
    curly = analyze("I can\u2019t really know what she felt.", only="mentalizing")
    straight = analyze("I can't really know what she felt.", only="mentalizing")
    assert "opacity" in curly.mentalizing.families()
    assert curly.mentalizing.families() == straight.mentalizing.families()


def test_other_languages_are_flagged_not_guessed():
    result = analyze("Je pense que ma mère était triste parce que je ne l'ai pas appelée.")
    assert result.language_supported is False
    assert any("English-only" in n for n in result.notes)
    assert result.mentalizing.markers == []


def test_non_text_input_is_converted_with_a_note():
    assert analyze(None).notes[0] == "No text was given."
    number = analyze(42)
    assert number.text == "42" and any("not text" in n for n in number.notes)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", ["On purpose.", "Because.", "Just because!", "On purpose, obviously.", "so"])
def test_fragments_without_a_verb_finish(text):
    """Walking up the parse must stop at the root (spaCy makes a new Token object on each access,
    so an identity check never stopped there: "On purpose." used to hang the whole analysis)."""
    result = analyze(text)
    assert result.mentalizing is not None and result.risk is not None


def test_risk_reads_past_the_truncation_point():
    limit = get_settings().analysis_max_chars
    text = "I walked to the shops and it was fine. " * (limit // 30) + "Honestly I want to kill myself."
    result = analyze(text)
    assert result.truncated
    assert result.risk.flagged
    finding = result.risk.findings[0]
    evidence = finding.evidence[0]
    assert text[evidence.start:evidence.end] == evidence.text
