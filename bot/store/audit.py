"""Audit rows: who did what to which record, when (never transcript text)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from bot.store.models import AuditRow, utcnow
from bot.store.people import hash_secret
from bot.store.views import Person


def actor_label(actor: Person | None, sender_id: str | None = None) -> str:
    """Chat senders appear pseudonymised (a hash), so the log survives an erasure without naming."""
    if actor is not None:
        return f"{actor.role.value}:{actor.id}"
    return f"chat:{hash_secret(sender_id)[:16]}" if sender_id else "system"


def write_audit(session: Session, actor: Person | None, action: str, target_type: str,
                target_id: int | None, detail: dict | None = None, sender_id: str | None = None) -> None:
    session.add(AuditRow(
        actor_id=actor.id if actor else None,
        actor_label=actor_label(actor, sender_id),
        action=action,
        target_type=target_type,
        target_id=target_id,
        at=utcnow(),
        detail=dict(detail or {}),
    ))
