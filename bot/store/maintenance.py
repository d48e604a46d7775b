"""Maintenance: catching up the projection, purging unconsented sessions, rotating the key."""
from __future__ import annotations

from datetime import timedelta

from bot.store import consent as consent_ops
from bot.store import crypto, db
from bot.store.audit import write_audit


def catch_up_projection(url: str | None = None) -> int:
    """Project every sender's stored but unprojected events; returns how many senders were brought
    up to date. Every reader of transcript rows runs this first: the events are the record, the
    rows follow them (at once with ATTUNE_PROJECTION=inline, within moments with the projector, or
    later after a crash between the two). One sender's failure is logged and stops no other."""
    from bot.store import projection

    with db.unit_of_work(url) as session:
        senders = projection.lagging_senders(session)
    return sum(project_sender_now(sender, url) for sender in senders)


def project_sender_now(sender_id: str, url: str | None = None) -> bool:
    """Project one sender's new events under the writers' lock (a save, the projector and an erasure
    may be at the same rows); False when it failed (logged; the events stay stored)."""
    import logging

    from bot.store import projection, rasa_log

    try:
        with db.unit_of_work(url) as session:
            rasa_log.lock_senders(session, [sender_id])
            projection.project_sender(session, sender_id)
        if session.info.get("deleted_text"):  # a withdrawal or a purge
            db.scrub_after_delete(url)
        return True
    except Exception:  # noqa: BLE001 - the events stay stored; the next catch-up retries
        logging.getLogger(__name__).exception("Could not catch up the projection of one conversation")
        return False


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
