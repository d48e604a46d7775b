"""What the review pages show, built from the store's views with the exports' own helpers.

Highlighting (`bot.export.highlight`), scores (`bot.export.facts`, which reads whatever numeric
scores an annotation declares), labels and text cleaning are the exports'; this module only shapes
them for a page where each marked phrase carries its explanation (shown on hover and on focus).
Strings are cleaned here; HTML escaping is left to Jinja2's autoescape.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass

from bot.export.charts import progress_chart
from bot.export.document import TurnDoc, turn_doc
from bot.export.facts import consent_text, format_number, risk_text, score_label, turn_scores, when
from bot.export.highlight import risk_spans, turn_pieces
from bot.export.labels import label
from bot.export.sanitize import clean_text, one_line
from bot.store.views import RiskEventView, Transcript, Turn


@dataclass(frozen=True)
class Mark:
    """A plain or marked stretch of a message; `notes` explain why it is marked."""

    text: str
    markers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    risk: bool = False


@dataclass(frozen=True)
class Score:
    name: str
    value: str


@dataclass(frozen=True)
class RiskLine:
    id: int
    text: str
    acknowledged: bool


@dataclass(frozen=True)
class TurnPage:
    """A turn as the exports show it (`doc`: speaker, time, where, notes), plus what the page adds:
    marked stretches with their explanations, scores as name and value, risk events by id."""

    doc: TurnDoc
    marks: tuple[Mark, ...]
    scores: tuple[Score, ...]
    risks: tuple[RiskLine, ...]


@dataclass(frozen=True)
class Chart:
    caption: str
    data_uri: str


def turn_page(turn: Turn, simulated: bool = False) -> TurnPage:
    risky = risk_spans(turn)
    marks = []
    for piece in turn_pieces(turn):
        notes = tuple(dict.fromkeys(
            f"{one_line(ev.marker) or 'risk'}: {one_line(ev.explanation) or 'quoted by a risk event'}"
            for ev in piece.evidence))
        marks.append(Mark(clean_text(piece.text), tuple(one_line(m) for m in piece.markers), notes,
                          bool(risky.intersection(piece.evidence))))
    return TurnPage(
        doc=turn_doc(turn, simulated),
        marks=tuple(marks),
        scores=tuple(Score(score_label(name), format_number(value))
                     for name, value in turn_scores(turn).items()),
        risks=tuple(risk_line(event) for event in turn.risk_events),
    )


def risk_line(event: RiskEventView) -> RiskLine:
    return RiskLine(event.id, risk_text(event), event.acknowledged)


def session_facts(transcript: Transcript) -> dict[str, str]:
    conv, person = transcript.conversation, transcript.person
    return {
        label("person"): f"{one_line(person.display_name)} ({person.role.value}, #{person.id})",
        label("started"): when(conv.started_at),
        label("last_activity"): when(conv.last_activity_at),
        label("exercises"): one_line(", ".join(conv.exercises)) or "-",
        label("consent"): consent_text(transcript.consent),
    }


def chart(transcripts: list[Transcript]) -> Chart | None:
    """The exports' progress chart, inline (no second, separately audited read)."""
    drawn = progress_chart(transcripts) if transcripts else None
    if drawn is None:
        return None
    return Chart(drawn.caption, "data:image/png;base64," + base64.b64encode(drawn.png).decode("ascii"))


def spread(values: tuple[float, ...]) -> str:
    """A session's scores in one cell: first → last (the terminal's sessions table does the same)."""
    if not values:
        return "-"
    return f"{values[0]:g}" if len(values) == 1 else f"{values[0]:g} → {values[-1]:g}"
