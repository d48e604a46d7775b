"""Each format, parsed back, says what the transcript views say: every turn in order, its speaker,
text, markers, scores, risk events, notes and the consent record."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.export import FORMATS, UnknownFormat, render
from bot.export.csv_table import columns
from bot.export.facts import consent_text
from bot.export.json_data import FORMAT_NAME

STAMP = datetime(2026, 4, 1, 12, 0, tzinfo=timezone.utc)


def test_json_gives_back_the_views_exactly(transcript, history, readers):
    for sessions in ([transcript], history):
        doc = readers.json(render(sessions, "json", exported_at=STAMP))
        assert doc["format"] == FORMAT_NAME and doc["exported_at"] == "2026-04-01T12:00:00+00:00"
        assert doc["sessions"] == [t.to_dict() for t in sessions]


def test_csv_has_one_row_per_turn_with_its_facts(transcript, history, readers):
    rows = readers.csv(render(history, "csv"))
    assert list(rows[0].keys()) == list(columns())
    expected = [(t.conversation.id, turn) for t in history for turn in t.turns]
    assert len(rows) == len(expected)
    for row, (session_id, turn) in zip(rows, expected):
        assert int(row["session_id"]) == session_id
        assert (int(row["turn_id"]), int(row["seq"]), row["speaker"]) == (turn.id, turn.seq, turn.speaker.value)
        assert row["text"] == turn.text
        assert row["exercise"] == turn.exercise and row["step"] == turn.step

    annotated = readers.csv(render([transcript], "csv"))[1]
    turn = transcript.turns[1]
    assert annotated["rf_estimate"] == "5" and annotated["suds"] == "6.0"
    assert annotated["markers"] == "self_mind: I thought; opacity: maybe"
    assert annotated["risk"] == "self_harm/high/explicit" and annotated["risk_acknowledged"] == "no"
    assert annotated["notes"] == f"Dr Therapist: {turn.notes[0].text}"
    assert readers.csv(render([transcript], "csv"))[0]["rf_estimate"] == ""  # bot turns have no score


def test_html_shows_every_turn_with_highlighted_evidence(transcript, readers):
    doc = readers.html(render([transcript], "html"))
    assert list(doc.turn_text) == [t.id for t in transcript.turns]
    for turn in transcript.turns:
        assert doc.turn_text[turn.id] == turn.text
    annotated = transcript.turns[1]
    assert doc.marks[annotated.id] == ["I thought", "maybe"]
    assert "self_harm / high / explicit" in doc.text  # risk event
    assert annotated.notes[0].text in doc.text
    assert consent_text(transcript.consent) in doc.text
    assert "RF-style estimate 5 · SUDS 6" in doc.text
    images = [attrs for tag, attrs in doc.tags if tag == "img"]
    assert len(images) == 1 and images[0]["src"].startswith("data:image/png;base64,iVBORw0KGgo")


def test_pdf_text_holds_every_turn_note_risk_and_consent(transcript, history, readers):
    data = render([transcript], "pdf")
    assert data.startswith(b"%PDF-")
    text = readers.pdf_text(data)
    # Extraction adds spaces where the font switches (highlighted words): compare without them.
    squashed = "".join(text.split())
    positions = [squashed.index("".join(turn.text.split())) for turn in transcript.turns]
    assert positions == sorted(positions)  # in turn order
    annotated = transcript.turns[1]
    assert annotated.notes[0].text in text
    assert "self_harm / high / explicit" in text
    assert consent_text(transcript.consent) in text
    assert 'self_mind: "I thought"' in text and "RF-style estimate 5" in text
    assert readers.pdf_images(data) == 1  # the progress chart
    assert "Attune transcript · confidential · 1/" in text  # every page's footer

    whole = readers.pdf_text(render(history, "pdf"))
    assert all(f"Session {t.conversation.id}:" in whole for t in history)


def test_markdown_quotes_every_turn_and_bolds_the_evidence(transcript, readers):
    data = render([transcript], "md")
    quoted = [line[2:] for line in data.decode().splitlines() if line.startswith("> ")]
    assert [readers.unescape_markdown(q.replace("**", "")) for q in quoted] == [t.text for t in transcript.turns]
    html = readers.markdown_to_html(data)
    assert "<strong>I thought</strong>" in html and "<strong>maybe</strong>" in html
    assert "self_harm / high / explicit" in readers.unescape_markdown(data.decode())


def test_progress_callback_sees_every_session(history):
    for fmt in FORMATS:
        seen = []
        render(history, fmt, progress=seen.append)
        assert seen == history


def test_unknown_format_is_refused(transcript):
    with pytest.raises(UnknownFormat):
        render([transcript], "docx")


def test_markdown_bolds_neighbouring_and_overlapping_marks_as_one_run(transcript, readers):
    from dataclasses import replace

    from bot.store.views import EvidenceView

    text = "When she went quiet I thought she was angry.\nMaybe not."
    spans = [("I ", "a"), ("thought", "b"), ("she was angry", "c"), ("angry", "d"), ("angry.\nMaybe", "e")]
    evidence = tuple(EvidenceView(text.index(w), text.index(w) + len(w), w, m, "") for w, m in spans)
    turn = transcript.turns[1]
    annotation = replace(turn.annotations[0], evidence=evidence)
    changed = replace(transcript, turns=(transcript.turns[0], replace(turn, text=text, annotations=(annotation,)),
                                         *transcript.turns[2:]))
    data = render([changed], "md")
    # "I " + "thought" touch: one run, its blank moved outside; "angry.\nMaybe" bolds each line.
    assert "> When she went quiet **I thought** **she was angry.**\n> **Maybe** not." in data.decode()
    html = readers.markdown_to_html(data)
    assert "<strong>I thought</strong> <strong>she was angry.</strong>" in html
    assert "<strong>Maybe</strong> not." in html and "****" not in data.decode()
