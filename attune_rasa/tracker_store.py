"""Attune's tracker store: Rasa's SQL tracker store on the database named by the settings.

(First version: the transcript store replaces this with encryption and the projection into the
review tables.)
"""
from __future__ import annotations

from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine import make_url

from bot.settings import get_settings


class AttuneTrackerStore(SQLTrackerStore):
    def __init__(self, domain=None, event_broker=None, **kwargs: Any) -> None:
        settings = get_settings()
        url = make_url(kwargs.pop("url", None) or settings.database_url)
        if url.get_backend_name() == "sqlite":
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database,
            username=url.username,
            password=url.password,
            event_broker=event_broker,
            query=dict(url.query),
        )
