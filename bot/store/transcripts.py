"""Build the decrypted views of sessions from rows (no authorisation here: callers check first)."""
from __future__ import annotations

import json
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.models import (
    AnnotationRow,
    ConsentRow,
    Conversation,
    NoteRow,
    PersonRow,
    RiskEventRow,
    SudsRow,
    TurnRow,
)
from bot.store.people import to_view
from bot.store.views import (
    AnnotationView,
    ConsentRecord,
    ConversationSummary,
    EvidenceView,
    NoteView,
    RiskEventView,
    SessionFilter,
    Speaker,
    SudsView,
    Transcript,
    Turn,
)


def evidence_in(value) -> tuple[EvidenceView, ...]:
    """Every evidence span (a dict with start, end and text) anywhere inside an analysis result."""
    found: dict[tuple, EvidenceView] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) \
                    and isinstance(node.get("text"), str):
                view = EvidenceView(start=node["start"], end=node["end"], text=node["text"],
                                    marker=str(node.get("marker") or ""),
                                    explanation=str(node.get("explanation") or ""))
                found.setdefault((view.start, view.end, view.marker), view)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(value)
    return tuple(sorted(found.values(), key=lambda e: (e.start, e.end, e.marker)))


def consent_view(row: ConsentRow) -> ConsentRecord:
    return ConsentRecord(id=row.id, person_id=row.person_id, notice_version=row.notice_version,
                         given=row.given, recorded_at=row.recorded_at, withdrawn_at=row.withdrawn_at)


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(None)
    if not ids:
        return {}
    rows = session.execute(sa.select(PersonRow).where(PersonRow.id.in_(ids))).scalars()
    return {row.id: row.display_name for row in rows}


def risk_views(session: Session, rows: list[RiskEventRow]) -> list[RiskEventView]:
    conversations = {c.id: c for c in session.execute(
        sa.select(Conversation).where(Conversation.id.in_({r.conversation_id for r in rows}))).scalars()}
    names = _names(session, {c.person_id for c in conversations.values()} | {r.acknowledged_by for r in rows})
    views = []
    for row in rows:
        person_id = conversations[row.conversation_id].person_id
        views.append(RiskEventView(
            id=row.id, conversation_id=row.conversation_id, turn_id=row.turn_id, person_id=person_id,
            person_name=names.get(person_id, ""), source=row.source, category=row.category,
            severity=row.severity, level=row.level, evidence=evidence_in(json.loads(row.evidence)),
            created_at=row.created_at, acknowledged_by=row.acknowledged_by,
            acknowledged_by_name=names.get(row.acknowledged_by), acknowledged_at=row.acknowledged_at,
            acknowledgement_note=row.acknowledgement_note))
    return views


def note_view(row: NoteRow, names: dict[int, str]) -> NoteView:
    return NoteView(id=row.id, turn_id=row.turn_id, author_id=row.author_id,
                    author_name=names.get(row.author_id), text=row.text, created_at=row.created_at)


def _suds_view(row: SudsRow) -> SudsView:
    return SudsView(id=row.id, conversation_id=row.conversation_id, turn_id=row.turn_id, value=row.value,
                    exercise=row.exercise, step=row.step, measured_at=row.measured_at)


def summaries(session: Session, person_ids: set[int], filters: SessionFilter,
              readable: sa.sql.ColumnElement | None = None) -> list[ConversationSummary]:
    """Summaries of the people's sessions matching the filters, newest first (no text decrypted);
    `readable` narrows them to a reader's scope (bot/store/access.py, `ReadScope.conversations`)."""
    if not person_ids:
        return []
    query = sa.select(Conversation).where(Conversation.person_id.in_(person_ids))
    if readable is not None:
        query = query.where(readable)
    if filters.person_id is not None:
        query = query.where(Conversation.person_id == filters.person_id)
    if filters.since is not None:
        query = query.where(Conversation.last_activity_at >= filters.since)
    if filters.until is not None:
        query = query.where(Conversation.started_at <= filters.until)
    conversations = session.execute(query.order_by(Conversation.started_at.desc(),
                                                   Conversation.id.desc())).scalars().all()
    ids = [c.id for c in conversations]
    if not ids:
        return []
    turns: dict[int, list[str | None]] = defaultdict(list)
    for conv_id, exercise in session.execute(
            sa.select(TurnRow.conversation_id, TurnRow.exercise)
            .where(TurnRow.conversation_id.in_(ids)).order_by(TurnRow.seq)):
        turns[conv_id].append(exercise)
    risks: dict[int, list[bool]] = defaultdict(list)
    for conv_id, acked in session.execute(
            sa.select(RiskEventRow.conversation_id, RiskEventRow.acknowledged_at.isnot(None))
            .where(RiskEventRow.conversation_id.in_(ids))):
        risks[conv_id].append(bool(acked))
    scores: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for conv_id, named in session.execute(
            sa.select(TurnRow.conversation_id, AnnotationRow.scores).select_from(TurnRow)
            .join(AnnotationRow, AnnotationRow.turn_id == TurnRow.id)
            .where(TurnRow.conversation_id.in_(ids)).order_by(TurnRow.seq, AnnotationRow.id)):
        for name, value in (named.items() if isinstance(named, dict) else ()):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                scores[conv_id][name].append(value)
    suds: dict[int, list[float]] = defaultdict(list)
    for conv_id, value in session.execute(
            sa.select(SudsRow.conversation_id, SudsRow.value).where(SudsRow.conversation_id.in_(ids))
            .order_by(SudsRow.measured_at, SudsRow.id)):
        suds[conv_id].append(value)
    names = _names(session, {c.person_id for c in conversations})
    result = []
    for c in conversations:
        exercises = tuple(dict.fromkeys(e for e in turns[c.id] if e))
        if filters.exercise and filters.exercise not in exercises:
            continue
        if filters.flagged_only and not risks[c.id]:
            continue
        result.append(ConversationSummary(
            id=c.id, person_id=c.person_id, person_name=names.get(c.person_id, ""), started_at=c.started_at,
            last_activity_at=c.last_activity_at, turn_count=len(turns[c.id]), exercises=exercises,
            risk_event_count=len(risks[c.id]), unacknowledged_risk_count=risks[c.id].count(False),
            scores={name: tuple(values) for name, values in scores[c.id].items()},
            suds_values=tuple(suds[c.id])))
    return result


