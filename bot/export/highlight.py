"""Split a turn's text into plain and marked pieces from its evidence spans (character offsets).

Shared by every renderer (and the terminal view) so that highlighting means the same everywhere.
Pieces are cut from the raw stored text, where the offsets point; each renderer cleans or escapes
each piece afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from bot.store.views import EvidenceView, Turn


@dataclass(frozen=True)
class Piece:
    text: str
    evidence: tuple[EvidenceView, ...] = ()  # empty: plain text

    @property
    def markers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ev.marker for ev in self.evidence))


def locate(text: str, ev: EvidenceView) -> tuple[int, int] | None:
    """Where `ev` sits in `text`: its offsets when they still quote its words, else the first
    occurrence of its words (an analysis of slightly different text), else nowhere."""
    if 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end] == ev.text:
        return ev.start, ev.end
    if ev.text:
        found = text.find(ev.text)
        if found >= 0:
            return found, found + len(ev.text)
    return None


def turn_evidence(turn: Turn) -> list[EvidenceView]:
    """Every evidence span recorded on the turn: annotations' and risk events'."""
    spans: list[EvidenceView] = []
    for annotation in turn.annotations:
        spans.extend(annotation.evidence)
    for event in turn.risk_events:
        spans.extend(event.evidence)
    return spans


def risk_spans(turn: Turn) -> set[EvidenceView]:
    """The spans that come from risk events (drawn in red rather than as analysis markers)."""
    return {ev for event in turn.risk_events for ev in event.evidence}


def split(text: str, evidence: Iterable[EvidenceView]) -> list[Piece]:
    """`text` cut at every span boundary; each piece carries the spans that cover it.
    Overlapping spans are fine; spans that cannot be located are left out."""
    located = [(span, ev) for ev in evidence if (span := locate(text, ev)) is not None]
    if not text:
        return []
    cuts = sorted({0, len(text), *(b for (s, e), _ in located for b in (s, e))})
    pieces: list[Piece] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(ev for (s, e), ev in located if s <= start and end <= e)
        if pieces and pieces[-1].evidence == covering:  # merge neighbours with the same marks
            pieces[-1] = Piece(pieces[-1].text + text[start:end], covering)
        else:
            pieces.append(Piece(text[start:end], covering))
    return pieces


def turn_pieces(turn: Turn) -> list[Piece]:
    return split(turn.text, turn_evidence(turn))
