"""Empty, huge, emoji-only and non-English messages, and sessions without turns, export cleanly."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.export import FORMATS, render
from bot.export.charts import progress_chart

ODD_TEXTS = {
    "empty": "",
    "huge": "word " * 2500 + "x" * 10_000,  # 22,500 characters, one 10,000-character "word"
    "emoji": "😢😡🙏🏽👩‍👩‍👧",
    "other languages": "我觉得她生气了 — أعتقد أنها كانت غاضبة — Я думаю, она злилась",
    "only controls": "\x00\x01\x1b\x7f",
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ODD_TEXTS)
def test_odd_messages_export(kind, fmt, transcript, readers):
    turns = list(transcript.turns)
    turns[3] = replace(turns[3], text=ODD_TEXTS[kind])
    data = render([replace(transcript, turns=tuple(turns))], fmt)
    assert data
    if fmt == "json":
        assert readers.json(data)["sessions"][0]["turns"][3]["text"] == ODD_TEXTS[kind]
    elif fmt == "csv":
        assert len(readers.csv(data)) == len(turns)
    elif fmt == "pdf" and kind == "huge":
        assert "x" * 200 in readers.pdf_text(data).replace(" ", "")  # the long word wraps, not lost
    elif fmt == "pdf" and kind == "other languages":
        assert "Я думаю, она злилась" in readers.pdf_text(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_session_without_turns_or_consent(fmt, transcript):
    empty = replace(transcript, turns=(), suds=(), consent=None,
                    conversation=replace(transcript.conversation, scores={}, suds_values=()))
    data = render([empty], fmt)
    if fmt in ("md", "html"):
        assert b"No turns were kept" in data and b"No consent record" in data


def test_no_sessions_at_all():
    for fmt in FORMATS:
        assert render([], fmt)


def test_charts_are_pngs_when_there_is_something_to_plot(transcript, history):
    single, many = progress_chart([transcript]), progress_chart(history)
    assert single.png.startswith(b"\x89PNG") and many.png.startswith(b"\x89PNG")
    assert single.caption != many.caption
    bare = replace(transcript, turns=(), suds=(),
                   conversation=replace(transcript.conversation, scores={}, suds_values=()))
    assert progress_chart([bare]) is None