def transcript(session: Session, conversation: Conversation) -> Transcript:
    """The whole session with every turn, annotation, SUDS measure, risk event and note."""
    summary = summaries(session, {conversation.person_id}, SessionFilter())
    summary_view = next(s for s in summary if s.id == conversation.id)
    person = to_view(session.get(PersonRow, conversation.person_id))
    turn_rows = session.execute(sa.select(TurnRow).where(TurnRow.conversation_id == conversation.id)
                                .order_by(TurnRow.seq)).scalars().all()
    turn_ids = [t.id for t in turn_rows]
    annotations: dict[int, list[AnnotationView]] = defaultdict(list)
    notes: dict[int, list[NoteView]] = defaultdict(list)
    if turn_ids:
        for row in session.execute(sa.select(AnnotationRow).where(AnnotationRow.turn_id.in_(turn_ids))
                                   .order_by(AnnotationRow.id)).scalars():
            result = json.loads(row.result)
            annotations[row.turn_id].append(AnnotationView(
                id=row.id, turn_id=row.turn_id, kind=row.kind, result=result, evidence=evidence_in(result),
                scores=dict(row.scores or {}), created_at=row.created_at))
        note_rows = session.execute(sa.select(NoteRow).where(NoteRow.turn_id.in_(turn_ids))
                                    .order_by(NoteRow.created_at, NoteRow.id)).scalars().all()
        names = _names(session, {n.author_id for n in note_rows})
        for row in note_rows:
            notes[row.turn_id].append(note_view(row, names))
    suds_rows = session.execute(sa.select(SudsRow).where(SudsRow.conversation_id == conversation.id)
                                .order_by(SudsRow.measured_at, SudsRow.id)).scalars().all()
    suds_by_turn: dict[int, list[SudsView]] = defaultdict(list)
    for row in suds_rows:
        if row.turn_id is not None:
            suds_by_turn[row.turn_id].append(_suds_view(row))
    risk_rows = session.execute(sa.select(RiskEventRow).where(RiskEventRow.conversation_id == conversation.id)
                                .order_by(RiskEventRow.id)).scalars().all()
    risk_by_turn: dict[int, list[RiskEventView]] = defaultdict(list)
    for view in risk_views(session, list(risk_rows)):
        if view.turn_id is not None:
            risk_by_turn[view.turn_id].append(view)
    turns = tuple(Turn(
        id=t.id, conversation_id=t.conversation_id, seq=t.seq, speaker=Speaker(t.speaker), text=t.text,
        intent=t.intent, exercise=t.exercise, step=t.step, created_at=t.created_at,
        annotations=tuple(annotations[t.id]), suds=tuple(suds_by_turn[t.id]),
        risk_events=tuple(risk_by_turn[t.id]), notes=tuple(notes[t.id])) for t in turn_rows)
    consent = _covering_consent(session, conversation)
    return Transcript(conversation=summary_view, person=person,
                      consent=consent_view(consent) if consent else None, turns=turns,
                      suds=tuple(_suds_view(r) for r in suds_rows))


def _covering_consent(session: Session, conversation: Conversation) -> ConsentRow | None:
    """The consent in force during the session: the latest given before its last activity (or,
    when consent came with the session's last message, the first given after)."""
    given = session.execute(
        sa.select(ConsentRow).where(ConsentRow.person_id == conversation.person_id, ConsentRow.given.is_(True))
        .order_by(ConsentRow.recorded_at, ConsentRow.id)).scalars().all()
    before = [row for row in given if row.recorded_at <= conversation.last_activity_at]
    return before[-1] if before else (given[0] if given else None)
