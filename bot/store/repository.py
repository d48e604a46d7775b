"""The transcript store's API: every read checks the acting person's role and links, and is audited.

Who may read what:
- therapist: linked clients (people, their sessions, turns, notes, risk events);
- supervisor: linked trainees, likewise;
- anyone: their own data (a client or trainee signed in to the CLI), except risk events;
- admin: manages people and reads the audit log; does not read transcripts, but carries out a
  person's export or erasure request (audited).
A refused access raises `AccessDenied` (and is audited too). An unknown conversation, turn or risk
event id is refused the same way, so ids reveal nothing; an unknown person id raises `NotFound`
for admins. Bad input raises `InvalidInput`. All three derive from `StoreError`, whose message
is safe to show.
Sessions without consent, or whose consent was withdrawn, are never stored, so never returned.
"""
from __future__ import annotations

import re
import time
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import consent as consent_ops
from bot.store import crypto, db, rasa_log
from bot.store.access import (
    AccessDenied, InvalidInput, NotFound, StoreError, CARER_LINK_KIND, LINKED_ROLE, deny, linked_person_ids,
    load_actor, require_carer_of, require_reviewable, require_role, require_self_or_admin,
    reviewable_person_ids,
)
from bot.store.audit import write_audit
from bot.store.models import (
    ApiToken, AuditRow, CareLink, ConsentRow, Conversation, NoteRow, PairingCodeRow, PersonRow,
    ProjectionState, RiskEventRow, TurnRow, utcnow,
)
from bot.store.people import (
    MIN_PASSWORD_LENGTH, check_password, ensure_person_for_sender, hash_password, hash_secret, new_secret,
    person_for_sender, sender_ids_of, to_view,
)
from bot.store.transcripts import consent_view, note_view, risk_views, summaries, transcript
from bot.text import storable
from bot.store.views import (
    AuditEntry, ConsentRecord, ConversationSummary, NoteView, PairingCode, PairingResult, Person,
    RiskEventView, Role, SessionFilter, Transcript,
)

# AccessDenied, InvalidInput, NotFound and StoreError live in bot.store.access; callers import
# them from here, beside the functions that raise them.

MAX_NOTE_CHARS = 10_000
MAX_NAME_CHARS = 200
USERNAME_RE = re.compile(r"^[A-Za-z0-9._@-]{3,120}$")
STAFF_ROLES = {Role.THERAPIST, Role.SUPERVISOR, Role.ADMIN}
# Pairing codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
MAX_FAILED_PAIRINGS_PER_HOUR = 5


def _clean_text(text: str, limit: int, what: str) -> str:
    if not isinstance(text, str):
        raise InvalidInput(f"The {what} must be text.")
    text = storable(text).strip()
    if not text:
        raise InvalidInput(f"The {what} is empty.")
    if len(text) > limit:
        raise InvalidInput(f"The {what} is too long ({len(text)} characters; at most {limit}).")
    return text


def _check_sender(sender_id: str) -> None:
    if not isinstance(sender_id, str) or not sender_id.strip() or len(sender_id) > 255:
        raise InvalidInput("That is not a chat id.")


