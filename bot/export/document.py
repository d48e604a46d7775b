"""A transcript flattened into cleaned display strings: what every document-style export shows.

Markdown, HTML and PDF lay this out differently but show the same facts; building it once keeps
them in step. All strings are free of control characters; format-specific escaping (HTML, Markdown)
is left to each renderer.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.export.facts import consent_text, risk_text, scores_text, when
from bot.export.highlight import risk_spans, turn_pieces
from bot.export.labels import label
from bot.export.practice import is_simulated, report_sections, simulated_note, speaker_label
from bot.export.sanitize import clean_text, one_line
from bot.store.views import Transcript, Turn


@dataclass(frozen=True)
class PieceDoc:
    text: str
    markers: str  # "" for plain text, else the marker names, comma-separated
    risk: bool = False  # quoted by a risk event


@dataclass(frozen=True)
class EvidenceDoc:
    kind: str
    marker: str
    text: str
    explanation: str


@dataclass(frozen=True)
class NoteDoc:
    author: str
    time: str
    text: str


@dataclass(frozen=True)
class TurnDoc:
    id: int
    seq: int
    speaker: str
    speaker_label: str
    time: str
    where: str
    scores: str
    pieces: tuple[PieceDoc, ...]
    evidence: tuple[EvidenceDoc, ...]
    risks: tuple[str, ...]
    notes: tuple[NoteDoc, ...]


@dataclass(frozen=True)
class ReportDoc:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class SessionDoc:
    id: int
    person_id: int
    person_name: str
    person_role: str
    started: str
    last_activity: str
    exercises: str
    consent: str
    turns: tuple[TurnDoc, ...]
    simulated: str = ""  # the simulated-practice label, or "" for a session without a simulated client
    report: tuple[ReportDoc, ...] = ()  # the exercises' whole-session reports


def session_doc(transcript: Transcript) -> SessionDoc:
    conv, person = transcript.conversation, transcript.person
    return SessionDoc(
        id=conv.id,
        person_id=person.id,
        person_name=one_line(person.display_name),
        person_role=person.role.value,
        started=when(conv.started_at),
        last_activity=when(conv.last_activity_at),
        exercises=one_line(", ".join(conv.exercises)),
        consent=consent_text(transcript.consent),
        turns=tuple(turn_doc(turn, is_simulated(conv)) for turn in transcript.turns),
        simulated=simulated_note(conv),
        report=tuple(ReportDoc(one_line(section.heading), tuple(clean_text(line) for line in section.lines))
                     for section in report_sections(transcript)),
    )


def turn_doc(turn: Turn, simulated: bool = False) -> TurnDoc:
    risky = risk_spans(turn)
    return TurnDoc(
        id=turn.id,
        seq=turn.seq,
        speaker=turn.speaker.value,
        speaker_label=speaker_label(turn.speaker.value, simulated),
        time=when(turn.created_at),
        where=" / ".join(one_line(part) for part in (turn.exercise, turn.step) if part),
        scores=scores_text(turn),
        pieces=tuple(PieceDoc(clean_text(p.text), ", ".join(p.markers), bool(risky.intersection(p.evidence)))
                     for p in turn_pieces(turn)),
        evidence=tuple(EvidenceDoc(one_line(a.kind), one_line(ev.marker), one_line(ev.text),
                                   one_line(ev.explanation))
                       for a in turn.annotations for ev in a.evidence),
        risks=tuple(risk_text(event) for event in turn.risk_events),
        notes=tuple(NoteDoc(one_line(n.author_name or "?"), when(n.created_at), clean_text(n.text))
                    for n in turn.notes),
    )


def title_for(transcripts) -> str:
    return label("title_session") if len(transcripts) == 1 else label("title_history")
