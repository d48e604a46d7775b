"""The narrative retelling's link to the store: who may start it, and its progress between sittings.

Imported lazily by the engine, and only when a person is known: the engine runs without a store in
the contract tests, and the declaration never imports this (docs/architecture.md, "Exercises").
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Access:
    allowed: bool
    reason: str  # "ok", "not_enabled", "needs_consent", "needs_general_consent"
    person_id: int | None = None
    progress: dict[str, Any] | None = None


def check_access(sender_id: str, exercise: str, consenting: bool) -> Access:
    """Enabled by a linked therapist, and consent specific to it (given now when `consenting`)."""
    from bot.store import db, exercise_access
    from bot.store.maintenance import catch_up_projection
    from bot.store.people import active_consent

    catch_up_projection()  # consent and the person come from the stored events
    with db.unit_of_work() as session:
        person_id = exercise_access.person_id_for_sender(session, sender_id)
        if person_id is None or not exercise_access.is_enabled(session, person_id, exercise):
            return Access(False, "not_enabled", person_id)
        if active_consent(session, person_id) is None:
            return Access(False, "needs_general_consent", person_id)
        if consenting:
            exercise_access.give_exercise_consent(session, person_id, exercise, sender_id=sender_id)
        if exercise_access.exercise_consent(session, person_id, exercise) is None:
            return Access(False, "needs_consent", person_id)
        return Access(True, "ok", person_id, exercise_access.load_progress(session, person_id, exercise))


def save(person_id: int | None, exercise: str, progress: dict[str, Any] | None) -> None:
    """Keep (or, with None, clear) the person's progress; a store failure never breaks the sitting."""
    if person_id is None:
        return
    from bot.store import db, exercise_access

    try:
        with db.unit_of_work() as session:
            exercise_access.save_progress(session, person_id, exercise, progress)
    except Exception:  # noqa: BLE001 - the conversation goes on; the next step saves again
        log.exception("Could not save the progress of %s", exercise)


def harm_told(person_id: int | None, exercise: str, since: float) -> bool:
    """Whether past harm was told during the exercise since `since` (epoch seconds)."""
    if person_id is None:
        return False
    from bot.store import db, exercise_access
    from bot.store.maintenance import catch_up_projection

    try:
        _not_on_an_event_loop()
        catch_up_projection()  # risk events come from the stored events
        with db.unit_of_work() as session:
            return exercise_access.past_harm_told_since(session, person_id, exercise,
                                                        datetime.fromtimestamp(since, timezone.utc))
    except Exception:  # noqa: BLE001 - unknown means unmarked; the person can still skip the question
        log.exception("Could not read the risk events of %s", exercise)
        return False


def _not_on_an_event_loop() -> None:
    """A query blocks its thread: on the action server's event loop it would stall every request the
    server holds, so the actions run the exercise's `ask` in a worker thread (actions/offload.py)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise RuntimeError("a blocking store query on the event loop")