def _check_password_rules(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")


# --- people and sign-in --------------------------------------------------------------------

def bootstrap_admin(username: str, password: str, display_name: str = "Administrator") -> Person:
    """Create the first admin; refused (AccessDenied) once any admin exists."""
    with db.unit_of_work() as session:
        if session.execute(sa.select(PersonRow.id).where(PersonRow.role == Role.ADMIN.value)).first():
            raise AccessDenied("An administrator already exists; ask them to create accounts.")
        person = _new_person(session, Role.ADMIN, display_name, username, password)
        write_audit(session, person, "create_person", "person", person.id, detail={"role": "admin"})
        return person


def _new_person(session: Session, role: Role, display_name: str, username: str | None,
                password: str | None) -> Person:
    display_name = _clean_text(display_name, MAX_NAME_CHARS, "name")
    if role in STAFF_ROLES and (not username or not password):
        raise InvalidInput("Therapists, supervisors and admins need a username and a password.")
    if username is not None:
        if not USERNAME_RE.match(username):
            raise InvalidInput("Usernames are 3-120 letters, digits or . _ @ -")
        if session.execute(sa.select(PersonRow.id).where(PersonRow.username == username)).first():
            raise InvalidInput("That username is taken.")
    if password is not None:
        _check_password_rules(password)
    row = PersonRow(role=role.value, username=username, display_name=display_name, active=True,
                    password_hash=hash_password(password) if password else None, created_at=utcnow())
    session.add(row)
    session.flush()
    return to_view(row)


def create_person(actor: Person, role: Role, display_name: str, username: str | None = None,
                  password: str | None = None) -> Person:
    """Admin only. Therapists, supervisors and admins need a username and a password (bcrypt)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "create_person")
        require_role(actor, {Role.ADMIN}, "create_person", "person")
        person = _new_person(session, Role(role), display_name, username, password)
        write_audit(session, actor, "create_person", "person", person.id, detail={"role": person.role.value})
        return person


def set_password(actor: Person, person_id: int, password: str) -> None:
    """Admin, or the person themself."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "set_password")
        require_self_or_admin(actor, person_id, "set_password")
        row = _person_row(session, person_id)
        _check_password_rules(password)
        row.password_hash = hash_password(password)
        write_audit(session, actor, "set_password", "person", person_id)


def issue_token(actor: Person, person_id: int | None = None) -> str:
    """A new API token (shown once; only its hash is stored). Own token, or admin for anyone."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "issue_token")
        person_id = actor.id if person_id is None else person_id
        require_self_or_admin(actor, person_id, "issue_token")
        _person_row(session, person_id)
        token = new_secret()
        session.add(ApiToken(person_id=person_id, token_hash=hash_secret(token), created_at=utcnow()))
        write_audit(session, actor, "issue_token", "person", person_id)
        return token


def revoke_token(actor: Person, token: str) -> None:
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "revoke_token")
        row = session.execute(sa.select(ApiToken).where(ApiToken.token_hash == hash_secret(str(token)))
                              ).scalar_one_or_none()
        if row is None:
            raise NotFound("No such token.")
        require_self_or_admin(actor, row.person_id, "revoke_token")
        row.revoked_at = utcnow()
        write_audit(session, actor, "revoke_token", "person", row.person_id)


def authenticate(username: str, password: str) -> Person | None:
    """The person with this username and password, or None (same answer for unknown user)."""
    if not isinstance(username, str) or not isinstance(password, str):
        return None
    with db.unit_of_work() as session:
        row = session.execute(sa.select(PersonRow).where(PersonRow.username == username)).scalar_one_or_none()
        ok = check_password(password, row.password_hash if row is not None else None)
        if row is None or not ok or not row.active:
            write_audit(session, None, "sign_in_failed", "person", row.id if row is not None else None)
            return None
        person = to_view(row)
        write_audit(session, person, "sign_in", "person", person.id)
        return person


def authenticate_token(token: str) -> Person | None:
    if not isinstance(token, str) or not token:
        return None
    with db.unit_of_work() as session:
        row = session.execute(
            sa.select(PersonRow).join(ApiToken, ApiToken.person_id == PersonRow.id)
            .where(ApiToken.token_hash == hash_secret(token), ApiToken.revoked_at.is_(None))
        ).scalar_one_or_none()
        if row is None or not row.active:
            write_audit(session, None, "sign_in_failed", "token", None)
            return None
        return to_view(row)


def _person_row(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id) if isinstance(person_id, int) else None
    if row is None:
        raise NotFound("No such person.")
    return row


def get_person(actor: Person, person_id: int) -> Person:
    """Audited read of one person (self, linked client/trainee, or admin)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "view_person")
        if actor.role is not Role.ADMIN:
            require_reviewable(session, actor, person_id, "view_person", "person", person_id)
        person = to_view(_person_row(session, person_id))
        write_audit(session, actor, "view", "person", person_id)
        return person


def list_people(actor: Person, role: Role | None = None) -> list[Person]:
    """Therapist: linked clients; supervisor: linked trainees; admin: everyone; others: themself."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_people")
        query = sa.select(PersonRow)
        if actor.role in CARER_LINK_KIND:
            query = query.where(PersonRow.id.in_(linked_person_ids(session, actor)))
        elif actor.role is not Role.ADMIN:
            query = query.where(PersonRow.id == actor.id)
        if role is not None:
            query = query.where(PersonRow.role == Role(role).value)
        people = [to_view(row) for row in session.execute(query.order_by(PersonRow.id)).scalars()]
        write_audit(session, actor, "list", "person", None, detail={"count": len(people)})
        return sorted(people, key=lambda p: (p.display_name.lower(), p.id))


def rename_person(actor: Person, person_id: int, display_name: str) -> Person:
    """Give a person a name to review them by (chat people start as a pseudonym like "Client 3f9a2c"):
    admin, the person themself, or their linked therapist/supervisor."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "rename")
        if actor.role is not Role.ADMIN:
            require_reviewable(session, actor, person_id, "rename", "person", person_id)
        row = _person_row(session, person_id)
        row.display_name = _clean_text(display_name, MAX_NAME_CHARS, "name")
        write_audit(session, actor, "rename", "person", person_id)
        return to_view(row)


