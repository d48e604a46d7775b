"""Rasa's own event stream, stored encrypted in `rasa_events` (no Rasa import: plain dicts).

A conversation session starts at a `session_started` event; like Rasa's SQLTrackerStore, the
tracker of a sender is the events since their latest session start.
"""
from __future__ import annotations

import json
import time
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


def record_erasure(session: Session, sender_id: str, erased_at: float) -> None:
    row = session.get(Erasure, hash_secret(sender_id))
    if row is None:
        session.add(Erasure(sender_hash=hash_secret(sender_id), erased_at=erased_at))
    else:
        row.erased_at = max(row.erased_at, erased_at)


def load_events(session: Session, sender_id: str, all_sessions: bool = False) -> list[dict]:
    rows = session.execute(_session_query(session, sender_id, all_sessions).order_by(RasaEvent.id))
    return [json.loads(row.data) for row in rows.scalars()]


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
    return session.execute(query.execution_options(synchronize_session=False)).rowcount
