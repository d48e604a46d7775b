"""Rasa's own event stream, stored encrypted in `rasa_events` (no Rasa import: plain dicts).

A conversation session starts at a `session_started` event; like Rasa's SQLTrackerStore, the
tracker of a sender is the events since their latest session start.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from typing import Callable, Iterable, Sequence, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store.models import Erasure, RasaEvent
from bot.store.people import hash_secret

T = TypeVar("T")

SESSION_STARTED = "session_started"
ERASURE_WINDOW_S = 600.0


def latest_session_start_id(session: Session, sender_id: str) -> int | None:
    return session.execute(
        sa.select(sa.func.max(RasaEvent.id))
        .where(RasaEvent.sender_id == sender_id, RasaEvent.type_name == SESSION_STARTED)
    ).scalar()


def _session_query(session: Session, sender_id: str, all_sessions: bool):
    query = sa.select(RasaEvent).where(RasaEvent.sender_id == sender_id)
    if not all_sessions:
        start = latest_session_start_id(session, sender_id)
        if start is not None:
            query = query.where(RasaEvent.id >= start)
    return query


def count_session_events(session: Session, sender_id: str) -> int:
    """How many events of the sender's latest session are stored (Rasa's own rule for what is new)."""
    start = (sa.select(sa.func.max(RasaEvent.id))
             .where(RasaEvent.sender_id == sender_id, RasaEvent.type_name == SESSION_STARTED)
             .scalar_subquery())
    return session.execute(
        sa.select(sa.func.count()).select_from(RasaEvent)
        .where(RasaEvent.sender_id == sender_id, RasaEvent.id >= sa.func.coalesce(start, 0))
    ).scalar_one()


def new_events(session: Session, sender_id: str, events: Sequence[T],
               timestamp_of: Callable[[T], float | None]) -> list[T]:
    """The events of a tracker (its latest session and anything after) not stored yet.

    Rasa's rule: the first N are stored, N being the stored count of the latest session. After an
    erasure the tracker of a live conversation still holds the erased events, so for an erased
    sender only events newer than the erasure (and than anything stored since) are new, until
    every request that was in flight at the erasure has finished (Rasa re-reads the tracker from
    the store for each message, so afterwards the usual rule is right again).
    """
    erasure = session.get(Erasure, hash_secret(sender_id))
    if erasure is not None and time.time() - erasure.erased_at > ERASURE_WINDOW_S:
        session.delete(erasure)  # every request in flight at the erasure has long finished
        erasure = None
    if erasure is None:
        return list(events[count_session_events(session, sender_id):])
    newest = session.execute(sa.select(sa.func.max(RasaEvent.timestamp))
                             .where(RasaEvent.sender_id == sender_id)).scalar()
    cutoff = max(erasure.erased_at, newest or 0.0)
    return [event for event in events if (timestamp_of(event) or 0.0) > cutoff]


def lock_senders(session: Session, sender_ids: Iterable[str]) -> None:
    """Hold off every other writer of these senders' events until the caller's transaction ends.

    The tracker store (saving a conversation) and an erasure (from the command line, or from the
    person's other linked channel) are two writers of the same rows. Each takes this lock before it
    reads what to write, so a save never decides on a tracker that an erasure is deleting under it,
    and the two never lock each other's rows in opposite orders
    (tests/integration/store/test_erasure_race.py races them on real threads).
    PostgreSQL: one transaction-scoped advisory lock per sender, taken in a fixed order. SQLite has
    one writer at a time: a write that changes nothing takes the database's write lock at once.
    """
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted({_lock_key(sender_id) for sender_id in sender_ids}):
            session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
    else:
        session.execute(sa.update(Erasure).where(sa.false()).values(erased_at=Erasure.erased_at))


def _lock_key(sender_id: str) -> int:
    """A signed 64-bit key for PostgreSQL's advisory locks."""
    return int.from_bytes(hashlib.sha256(sender_id.encode("utf-8")).digest()[:8], "big", signed=True)


def record_erasure(session: Session, sender_id: str, erased_at: float) -> None:
    row = session.get(Erasure, hash_secret(sender_id))
    if row is None:
        session.add(Erasure(sender_hash=hash_secret(sender_id), erased_at=erased_at))
    else:
        row.erased_at = max(row.erased_at, erased_at)


def load_events(session: Session, sender_id: str, all_sessions: bool = False) -> list[dict]:
    rows = session.execute(_session_query(session, sender_id, all_sessions).order_by(RasaEvent.id))
    return [json.loads(row.data) for row in rows.scalars()]


# (id, timestamp, type_name): what identifies a stored row without decrypting it. SQLite may give a
# deleted row's id to a new row, so the id alone does not say the row is the one decrypted before.
Fingerprint = tuple[int, "float | None", str]


class EventCache:
    """The decrypted event JSON of the latest session of recently read senders (an LRU bounded by
    sender count), so that reading a tracker decrypts only the rows stored since the last read.

    It is checked against the database on every read: the rows of the session are listed without
    their data (id, timestamp, type) and only those the cache holds under the same fingerprint are
    taken from it, so rows deleted by any process (erasure, withdrawal, the purge of unconsented
    sessions) are never given back. Deleting through `delete_events` also forgets the senders here.
    """

    def __init__(self, max_senders: int = 128) -> None:
        self.max_senders = max_senders
        # (database URL, sender id) -> {fingerprint: decrypted JSON}
        self._entries: OrderedDict[tuple[str, str], dict[Fingerprint, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, database: str, sender_id: str) -> dict[Fingerprint, str]:
        with self._lock:
            entry = self._entries.get((database, sender_id))
            if entry is None:
                return {}
            self._entries.move_to_end((database, sender_id))
            return entry

    def put(self, database: str, sender_id: str, entry: dict[Fingerprint, str]) -> None:
        with self._lock:
            self._entries[(database, sender_id)] = entry
            self._entries.move_to_end((database, sender_id))
            while len(self._entries) > self.max_senders:
                self._entries.popitem(last=False)

    def forget(self, sender_ids: Iterable[str] | None = None) -> None:
        """Drop the given senders, on every database (every sender when None)."""
        with self._lock:
            if sender_ids is None:
                self._entries.clear()
                return
            gone = set(sender_ids)
            for key in [key for key in self._entries if key[1] in gone]:
                del self._entries[key]

    def holds(self, sender_id: str) -> bool:
        with self._lock:
            return any(key[1] == sender_id for key in self._entries)

    def __len__(self) -> int:
        return len(self._entries)


event_cache = EventCache()


def load_events_cached(session: Session, sender_id: str, all_sessions: bool = False,
                       cache: EventCache | None = None) -> list[dict]:
    """`load_events`, decrypting only rows the cache does not hold (see EventCache). Each call
    returns fresh dicts (Rasa may change what it is given)."""
    cache = cache if cache is not None else event_cache
    query = sa.select(RasaEvent.id, RasaEvent.timestamp, RasaEvent.type_name).where(RasaEvent.sender_id == sender_id)
    if not all_sessions:
        start = (sa.select(sa.func.max(RasaEvent.id))
                 .where(RasaEvent.sender_id == sender_id, RasaEvent.type_name == SESSION_STARTED)
                 .scalar_subquery())
        query = query.where(RasaEvent.id >= sa.func.coalesce(start, 0))
    stored = [(row[0], row[1], row[2]) for row in session.execute(query.order_by(RasaEvent.id))]
    database = str(session.get_bind().url)
    known = cache.get(database, sender_id)
    missing = [print_ for print_ in stored if print_ not in known]
    plain = {print_: known[print_] for print_ in stored if print_ in known}
    if missing:
        ids = [print_[0] for print_ in missing]
        rows = session.execute(
            sa.select(RasaEvent.id, RasaEvent.timestamp, RasaEvent.type_name, RasaEvent.data)
            .where(RasaEvent.sender_id == sender_id,
                   # only the missing rows are fetched (each one fetched is decrypted)
                   RasaEvent.id.in_(ids) if len(ids) <= 500 else RasaEvent.id.between(ids[0], ids[-1]))
        )
        wanted = set(missing)
        for row in rows:
            print_ = (row[0], row[1], row[2])
            if print_ in wanted:
                plain[print_] = row[3]
    # A row deleted between the two queries is left out, as if it had gone before the first.
    events = [plain[print_] for print_ in stored if print_ in plain]
    if not all_sessions:
        cache.put(database, sender_id, {print_: plain[print_] for print_ in stored if print_ in plain})
    return [json.loads(text) for text in events]


def append_events(session: Session, sender_id: str, events: Iterable[dict]) -> int:
    """Store event dicts (Rasa's `Event.as_dict()`), in order, in one round trip; returns how many."""
    rows = [{
        "sender_id": sender_id,
        "type_name": str(data.get("event", "")),
        "timestamp": data.get("timestamp"),
        "intent_name": ((data.get("parse_data") or {}).get("intent") or {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data, ensure_ascii=False),
    } for data in events]
    if rows:
        # Ids follow list order (SQLite: row by row; psycopg2: one multi-row VALUES, read in order).
        session.execute(sa.insert(RasaEvent), rows)
    return len(rows)


def sender_ids(session: Session) -> list[str]:
    return list(session.execute(sa.select(RasaEvent.sender_id).distinct()).scalars())


def delete_events(session: Session, sender_ids_: Sequence[str], from_id: int | None = None,
                  before_id: int | None = None) -> int:
    """Delete the senders' events with from_id <= id < before_id (open ends when None)."""
    if not sender_ids_:
        return 0
    query = sa.delete(RasaEvent).where(RasaEvent.sender_id.in_(list(sender_ids_)))
    if from_id is not None:
        query = query.where(RasaEvent.id >= from_id)
    if before_id is not None:
        query = query.where(RasaEvent.id < before_id)
    event_cache.forget(sender_ids_)  # also checked on every read; this frees the text at once
    return session.execute(query.execution_options(synchronize_session=False)).rowcount
