"""CSV export: one row per turn, for spreadsheets and statistics.

Cells that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) get a leading
apostrophe; control characters are removed. Numbers stay numbers.
"""
from __future__ import annotations

import csv
import io
from typing import Callable, Sequence

from bot.exercises.registry import score_specs
from bot.export.facts import turn_scores
from bot.export.highlight import turn_evidence
from bot.export.labels import label
from bot.export.practice import is_simulated, speaker_label
from bot.export.sanitize import neutralise_cell
from bot.store.views import Transcript, Turn

Progress = Callable[[Transcript], None]

BEFORE_SCORES = (
    "session_id", "person_id", "person_name", "session_started", "simulated", "turn_id", "seq", "time",
    "speaker", "speaker_label", "exercise", "step", "intent", "text", "markers",
)
AFTER_SCORES = ("suds", "risk", "risk_acknowledged", "notes")


def columns() -> tuple[str, ...]:
    """One column per score any registered exercise declares, under the score's name."""
    return (*BEFORE_SCORES, *score_specs(), *AFTER_SCORES)


def render(transcripts: Sequence[Transcript], exported_at: str, progress: Progress | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(columns())
    for transcript in transcripts:
        for turn in transcript.turns:
            writer.writerow([neutralise_cell(value) for value in _row(transcript, turn)])
        if progress:
            progress(transcript)
    # A byte-order mark makes spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _row(transcript: Transcript, turn: Turn) -> list:
    scores = turn_scores(turn)
    simulated = is_simulated(transcript.conversation)
    return [
        transcript.conversation.id,
        transcript.person.id,
        transcript.person.display_name,
        transcript.conversation.started_at.isoformat(),
        label("simulated_short") if simulated else "",  # a simulated client's words are never a real client's
        turn.id,
        turn.seq,
        turn.created_at.isoformat(),
        turn.speaker.value,
        speaker_label(turn.speaker.value, simulated),
        turn.exercise,
        turn.step,
        turn.intent,
        turn.text,
        "; ".join(f"{ev.marker}: {ev.text}" for ev in turn_evidence(turn)),
        *(scores.get(name) for name in score_specs()),
        scores.get("suds"),
        "; ".join("/".join(p for p in (e.category, e.severity, e.level) if p) or e.source
                  for e in turn.risk_events),
        "; ".join("yes" if e.acknowledged else "no" for e in turn.risk_events),
        " | ".join(f"{n.author_name or '?'}: {n.text}" for n in turn.notes),
    ]
