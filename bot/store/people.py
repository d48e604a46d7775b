"""People, their chat sender ids, credentials and consent state (session-level helpers)."""
from __future__ import annotations

import hashlib
import secrets

import bcrypt
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.store.models import ConsentRow, PersonRow, SenderLink, utcnow
from bot.store.views import Person, Role

# bcrypt reads only the first 72 bytes; longer passwords are pre-hashed so no byte is ignored.
_BCRYPT_LIMIT = 72
MIN_PASSWORD_LENGTH = 10
# bcrypt's work factor (2**12 rounds, about a quarter second); only bot.store.testing lowers it.
BCRYPT_ROUNDS = 12


def hash_password(password: str) -> str:
    return bcrypt.hashpw(_bcrypt_input(password), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def check_password(password: str, hashed: str | None) -> bool:
    if not hashed:
        # Same work as a real check, so timing does not reveal unknown usernames.
        bcrypt.checkpw(b"x", _DUMMY_HASH)
        return False
    return bcrypt.checkpw(_bcrypt_input(password), hashed.encode("ascii"))


def _bcrypt_input(password: str) -> bytes:
    raw = password.encode("utf-8")
    if len(raw) > _BCRYPT_LIMIT:
        raw = hashlib.sha256(raw).hexdigest().encode("ascii")
    return raw


_DUMMY_HASH = bcrypt.hashpw(b"dummy", bcrypt.gensalt(rounds=4))


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def hash_secret(secret: str) -> str:
    """Tokens and pairing codes are random, so a plain SHA-256 is enough (and lets us look them up)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def to_view(row: PersonRow) -> Person:
    return Person(id=row.id, role=Role(row.role), display_name=row.display_name,
                  username=row.username, created_at=row.created_at, active=row.active)


def person_for_sender(session: Session, sender_id: str) -> PersonRow | None:
    return session.execute(
        sa.select(PersonRow).join(SenderLink, SenderLink.person_id == PersonRow.id)
        .where(SenderLink.sender_id == sender_id)
    ).scalar_one_or_none()


def pseudonym(role: Role, sender_id: str) -> str:
    """A chat person's name until someone renames them: their role and a short digest."""
    return f"{role.value.capitalize()} {hash_secret(sender_id)[:6]}"


def ensure_person_for_sender(session: Session, sender_id: str, role: Role = Role.CLIENT) -> PersonRow:
    """The chat's person, created on first need (a client, named by a short pseudonym).

    Several processes may meet a new sender at once (the action server redeeming a pairing code while
    the projector records the consent): the link is inserted only if none exists, and the one that
    loses the race takes the winner's person instead of failing on the unique sender id."""
    person = person_for_sender(session, sender_id)
    if person is not None:
        return person
    person = PersonRow(role=role.value, display_name=pseudonym(role, sender_id), active=True, created_at=utcnow())
    session.add(person)
    session.flush()
    if link_sender_unless_linked(session, sender_id, person.id):
        return person
    session.delete(person)
    session.flush()
    winner = person_for_sender(session, sender_id)
    assert winner is not None, "a link that blocked ours must be there to read"
    return winner


def link_sender_unless_linked(session: Session, sender_id: str, person_id: int) -> bool:
    """Link the sender to the person unless it is linked already (then False, nothing written)."""
    insert = _INSERTS.get(session.get_bind().dialect.name)
    values = dict(sender_id=sender_id, person_id=person_id, linked_at=utcnow())
    if insert is None:  # a database without ON CONFLICT here: a race fails on the unique id, as it must
        session.add(SenderLink(**values))
        session.flush()
        return True
    return session.execute(insert(SenderLink).values(**values).on_conflict_do_nothing(index_elements=["sender_id"])).rowcount == 1


_INSERTS = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}


def sender_ids_of(session: Session, person_id: int) -> list[str]:
    return list(session.execute(
        sa.select(SenderLink.sender_id).where(SenderLink.person_id == person_id)).scalars())


def active_consent(session: Session, person_id: int) -> ConsentRow | None:
    """The latest consent decision if it is a consent still in force."""
    latest = session.execute(
        sa.select(ConsentRow).where(ConsentRow.person_id == person_id)
        .order_by(ConsentRow.recorded_at.desc(), ConsentRow.id.desc()).limit(1)
    ).scalar_one_or_none()
    if latest is not None and latest.given and latest.withdrawn_at is None:
        return latest
    return None


def sender_has_consent(session: Session, sender_id: str) -> bool:
    person = person_for_sender(session, sender_id)
    return person is not None and active_consent(session, person.id) is not None
