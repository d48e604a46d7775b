"""Who may read what (see bot.store.repository's docstring), checked against the database.

The acting `Person` passed in is only an id: role, activity and links are re-read on every call,
so a forged or stale view grants nothing. Refusals are audited in their own transaction (the
caller's transaction is rolled back by the exception).
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import db
from bot.store.audit import write_audit
from bot.store.models import CareLink, PersonRow
from bot.store.people import to_view
from bot.store.views import Person, Role


class StoreError(Exception):
    """Base of the store's errors; its message is safe to show to the acting person."""


class AccessDenied(StoreError):
    pass


class NotFound(StoreError):
    pass


class InvalidInput(StoreError):
    pass


CARER_LINK_KIND = {Role.THERAPIST: "therapist_client", Role.SUPERVISOR: "supervisor_trainee"}
LINKED_ROLE = {Role.THERAPIST: Role.CLIENT, Role.SUPERVISOR: Role.TRAINEE}


def deny(actor: Person | None, action: str, target_type: str, target_id: int | None,
         message: str = "You do not have access to that.") -> AccessDenied:
    """Audit a refused attempt (in its own transaction) and return the exception to raise."""
    with db.unit_of_work() as session:
        write_audit(session, actor, "denied", target_type, target_id, detail={"attempted": action})
    return AccessDenied(message)


def load_actor(session: Session, actor: Person | None, action: str) -> Person:
    """The actor as the database knows them now; refused if unknown or deactivated."""
    row = session.get(PersonRow, actor.id) if isinstance(actor, Person) else None
    if row is None or not row.active:
        raise deny(actor if isinstance(actor, Person) else None, action, "person", None,
                   "Please sign in again.")
    return to_view(row)


def linked_person_ids(session: Session, carer: Person) -> set[int]:
    kind = CARER_LINK_KIND.get(carer.role)
    if kind is None:
        return set()
    return set(session.execute(sa.select(CareLink.person_id)
                               .where(CareLink.carer_id == carer.id, CareLink.kind == kind)).scalars())


def reviewable_person_ids(session: Session, actor: Person) -> set[int]:
    """People whose sessions the actor may read: themself and, for carers, their linked people."""
    return {actor.id} | linked_person_ids(session, actor)


def require_reviewable(session: Session, actor: Person, person_id: int | None, action: str,
                       target_type: str, target_id: int | None) -> None:
    if person_id is None or person_id not in reviewable_person_ids(session, actor):
        raise deny(actor, action, target_type, target_id)


def require_carer_of(session: Session, actor: Person, person_id: int | None, action: str,
                     target_type: str, target_id: int | None) -> None:
    """Notes and risk acknowledgements: only a linked therapist/supervisor."""
    if person_id is None or person_id not in linked_person_ids(session, actor):
        raise deny(actor, action, target_type, target_id)


def require_role(actor: Person, roles: set[Role], action: str, target_type: str,
                 target_id: int | None = None) -> None:
    if actor.role not in roles:
        raise deny(actor, action, target_type, target_id)


def require_self_or_admin(actor: Person, person_id: int, action: str) -> None:
    if actor.id != person_id and actor.role is not Role.ADMIN:
        raise deny(actor, action, "person", person_id)
