"""Consent: what is kept, and the purges that keep the promise.

The mechanism:
- Consent belongs to a person (a client or trainee, found by their chat sender id) and holds until
  withdrawn. A session is projected into the transcript tables only while its person's consent is
  in force; consent given during a session covers that whole session.
- Without consent nothing is projected: the session exists only as Rasa's own (encrypted) events,
  which Rasa needs while the session lasts. They are deleted when the session ends: at the next
  `session_started` of that sender, or by `purge_expired_unconsented` (run on every tracker save,
  at most once a minute) once the session has been silent longer than the session expiry (the
  longer of the domain's session_expiration_time and ATTUNE_SESSION_EXPIRY_MINUTES).
- Withdrawing consent deletes every stored session of the person (transcripts, annotations, notes,
  risk events) and Rasa's events of their ended sessions; the current session continues in memory
  and is purged when it ends, like any unconsented session. The consent records (with
  `withdrawn_at`) and the audit rows stay: they hold no conversation text.
- A risk disclosure in an unconsented session is handled in the chat (crisis resources, safety
  check) but is not stored for a therapist: nothing of such a session is kept.
- The expiry sweep runs inside the Rasa server; `bot.store.repository.purge_expired_sessions()`
  runs it from elsewhere (a CLI command or a cron job) when the server has been stopped.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.settings import get_settings
from bot.store import rasa_log
from bot.store.audit import write_audit
from bot.store.models import ConsentRow, Conversation, ProjectionState, utcnow
from bot.store.people import active_consent, ensure_person_for_sender, person_for_sender, sender_ids_of

log = logging.getLogger(__name__)


def give_consent(session: Session, sender_id: str, notice_version: str | None = None,
                 when: datetime | None = None) -> ConsentRow:
    """Record consent (idempotent while a consent is in force); `when`: the moment it was given."""
    person = ensure_person_for_sender(session, sender_id)
    current = active_consent(session, person.id)
    if current is not None:
        return current
    row = ConsentRow(person_id=person.id, given=True, recorded_at=when or utcnow(),
                     notice_version=notice_version or get_settings().consent_notice_version)
    session.add(row)
    session.flush()
    write_audit(session, None, "give_consent", "person", person.id, sender_id=sender_id)
    return row


def decline_or_withdraw(session: Session, sender_id: str, notice_version: str | None = None,
                        when: datetime | None = None) -> ConsentRow | None:
    """A "no": withdraws consent in force (deleting the person's sessions); for a known person
    with no consent in force it is recorded as declined; for an unknown sender nothing is stored."""
    person = person_for_sender(session, sender_id)
    if person is None:
        return None
    now = when or utcnow()
    current = active_consent(session, person.id)
    if current is None:
        row = ConsentRow(person_id=person.id, given=False, recorded_at=now,
                         notice_version=notice_version or get_settings().consent_notice_version)
        session.add(row)
        session.flush()
        return row
    current.withdrawn_at = now
    removed = delete_person_sessions(session, person.id)
    write_audit(session, None, "withdraw_consent", "person", person.id,
                detail={"sessions_removed": removed}, sender_id=sender_id)
    return current


def delete_person_sessions(session: Session, person_id: int) -> int:
    """Delete the person's stored sessions and Rasa's events of their ended sessions."""
    senders = sender_ids_of(session, person_id)
    session.info["deleted_text"] = True
    removed = session.execute(
        sa.delete(Conversation).where(Conversation.person_id == person_id)
        .execution_options(synchronize_session=False)).rowcount
    for sender in senders:
        state = session.get(ProjectionState, sender)
        keep_from = state.session_start_event_id if state is not None else None
        # The live session's events stay until it ends: Rasa still needs them to talk.
        rasa_log.delete_events(session, [sender], before_id=keep_from)
        if state is not None:
            state.session_consented = False
            state.conversation_id = None
            state.last_user_turn_id = None
    return removed


def purge_session(session: Session, state: ProjectionState, before_id: int | None = None) -> int:
    """Delete the Rasa events of the sender's current (unconsented) session."""
    if state.session_start_event_id is None:
        return 0
    count = rasa_log.delete_events(session, [state.sender_id], from_id=state.session_start_event_id,
                                   before_id=before_id)
    session.info["deleted_text"] = session.info.get("deleted_text", False) or count > 0
    log.info("Purged %d events of an unconsented session", count)
    return count


def purge_expired_unconsented(session: Session, expiry: timedelta | None = None) -> int:
    """Delete Rasa's events of unconsented sessions that have been silent past the session expiry."""
    if expiry is None:
        expiry = timedelta(minutes=get_settings().session_expiry_minutes)
    cutoff = utcnow() - expiry
    stale = session.execute(
        sa.select(ProjectionState).where(
            ProjectionState.session_consented.is_(False),
            ProjectionState.session_start_event_id.isnot(None),
            ProjectionState.last_event_at < cutoff,
        )
    ).scalars().all()
    total = 0
    for state in stale:
        total += purge_session(session, state)
        state.session_start_event_id = None
    return total
