"""People and sign-in: the first admin, creating and renaming people, passwords, API tokens."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import db
from bot.store.access import (
    CARER_LINK_KIND,
    AccessDenied,
    InvalidInput,
    NotFound,
    linked_person_ids,
    load_actor,
    require_reviewable,
    require_role,
    require_self_or_admin,
)
from bot.store.audit import write_audit
from bot.store.inputs import (
    MAX_NAME_CHARS,
    STAFF_ROLES,
    USERNAME_RE,
    check_password_rules,
    clean_input,
)
from bot.store.models import (
    ApiToken,
    PersonRow,
    utcnow,
)
from bot.store.people import (
    check_password,
    hash_password,
    hash_secret,
    new_secret,
    to_view,
)
from bot.store.views import (
    Person,
    Role,
)


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
    display_name = clean_input(display_name, MAX_NAME_CHARS, "name")
    if role in STAFF_ROLES and (not username or not password):
        raise InvalidInput("Therapists, supervisors and admins need a username and a password.")
    if username is not None:
        if not USERNAME_RE.match(username):
            raise InvalidInput("Usernames are 3-120 letters, digits or . _ @ -")
        if session.execute(sa.select(PersonRow.id).where(PersonRow.username == username)).first():
            raise InvalidInput("That username is taken.")
    if password is not None:
        check_password_rules(password)
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
        row = person_row(session, person_id)
        check_password_rules(password)
        row.password_hash = hash_password(password)
        write_audit(session, actor, "set_password", "person", person_id)


def issue_token(actor: Person, person_id: int | None = None) -> str:
    """A new API token (shown once; only its hash is stored). Own token, or admin for anyone."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "issue_token")
        person_id = actor.id if person_id is None else person_id
        require_self_or_admin(actor, person_id, "issue_token")
        person_row(session, person_id)
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


def person_row(session: Session, person_id: int) -> PersonRow:
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
        person = to_view(person_row(session, person_id))
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
        row = person_row(session, person_id)
        row.display_name = clean_input(display_name, MAX_NAME_CHARS, "name")
        write_audit(session, actor, "rename", "person", person_id)
        return to_view(row)


def deactivate_person(actor: Person, person_id: int) -> None:
    """Admin only: the person can no longer sign in (their data stays until erased)."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "deactivate_person")
        require_role(actor, {Role.ADMIN}, "deactivate_person", "person", person_id)
        row = person_row(session, person_id)
        row.active = False
        session.execute(sa.update(ApiToken).where(ApiToken.person_id == person_id, ApiToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
        write_audit(session, actor, "deactivate", "person", person_id)
