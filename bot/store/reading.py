"""Reading transcripts for review: sessions, transcripts, notes, risk events and the audit log,
each read checked against the reader's scope (bot/store/access.py, `read_scope`) and audited."""
from __future__ import annotations

import sqlalchemy as sa

from bot.store import db
from bot.store.access import (
    deny,
    load_actor,
    read_scope,
    readable_conversation,
    require_role,
)
from bot.store.audit import write_audit
from bot.store.inputs import (
    MAX_NOTE_CHARS,
    clean_input,
)
from bot.store.maintenance import catch_up_projection
from bot.store.models import (
    AuditRow,
    Conversation,
    NoteRow,
    RiskEventRow,
    TurnRow,
    utcnow,
)
from bot.store.transcripts import (
    note_view,
    risk_views,
    summaries,
    transcript,
)
from bot.store.views import (
    AuditEntry,
    ConversationSummary,
    NoteView,
    Person,
    RiskEventView,
    Role,
    SessionFilter,
    Transcript,
)


def list_conversations(actor: Person, filters: SessionFilter | None = None) -> list[ConversationSummary]:
    """Sessions the actor may review, newest first (all of them without `filters`)."""
    filters = filters or SessionFilter()
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_conversations")
        scope = read_scope(session, actor)
        if filters.person_id is not None and filters.person_id not in scope.people:
            raise deny(actor, "list_conversations", "person", filters.person_id)
        found = summaries(session, set(scope.people), filters, readable=scope.conversations())
        write_audit(session, actor, "list", "conversation", None,
                    detail={"person_id": filters.person_id, "count": len(found)})
        return found


def get_transcript(actor: Person, conversation_id: int, purpose: str = "view") -> Transcript:
    """One session, every turn with annotations, SUDS, risk events and notes.

    purpose: "view" or "export" (written to the audit row: exports call with "export").
    """
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, purpose)
        conversation = readable_conversation(session, actor, conversation_id, purpose, "conversation",
                                             conversation_id)
        result = transcript(session, conversation)
        write_audit(session, actor, _purpose(purpose), "conversation", conversation_id)
        return result


def _purpose(purpose: str) -> str:
    return purpose if purpose in {"view", "export"} else "view"


def person_history(actor: Person, person_id: int, purpose: str = "view") -> list[Transcript]:
    """Every session of one person the actor may read, oldest first (for whole-history exports
    and charts): a supervisor gets a trainee's simulated practice only."""
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, purpose)
        scope = read_scope(session, actor)
        if person_id not in scope.people:
            raise deny(actor, purpose, "person", person_id if isinstance(person_id, int) else None)
        conversations = session.execute(
            sa.select(Conversation).where(Conversation.person_id == person_id, scope.conversations())
            .order_by(Conversation.started_at, Conversation.id)).scalars().all()
        result = [transcript(session, c) for c in conversations]
        write_audit(session, actor, _purpose(purpose), "person", person_id,
                    detail={"conversations": [c.id for c in conversations]})
        return result


def add_note(actor: Person, turn_id: int, text: str) -> NoteView:
    """A therapist's/supervisor's note on a turn of a linked person's session (encrypted)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "note")
        turn = session.get(TurnRow, turn_id) if isinstance(turn_id, int) else None
        # A note is a carer's, on a session they may read.
        readable_conversation(session, actor, turn.conversation_id if turn else None, "note", "turn", turn_id,
                              carers_only=True)
        row = NoteRow(turn_id=turn_id, author_id=actor.id, text=clean_input(text, MAX_NOTE_CHARS, "note"),
                      created_at=utcnow())
        session.add(row)
        session.flush()
        write_audit(session, actor, "note", "turn", turn_id, detail={"note_id": row.id})
        return note_view(row, {actor.id: actor.display_name})


def list_risk_events(actor: Person, unacknowledged_only: bool = False,
                     person_id: int | None = None) -> list[RiskEventView]:
    """Flagged risk events of the people the actor cares for, newest first."""
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_risk_events")
        require_role(actor, {Role.THERAPIST, Role.SUPERVISOR}, "list_risk_events", "risk_event")
        scope = read_scope(session, actor, carers_only=True)
        if person_id is not None and person_id not in scope.people:
            raise deny(actor, "list_risk_events", "person", person_id)
        query = (sa.select(RiskEventRow).join(Conversation, Conversation.id == RiskEventRow.conversation_id)
                 .where(scope.conversations()))
        if person_id is not None:
            query = query.where(Conversation.person_id == person_id)
        if unacknowledged_only:
            query = query.where(RiskEventRow.acknowledged_at.is_(None))
        rows = session.execute(query.order_by(RiskEventRow.created_at.desc(), RiskEventRow.id.desc())
                               ).scalars().all()
        write_audit(session, actor, "list", "risk_event", None, detail={"count": len(rows)})
        return risk_views(session, list(rows))


def acknowledge_risk_event(actor: Person, event_id: int, note: str | None = None) -> RiskEventView:
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "acknowledge")
        row = session.get(RiskEventRow, event_id) if isinstance(event_id, int) else None
        readable_conversation(session, actor, row.conversation_id if row else None, "acknowledge", "risk_event",
                              event_id, carers_only=True)
        if row.acknowledged_at is None:
            row.acknowledged_at = utcnow()
            row.acknowledged_by = actor.id
            row.acknowledgement_note = clean_input(note, MAX_NOTE_CHARS, "note") if note else None
        write_audit(session, actor, "acknowledge", "risk_event", event_id)
        session.flush()
        return risk_views(session, [row])[0]


def audit_log(actor: Person, limit: int = 200, actor_id: int | None = None,
              target_type: str | None = None) -> list[AuditEntry]:
    """Admin: everything; anyone else: their own actions. Newest first."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "view_audit")
        query = sa.select(AuditRow)
        if actor.role is not Role.ADMIN:
            if actor_id is not None and actor_id != actor.id:
                raise deny(actor, "view_audit", "person", actor_id)
            actor_id = actor.id
        if actor_id is not None:
            query = query.where(AuditRow.actor_id == actor_id)
        if target_type is not None:
            query = query.where(AuditRow.target_type == target_type)
        rows = session.execute(query.order_by(AuditRow.at.desc(), AuditRow.id.desc())
                               .limit(max(1, min(int(limit), 10_000)))).scalars().all()
        entries = [AuditEntry(id=r.id, actor_id=r.actor_id, actor_label=r.actor_label, action=r.action,
                              target_type=r.target_type, target_id=r.target_id, at=r.at,
                              detail=dict(r.detail or {})) for r in rows]
        write_audit(session, actor, "view", "audit_log", None, detail={"count": len(entries)})
        return entries


def record_audit(actor: Person | None, action: str, target_type: str, target_id: int | None,
                 detail: dict | None = None) -> None:
    """For callers that do something auditable outside the repository (e.g. writing an export
    file: action="export_file", detail={"format": "pdf"}). Detail must not hold transcript text."""
    with db.unit_of_work() as session:
        if actor is not None:
            actor = load_actor(session, actor, action)
        write_audit(session, actor, str(action)[:64], str(target_type)[:32], target_id, detail)