def deactivate_person(actor: Person, person_id: int) -> None:
    """Admin only: the person can no longer sign in (their data stays until erased)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "deactivate_person")
        require_role(actor, {Role.ADMIN}, "deactivate_person", "person", person_id)
        row = _person_row(session, person_id)
        row.active = False
        session.execute(sa.update(ApiToken).where(ApiToken.person_id == person_id, ApiToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
        write_audit(session, actor, "deactivate", "person", person_id)


# --- pairing ---------------------------------------------------------------------------------

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
        person = ensure_person_for_sender(session, sender_id, role=linked_role)
        if person.role != linked_role.value:
            has_links = session.execute(sa.select(CareLink.id).where(CareLink.person_id == person.id)).first()
            if has_links:
                return PairingResult(ok=False, reason="wrong_role", kind=row.kind)
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


# --- sessions, transcripts, notes, risk --------------------------------------------------------

def list_conversations(actor: Person, filters: SessionFilter = SessionFilter()) -> list[ConversationSummary]:
    """Sessions the actor may review, newest first."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_conversations")
        allowed = reviewable_person_ids(session, actor)
        if filters.person_id is not None and filters.person_id not in allowed:
            raise deny(actor, "list_conversations", "person", filters.person_id)
        found = summaries(session, allowed, filters)
        write_audit(session, actor, "list", "conversation", None,
                    detail={"person_id": filters.person_id, "count": len(found)})
        return found


def _conversation_for(session: Session, actor: Person, conversation_id: int, action: str) -> Conversation:
    conversation = session.get(Conversation, conversation_id) if isinstance(conversation_id, int) else None
    # Unknown and forbidden look the same to the caller, so ids reveal nothing.
    require_reviewable(session, actor, conversation.person_id if conversation else None, action,
                       "conversation", conversation_id)
    return conversation


def get_transcript(actor: Person, conversation_id: int, purpose: str = "view") -> Transcript:
    """One session, every turn with annotations, SUDS, risk events and notes.

    purpose: "view" or "export" (written to the audit row: exports call with "export").
    """
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, purpose)
        conversation = _conversation_for(session, actor, conversation_id, purpose)
        result = transcript(session, conversation)
        write_audit(session, actor, _purpose(purpose), "conversation", conversation_id)
        return result


def _purpose(purpose: str) -> str:
    return purpose if purpose in {"view", "export"} else "view"


def person_history(actor: Person, person_id: int, purpose: str = "view") -> list[Transcript]:
    """Every reviewable session of one person, oldest first (for whole-history exports)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, purpose)
        require_reviewable(session, actor, person_id, purpose, "person", person_id)
        conversations = session.execute(
            sa.select(Conversation).where(Conversation.person_id == person_id)
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
        conversation = session.get(Conversation, turn.conversation_id) if turn else None
        require_carer_of(session, actor, conversation.person_id if conversation else None, "note", "turn", turn_id)
        row = NoteRow(turn_id=turn_id, author_id=actor.id, text=_clean_text(text, MAX_NOTE_CHARS, "note"),
                      created_at=utcnow())
        session.add(row)
        session.flush()
        write_audit(session, actor, "note", "turn", turn_id, detail={"note_id": row.id})
        return note_view(row, {actor.id: actor.display_name})


def list_risk_events(actor: Person, unacknowledged_only: bool = False,
                     person_id: int | None = None) -> list[RiskEventView]:
    """Flagged risk events of the people the actor cares for, newest first."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_risk_events")
        require_role(actor, {Role.THERAPIST, Role.SUPERVISOR}, "list_risk_events", "risk_event")
        allowed = linked_person_ids(session, actor)
        if person_id is not None:
            if person_id not in allowed:
                raise deny(actor, "list_risk_events", "person", person_id)
            allowed = {person_id}
        query = (sa.select(RiskEventRow).join(Conversation, Conversation.id == RiskEventRow.conversation_id)
                 .where(Conversation.person_id.in_(allowed)))
        if unacknowledged_only:
            query = query.where(RiskEventRow.acknowledged_at.is_(None))
        rows = session.execute(query.order_by(RiskEventRow.created_at.desc(), RiskEventRow.id.desc())
                               ).scalars().all() if allowed else []
        write_audit(session, actor, "list", "risk_event", None, detail={"count": len(rows)})
        return risk_views(session, list(rows))


