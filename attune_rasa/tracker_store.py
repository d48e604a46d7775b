"""Attune's tracker store: Rasa's conversations, encrypted at rest, projected into transcripts.

It keeps Rasa's event stream the way Rasa's SQLTrackerStore does (one row per event, the tracker
is the latest session's events, new events are those past the stored count) but in the store's own
`rasa_events` table with the event JSON encrypted (Fernet), on the database named by the settings.
On every save it stores the new events and projects them into the transcript tables in one
transaction, the projection inside a savepoint: a projection failure rolls back the savepoint only,
is logged and retried on the next save (or at the next start), and never loses an event. Reading a
tracker decrypts only the events stored since the last read (bot.store.rasa_log.EventCache).
Because Rasa itself saves every event, transcripts survive an action-server outage and actions
never write transcripts by hand. With ATTUNE_PROJECTION=deferred (what `make serve` runs) a save
stores the events only and the projector process (bot/store/projector.py) projects them on the other
CPU: about a fifth of this server's time per message under load went to the projection. Readers
catch up before they read (bot/store/maintenance.py), so nobody reads a transcript behind its events.

endpoints.yml:
    tracker_store:
      type: attune_rasa.tracker_store.AttuneTrackerStore
      # url: postgresql://...   (optional; default ATTUNE_DATABASE_URL / SQLite under the data dir)
"""
from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any, Iterable, Optional

from rasa.core.tracker_store import SerializedTrackerAsText, TrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import get_settings
from bot.store import consent, db, maintenance, projection, rasa_log

logger = logging.getLogger(__name__)

PURGE_INTERVAL_S = 60.0


class AttuneTrackerStore(TrackerStore, SerializedTrackerAsText):
    def __init__(self, domain=None, host: Optional[str] = None, event_broker=None,
                 url: Optional[str] = None, **kwargs: Any) -> None:
        # Rasa passes endpoints.yml's `url` as `host`.
        self.url = url or host or get_settings().database_url
        db.ensure_schema(self.url)
        self._last_purge = 0.0
        self.project_on_save = get_settings().projection == "inline"
        super().__init__(domain, event_broker, **kwargs)
        self._catch_up()

    def _catch_up(self) -> None:
        """Project what an earlier run stored but could not project (e.g. it crashed in between)."""
        maintenance.catch_up_projection(self.url)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        with db.unit_of_work(self.url) as session:
            rasa_log.lock_senders(session, [tracker.sender_id])  # before reading what is new
            new = rasa_log.new_events(session, tracker.sender_id, list(tracker.events),
                                      lambda event: event.timestamp)
            rasa_log.append_events(session, tracker.sender_id, (event.as_dict() for event in new))
            if self.project_on_save:
                self._project_in(session, tracker.sender_id)
        if session.info.get("deleted_text"):  # a withdrawal or a purge
            db.scrub_after_delete(self.url)
        self._purge_expired()

    @staticmethod
    def _project_in(session, sender_id: str) -> None:
        """Project within the caller's transaction, in a savepoint: a failure undoes the projection
        only (the events stored in the same transaction still commit; lagging_senders finds them)."""
        try:
            with session.begin_nested():
                projection.project_sender(session, sender_id)
        except Exception:  # noqa: BLE001 - a projection bug must not break the conversation
            logger.exception("Could not project the events of a conversation into the transcript "
                             "tables; they are stored and will be projected on the next save")

    def project(self, sender_id: str) -> None:
        """Project the sender's new events in a transaction of their own; errors are logged."""
        maintenance.project_sender_now(sender_id, self.url)
        self._purge_expired()

    def _purge_expired(self) -> None:
        now = time.monotonic()
        if now - self._last_purge < PURGE_INTERVAL_S:
            return
        self._last_purge = now
        try:
            with db.unit_of_work(self.url) as session:
                consent.purge_expired_unconsented(session, self._session_expiry())
            if session.info.get("deleted_text"):
                db.scrub_after_delete(self.url)
        except Exception:  # noqa: BLE001
            logger.exception("Could not purge expired unconsented sessions")

    def _session_expiry(self) -> timedelta:
        """Never purge a session Rasa still considers open: the longer of the domain's session
        expiration time and ATTUNE_SESSION_EXPIRY_MINUTES (the only one when sessions never expire)."""
        minutes = float(get_settings().session_expiry_minutes)
        config = getattr(self.domain, "session_config", None)
        if config is not None and config.session_expiration_time:
            minutes = max(minutes, float(config.session_expiration_time))
        return timedelta(minutes=minutes)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        return self._retrieve(sender_id, all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> Optional[DialogueStateTracker]:
        return self._retrieve(conversation_id, all_sessions=True)

    def _retrieve(self, sender_id: str, all_sessions: bool) -> Optional[DialogueStateTracker]:
        with db.unit_of_work(self.url) as session:
            events = rasa_log.load_events_cached(session, sender_id, all_sessions=all_sessions)
        if not events or self.domain is None:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def keys(self) -> Iterable[str]:
        with db.unit_of_work(self.url) as session:
            return rasa_log.sender_ids(session)
