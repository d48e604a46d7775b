"""Pairing: a therapist's or supervisor's one-time code that links a client's chat to them."""
from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import db
from bot.store.access import (
    CARER_LINK_KIND,
    LINKED_ROLE,
    InvalidInput,
    NotFound,
    load_actor,
    require_carer_of,
    require_role,
)
from bot.store.audit import write_audit
from bot.store.models import (
    AuditRow,
    CareLink,
    PairingCodeRow,
    PersonRow,
    utcnow,
)
from bot.store.people import (
    ensure_person_for_sender,
    hash_secret,
    pseudonym,
)
from bot.store.views import (
    PairingCode,
    PairingResult,
    Person,
    Role,
)

# Pairing codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
MAX_FAILED_PAIRINGS_PER_HOUR = 5


def _format_code(raw: str) -> str:
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str | None:
    """What a person typed, as a code (spaces, dashes and case ignored), or None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    raw = re.sub(r"[\s\-]", "", text).upper()
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return None
    return raw


def issue_pairing_code(actor: Person, ttl: timedelta = timedelta(hours=24)) -> PairingCode:
    """Therapist (links a client) or supervisor (links a trainee): a one-time, expiring code."""
    import secrets

    if not timedelta(minutes=1) <= ttl <= timedelta(days=30):
        raise InvalidInput("A pairing code lasts between a minute and 30 days.")
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "issue_pairing_code")
        require_role(actor, {Role.THERAPIST, Role.SUPERVISOR}, "issue_pairing_code", "pairing_code")
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        kind = CARER_LINK_KIND[actor.role]
        expires = utcnow() + ttl
        row = PairingCodeRow(code_hash=hash_secret(raw), kind=kind, issuer_id=actor.id,
                             created_at=utcnow(), expires_at=expires)
        session.add(row)
        session.flush()
        write_audit(session, actor, "issue_pairing_code", "pairing_code", row.id, detail={"kind": kind})
        return PairingCode(code=_format_code(raw), kind=kind, issuer_id=actor.id, expires_at=expires)


def redeem_pairing_code(code: str, sender_id: str) -> PairingResult:
    """Called by the chat action when someone types a code: links the chat's person (created if
    needed) to the issuer. Single use; expired, used or unknown codes give ok=False and a reason."""
    raw = normalise_code(code)
    if raw is None or not isinstance(sender_id, str) or not sender_id:
        return PairingResult(ok=False, reason="invalid_input")
    with db.unit_of_work() as session:
        if _recent_failed_pairings(session, sender_id) >= MAX_FAILED_PAIRINGS_PER_HOUR:
            return PairingResult(ok=False, reason="too_many_attempts")
        row = session.execute(sa.select(PairingCodeRow).where(PairingCodeRow.code_hash == hash_secret(raw))
                              ).scalar_one_or_none()
        reason = ("unknown_code" if row is None else "used" if row.redeemed_at is not None
                  else "expired" if row.expires_at <= utcnow() else None)
        if reason is None:
            issuer = session.get(PersonRow, row.issuer_id)
            linked_role = LINKED_ROLE[Role(issuer.role)] if issuer is not None and issuer.active else None
            reason = "unknown_code" if linked_role is None else None
        if reason is not None:
            write_audit(session, None, "pair_failed", "pairing_code", row.id if row else None,
                        detail={"reason": reason}, sender_id=sender_id)
            return PairingResult(ok=False, reason=reason)
        assert linked_role is not None  # a code without a linked role was refused just above
        person = ensure_person_for_sender(session, sender_id, role=linked_role)
        if person.role != linked_role.value:
            has_links = session.execute(sa.select(CareLink.id).where(CareLink.person_id == person.id)).first()
            if has_links:
                return PairingResult(ok=False, reason="wrong_role", kind=row.kind)
            # Becoming a trainee opens only their simulated practice, earlier sessions included, to the
            # supervisor; their other sessions stay their own (bot/store/access.py, read_scope).
            # A trainee's practice is never to read as a client's: the automatic name follows the role.
            if person.display_name == pseudonym(Role(person.role), sender_id):
                person.display_name = pseudonym(linked_role, sender_id)
            person.role = linked_role.value
        # Single use even under concurrent redemption: only one UPDATE can see it unredeemed.
        claimed = session.execute(
            sa.update(PairingCodeRow).where(PairingCodeRow.id == row.id, PairingCodeRow.redeemed_at.is_(None))
            .values(redeemed_at=utcnow(), redeemed_by=person.id).execution_options(synchronize_session=False)
        ).rowcount
        if not claimed:
            return PairingResult(ok=False, reason="used")
        exists = session.execute(sa.select(CareLink.id).where(CareLink.carer_id == issuer.id,
                                                              CareLink.person_id == person.id)).first()
        if not exists:
            session.add(CareLink(kind=row.kind, carer_id=issuer.id, person_id=person.id, created_at=utcnow()))
        write_audit(session, None, "pair", "person", person.id,
                    detail={"carer_id": issuer.id, "kind": row.kind}, sender_id=sender_id)
        return PairingResult(ok=True, reason="already_linked" if exists else "linked", kind=row.kind,
                             issuer_name=issuer.display_name)


def link_by_admin(actor: Person, carer_id: int, person_id: int) -> None:
    """An admin links a person to a therapist (a client) or a supervisor (a trainee): for people
    an admin created rather than a chat's pairing code. The roles must fit: a supervisor is never
    linked to a client, so never reads a client's transcript."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "link")
        require_role(actor, {Role.ADMIN}, "link", "person", person_id)
        carer = session.get(PersonRow, carer_id) if isinstance(carer_id, int) else None
        person = session.get(PersonRow, person_id) if isinstance(person_id, int) else None
        if carer is None or person is None or not (carer.active and person.active):
            raise NotFound("No such active person.")
        linked_role = LINKED_ROLE.get(Role(carer.role))
        if linked_role is None or person.role != linked_role.value:
            raise InvalidInput("A therapist is linked to clients and a supervisor to trainees.")
        kind = CARER_LINK_KIND[Role(carer.role)]
        exists = session.execute(sa.select(CareLink.id).where(CareLink.carer_id == carer.id,
                                                              CareLink.person_id == person.id)).first()
        if not exists:
            session.add(CareLink(kind=kind, carer_id=carer.id, person_id=person.id, created_at=utcnow()))
        write_audit(session, actor, "link", "person", person.id, detail={"carer_id": carer.id, "kind": kind})


def _recent_failed_pairings(session: Session, sender_id: str) -> int:
    from bot.store.audit import actor_label

    return session.execute(
        sa.select(sa.func.count()).select_from(AuditRow)
        .where(AuditRow.action == "pair_failed", AuditRow.actor_label == actor_label(None, sender_id),
               AuditRow.at >= utcnow() - timedelta(hours=1))).scalar_one()


def unlink(actor: Person, person_id: int) -> None:
    """A therapist/supervisor ends their link with a client/trainee; admin may end any link."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "unlink")
        query = sa.delete(CareLink).where(CareLink.person_id == person_id)
        if actor.role is not Role.ADMIN:
            require_carer_of(session, actor, person_id, "unlink", "person", person_id)
            query = query.where(CareLink.carer_id == actor.id)
        session.execute(query.execution_options(synchronize_session=False))
        write_audit(session, actor, "unlink", "person", person_id)
