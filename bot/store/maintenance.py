"""Maintenance: catching up the projection, purging unconsented sessions, rotating the key."""
from __future__ import annotations

from datetime import timedelta

from bot.store import consent as consent_ops
from bot.store import crypto, db
from bot.store.audit import write_audit


def catch_up_projection() -> int:
    """Project every sender's stored but unprojected events (the tracker store runs this when the
    Rasa server starts); returns how many senders were brought up to date. One sender's failure is
    logged and does not stop the others."""
    import logging

    from bot.store import projection

    with db.unit_of_work() as session:
        senders = projection.lagging_senders(session)
    done = 0
    for sender in senders:
        try:
            with db.unit_of_work() as session:
                projection.project_sender(session, sender)
            done += 1
        except Exception:  # noqa: BLE001 - the events stay stored; the next save retries
            logging.getLogger(__name__).exception("Could not catch up the projection of one conversation")
    return done


def purge_expired_sessions(expiry: timedelta | None = None) -> int:
    """Delete Rasa's events of unconsented sessions silent for longer than `expiry` (default: the
    ATTUNE_SESSION_EXPIRY_MINUTES setting); returns events deleted. The Rasa server does this
    itself while running; call this from a CLI command or cron job when it is not."""
    with db.unit_of_work() as session:
        count = consent_ops.purge_expired_unconsented(session, expiry)
        write_audit(session, None, "purge_unconsented", "rasa_events", None, detail={"events": count})
    db.scrub_after_delete()
    return count


def rotate_key(old: str, new: str) -> int:
    """Re-encrypt every encrypted value from key `old` to key `new`; returns values rewritten."""
    count = crypto.rotate_key(old, new, db.get_engine())
    with db.unit_of_work() as session:
        write_audit(session, None, "rotate_key", "key", None, detail={"values": count})
    return count
