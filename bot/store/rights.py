"""A person's rights over their data: consent, export and erasure, from the chat and the CLI."""
from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import consent as consent_ops
from bot.store import db, exercise_access, rasa_log
from bot.store.access import (
    load_actor,
    require_reviewable,
    require_self_or_admin,
)
from bot.store.audit import write_audit
from bot.store.inputs import (
    check_sender,
)
from bot.store.maintenance import catch_up_projection
from bot.store.models import (
    CareLink,
    ConsentRow,
    Conversation,
    PersonRow,
    ProjectionState,
    utcnow,
)
from bot.store.people import (
    person_for_sender,
    sender_ids_of,
    to_view,
)
from bot.store.staff import person_row
from bot.store.transcripts import (
    consent_view,
    transcript,
)
from bot.store.views import (
    ConsentRecord,
    Person,
    Role,
)


def record_consent(sender_id: str, given: bool, notice_version: str | None = None) -> ConsentRecord | None:
    """Normally the tracker store records consent from the `consent_given` slot; this is the same
    operation for callers outside the dialogue. Withdrawing removes the person's sessions."""
    check_sender(sender_id)
    with db.unit_of_work() as session:
        row: ConsentRow | None
        if given:
            row = consent_ops.give_consent(session, sender_id, notice_version)
        else:
            row = consent_ops.decline_or_withdraw(session, sender_id, notice_version)
        record = consent_view(row) if row is not None else None
    if not given:
        db.scrub_after_delete()
    return record


def consent_history(actor: Person, person_id: int) -> list[ConsentRecord]:
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "view_consent")
        if actor.role is not Role.ADMIN:
            require_reviewable(session, actor, person_id, "view_consent", "person", person_id)
        rows = session.execute(sa.select(ConsentRow).where(ConsentRow.person_id == person_id)
                               .order_by(ConsentRow.recorded_at, ConsentRow.id)).scalars().all()
        write_audit(session, actor, "view", "consent", person_id)
        return [consent_view(r) for r in rows]


def _person_export(session: Session, person_row: PersonRow) -> dict:
    person = to_view(person_row)
    links = session.execute(sa.select(CareLink).where(
        sa.or_(CareLink.person_id == person.id, CareLink.carer_id == person.id))).scalars().all()
    names = {r.id: r.display_name for r in session.execute(sa.select(PersonRow).where(
        PersonRow.id.in_({link.carer_id for link in links} | {link.person_id for link in links}))).scalars()}
    conversations = session.execute(sa.select(Conversation).where(Conversation.person_id == person.id)
                                    .order_by(Conversation.started_at, Conversation.id)).scalars().all()
    consents = session.execute(sa.select(ConsentRow).where(ConsentRow.person_id == person.id)
                               .order_by(ConsentRow.recorded_at, ConsentRow.id)).scalars().all()
    return {
        "format": "attune-person-export/1",
        "exported_at": utcnow().isoformat(),
        "person": person.to_dict(),
        "chat_ids": sender_ids_of(session, person.id),
        "links": [{"kind": link.kind, "carer": names.get(link.carer_id), "person": names.get(link.person_id),
                   "since": link.created_at.isoformat()} for link in links],
        "consent": [consent_view(c).to_dict() for c in consents],
        "conversations": [transcript(session, c).to_dict() for c in conversations],
        "exercises": exercise_access.person_record(session, person.id),  # enabled, their consent, progress
    }


def export_person_data(sender_id: str) -> dict:
    """Everything stored about the chat's person, as JSON-ready dict (chat "export my data").

    A chat with no stored person (no consent, no pairing) gets a dict with empty lists.
    """
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        person = person_for_sender(session, sender_id) if isinstance(sender_id, str) else None
        if person is None:
            return {"format": "attune-person-export/1", "exported_at": utcnow().isoformat(), "person": None,
                    "chat_ids": [], "links": [], "consent": [], "conversations": []}
        data = _person_export(session, person)
        write_audit(session, None, "export", "person", person.id, detail={"channel": "chat"},
                    sender_id=sender_id)
        return data


def export_person(actor: Person, person_id: int) -> dict:
    """The same for the CLI: the person themself, or an admin carrying out their request."""
    catch_up_projection()  # the rows follow the stored events: bring them up to date first
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "export_person")
        require_self_or_admin(actor, person_id, "export_person")
        data = _person_export(session, person_row(session, person_id))
        write_audit(session, actor, "export", "person", person_id, detail={"channel": "cli"})
        return data


def _erase(session: Session, person: PersonRow | None, senders: list[str]) -> int:
    """Delete the person (cascading to every stored row about them) and Rasa's events."""
    removed = 0
    rasa_log.lock_senders(session, senders)  # waits for saves in flight; later ones see the erasure
    now = time.time()
    for sender in senders:
        removed += rasa_log.delete_events(session, [sender])
        rasa_log.record_erasure(session, sender, now)
        state = session.get(ProjectionState, sender)
        if state is not None:
            session.delete(state)
    if person is not None:
        session.execute(sa.delete(Conversation).where(Conversation.person_id == person.id)
                        .execution_options(synchronize_session=False))
        session.delete(person)
        removed += 1
    return removed


def erase_person(sender_id: str) -> bool:
    """Chat "erase my data": removes the person, every session, turn, annotation, note, risk
    event, consent record, and Rasa's own events for all their sender ids. Audit rows stay (they
    hold no text). Returns False when nothing was stored for this sender."""
    if not isinstance(sender_id, str) or not sender_id:
        return False
    with db.unit_of_work() as session:
        person = person_for_sender(session, sender_id)
        person_id = person.id if person is not None else None
        senders = sorted(set(sender_ids_of(session, person.id) if person is not None else []) | {sender_id})
        removed = _erase(session, person, senders)
        write_audit(session, None, "erase", "person", person_id, sender_id=sender_id,
                    detail={"channel": "chat"})
    db.scrub_after_delete()
    return removed > 0


def erase_person_by(actor: Person, person_id: int) -> None:
    """The same for the CLI: the person themself or an admin."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "erase")
        require_self_or_admin(actor, person_id, "erase")
        person = person_row(session, person_id)
        _erase(session, person, sender_ids_of(session, person_id))
        write_audit(session, actor, "erase", "person", person_id, detail={"channel": "cli"})
    db.scrub_after_delete()
