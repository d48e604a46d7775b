"""Who may read what (see bot.store.repository's docstring), checked against the database.

The acting `Person` passed in is only an id: role, activity and links are re-read on every call,
so a forged or stale view grants nothing. Refusals are audited in their own transaction (the
caller's transaction is rolled back by the exception).

Which sessions someone may read is decided in one place, `read_scope`: their own and a therapist's
linked clients' sessions whole, a supervisor's linked trainees' simulated practice only (a session
in which an exercise declared `simulated` ran: bot/exercises/contract.py). Listing, reading,
exporting, charts, notes and risk events all go through it (bot/store/reading.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.exercises.registry import simulated_exercises
from bot.store import db
from bot.store.audit import write_audit
from bot.store.models import CareLink, Conversation, PersonRow, TurnRow
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
# A supervisor oversees a trainee's practice with simulated clients, not the trainee as a person: a
# trainee's other sessions (their own mentalizing, say) are as private from the supervisor as
# anyone's. A therapist reads a linked client's sessions whole.
PRACTICE_ONLY_LINK_KINDS = frozenset({"supervisor_trainee"})


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
    """People the actor may look up (some of whose sessions they may read): themself and, for
    carers, their linked people. Which sessions: `read_scope`."""
    return {actor.id} | linked_person_ids(session, actor)


@dataclass(frozen=True)
class ReadScope:
    """The sessions one reader may read: every session of the people in `whole`, and only the
    simulated-practice sessions of the people in `practice_only`."""

    whole: frozenset[int]
    practice_only: frozenset[int]

    @property
    def people(self) -> frozenset[int]:
        return self.whole | self.practice_only

    def conversations(self) -> sa.sql.ColumnElement:
        """A condition on `Conversation` rows: true for exactly the sessions in scope."""
        # Correlated, so it reads only the turns of the practice-only people's sessions (by the turns'
        # conversation index), never every practice turn in the store.
        practice = sa.exists().where(TurnRow.conversation_id == Conversation.id,
                                     TurnRow.exercise.in_(sorted(simulated_exercises())))
        return sa.or_(Conversation.person_id.in_(sorted(self.whole)),
                      sa.and_(Conversation.person_id.in_(sorted(self.practice_only)), practice))


def read_scope(session: Session, actor: Person, carers_only: bool = False) -> ReadScope:
    """The one rule for reading sessions. `carers_only` leaves out the actor's own sessions (for
    notes and risk events, which are a carer's)."""
    kind = CARER_LINK_KIND.get(actor.role)
    links = session.execute(sa.select(CareLink.person_id).where(CareLink.carer_id == actor.id,
                                                                CareLink.kind == kind)).scalars() if kind else ()
    linked = frozenset(links)
    practice_only = linked if kind in PRACTICE_ONLY_LINK_KINDS else frozenset()
    whole = (linked - practice_only) | (frozenset() if carers_only else {actor.id})
    return ReadScope(whole=whole, practice_only=practice_only - whole)


def readable_conversation(session: Session, actor: Person, conversation_id: int | None, action: str,
                          target_type: str, target_id: int | None, carers_only: bool = False) -> Conversation:
    """The session if it is in the actor's scope; refused (and audited) otherwise. Unknown and
    forbidden look the same to the caller, so ids reveal nothing."""
    found = None
    if isinstance(conversation_id, int) and not isinstance(conversation_id, bool):
        found = session.execute(sa.select(Conversation).where(
            Conversation.id == conversation_id, read_scope(session, actor, carers_only).conversations())
        ).scalar_one_or_none()
    if found is None:
        raise deny(actor, action, target_type, target_id)
    return found


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
