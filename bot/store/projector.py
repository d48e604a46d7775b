"""The projector: turns Rasa's stored events into transcript rows in a process of its own.

With ATTUNE_PROJECTION=deferred the tracker store only stores a conversation's events, which keeps
the Rasa server (one process, the bottleneck under load) to the work only it can do; this process
follows the events table and projects each conversation with new events, on another CPU. `make
serve` starts it beside the two servers (scripts/serve.sh); `python -m bot.store.projector` runs it.

It finds work by the events' ids: every poll asks which senders of events stored since a watermark
taken a few polls back are not projected that far (a PostgreSQL transaction can commit an id lower
than one already seen, so the watermark trails), and once in a while which senders lag at all,
which also retries a projection that failed. Projecting a sender twice does nothing the second time
(projection_state remembers the last event projected), and each sender is projected under the
writers' lock (bot/store/rasa_log.py `lock_senders`). Readers never depend on this process: they
catch up before they read (bot/store/maintenance.py `catch_up_projection`).
"""
from __future__ import annotations

import collections
import logging
import signal
import threading
import time

import sqlalchemy as sa

from bot.store import db
from bot.store.maintenance import catch_up_projection, project_sender_now
from bot.store.models import ProjectionState, RasaEvent

log = logging.getLogger(__name__)

POLL_S = 0.1
TRAILING_POLLS = 20  # the watermark looks back this many polls (about 2 s)
FULL_CHECK_S = 30.0


def newest_event_id(url: str | None = None) -> int:
    with db.unit_of_work(url) as session:
        return session.execute(sa.select(sa.func.max(RasaEvent.id))).scalar() or 0


def lagging_since(after_id: int, url: str | None = None) -> list[str]:
    """Senders with an event stored past `after_id` that is not projected yet, the longest waiting
    first (one query: the ids past the watermark against each sender's projection state)."""
    with db.unit_of_work(url) as session:
        projected = sa.func.coalesce(sa.func.max(ProjectionState.last_event_id), 0)
        rows = session.execute(
            sa.select(RasaEvent.sender_id)
            .outerjoin(ProjectionState, ProjectionState.sender_id == RasaEvent.sender_id)
            .where(RasaEvent.id > after_id)
            .group_by(RasaEvent.sender_id)
            .having(sa.func.max(RasaEvent.id) > projected)
            .order_by(sa.func.min(RasaEvent.id))
        )
        return [row[0] for row in rows]


def follow(stop: threading.Event, url: str | None = None, poll_s: float = POLL_S) -> None:
    """Project new events until `stop` is set."""
    marks: collections.deque[int] = collections.deque(maxlen=TRAILING_POLLS)
    last_full = float("-inf")
    while not stop.is_set():
        try:
            newest = newest_event_id(url)
            if time.monotonic() - last_full >= FULL_CHECK_S:
                catch_up_projection(url)
                last_full = time.monotonic()
            else:
                for sender_id in lagging_since(marks[0] if marks else 0, url):
                    project_sender_now(sender_id, url)
            marks.append(newest)
        except Exception:  # noqa: BLE001 - a database hiccup: try again on the next poll
            log.exception("The projector could not read the events table; trying again")
        stop.wait(poll_s)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s  %(message)s")
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    db.ensure_schema(None)
    log.info("Projector following the events table")
    follow(stop)
    log.info("Projector stopped")


if __name__ == "__main__":
    main()