def acknowledge_risk_event(actor: Person, event_id: int, note: str | None = None) -> RiskEventView:
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "acknowledge")
        row = session.get(RiskEventRow, event_id) if isinstance(event_id, int) else None
        conversation = session.get(Conversation, row.conversation_id) if row else None
        require_carer_of(session, actor, conversation.person_id if conversation else None, "acknowledge",
                         "risk_event", event_id)
        if row.acknowledged_at is None:
            row.acknowledged_at = utcnow()
            row.acknowledged_by = actor.id
            row.acknowledgement_note = _clean_text(note, MAX_NOTE_CHARS, "note") if note else None
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


# --- consent, export, erasure (chat and CLI) ----------------------------------------------------

def record_consent(sender_id: str, given: bool, notice_version: str | None = None) -> ConsentRecord | None:
    """Normally the tracker store records consent from the `consent_given` slot; this is the same
    operation for callers outside the dialogue. Withdrawing removes the person's sessions."""
    _check_sender(sender_id)
    with db.unit_of_work() as session:
        if given:
            row = consent_ops.give_consent(session, sender_id, notice_version)
        else:
            row = consent_ops.decline_or_withdraw(session, sender_id, notice_version)
        record = consent_view(row) if row is not None else None
    if not given:
        db.scrub_after_delete()
    return record


def consent_history(actor: Person, person_id: int) -> list[ConsentRecord]:
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
        PersonRow.id.in_({l.carer_id for l in links} | {l.person_id for l in links}))).scalars()}
    conversations = session.execute(sa.select(Conversation).where(Conversation.person_id == person.id)
                                    .order_by(Conversation.started_at, Conversation.id)).scalars().all()
    consents = session.execute(sa.select(ConsentRow).where(ConsentRow.person_id == person.id)
                               .order_by(ConsentRow.recorded_at, ConsentRow.id)).scalars().all()
    return {
        "format": "attune-person-export/1",
        "exported_at": utcnow().isoformat(),
        "person": person.to_dict(),
        "chat_ids": sender_ids_of(session, person.id),
        "links": [{"kind": l.kind, "carer": names.get(l.carer_id), "person": names.get(l.person_id),
                   "since": l.created_at.isoformat()} for l in links],
        "consent": [consent_view(c).to_dict() for c in consents],
        "conversations": [transcript(session, c).to_dict() for c in conversations],
    }


def export_person_data(sender_id: str) -> dict:
    """Everything stored about the chat's person, as JSON-ready dict (chat "export my data").

    A chat with no stored person (no consent, no pairing) gets a dict with empty lists.
    """
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
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "export_person")
        require_self_or_admin(actor, person_id, "export_person")
        data = _person_export(session, _person_row(session, person_id))
        write_audit(session, actor, "export", "person", person_id, detail={"channel": "cli"})
        return data


def _erase(session: Session, person: PersonRow | None, senders: list[str]) -> int:
    """Delete the person (cascading to every stored row about them) and Rasa's events."""
    removed = 0
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
        senders = sorted(set(sender_ids_of(session, person_id) if person else []) | {sender_id})
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
        person = _person_row(session, person_id)
        _erase(session, person, sender_ids_of(session, person_id))
        write_audit(session, actor, "erase", "person", person_id, detail={"channel": "cli"})
    db.scrub_after_delete()


def catch_up_projection() -> int:
    """Project every sender's stored but unprojected events (the tracker store runs this when the
    Rasa server starts); returns how many senders were brought up to date. One sender's failure is
    logged and does not stop the others."""
    import logging

    from bot.store import projection

    with db.unit_of_work() as session:
        senders = projection.lagging_senders(session)
    done = 0
    for sender in senders:
        try:
            with db.unit_of_work() as session:
                projection.project_sender(session, sender)
            done += 1
        except Exception:  # noqa: BLE001 - the events stay stored; the next save retries
            logging.getLogger(__name__).exception("Could not catch up the projection of one conversation")
    return done


def purge_expired_sessions(expiry: timedelta | None = None) -> int:
    """Delete Rasa's events of unconsented sessions silent for longer than `expiry` (default: the
    ATTUNE_SESSION_EXPIRY_MINUTES setting); returns events deleted. The Rasa server does this
    itself while running; call this from a CLI command or cron job when it is not."""
    with db.unit_of_work() as session:
        count = consent_ops.purge_expired_unconsented(session, expiry)
        write_audit(session, None, "purge_unconsented", "rasa_events", None, detail={"events": count})
    db.scrub_after_delete()
    return count


def rotate_key(old: str, new: str) -> int:
    """Re-encrypt every encrypted value from key `old` to key `new`; returns values rewritten."""
    count = crypto.rotate_key(old, new, db.get_engine())
    with db.unit_of_work() as session:
        write_audit(session, None, "rotate_key", "key", None, detail={"values": count})
    return count
