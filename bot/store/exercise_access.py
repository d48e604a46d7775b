"""Exercises a therapist must enable for a client, the client's consent specific to each, and the
progress such an exercise keeps between sittings (keyed by person and exercise).

- Enabling: only a therapist linked to the client (a `CareLink`) may enable or disable; the
  enabling holds while that link does. Audited like every staff action.
- Consent specific to an exercise follows bot/store/consent.py's mechanism: given by the person in
  the chat, idempotent while in force, only on top of the general consent in force, withdrawn with
  a timestamp, audited; the rows hold no conversation text and go with the person on erasure.
- Progress: a small JSON value the exercise chooses (never answer texts), replaced on each step.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.store import db
from bot.store.access import CARER_LINK_KIND, AccessDenied, deny, load_actor, require_carer_of
from bot.store.audit import write_audit
from bot.store.models import (
    CareLink,
    Conversation,
    ExerciseConsent,
    ExerciseEnablement,
    ExerciseProgress,
    RiskEventRow,
    TurnRow,
    utcnow,
)
from bot.store.people import active_consent, person_for_sender
from bot.store.views import Person, Role

# --- enabling, by a linked therapist ----------------------------------------------------------------

def set_enabled(actor: Person, person_id: int, exercise: str, enabled: bool = True) -> bool:
    """Enable (or disable) `exercise` for a client the actor is linked to as their therapist."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "enable_exercise")
        if actor.role is not Role.THERAPIST:
            raise deny(actor, "enable_exercise", "person", person_id)
        require_carer_of(session, actor, person_id, "enable_exercise", "person", person_id)
        row = session.execute(sa.select(ExerciseEnablement).where(
            ExerciseEnablement.person_id == person_id, ExerciseEnablement.exercise == exercise)).scalar_one_or_none()
        if enabled:
            if row is None:
                row = ExerciseEnablement(person_id=person_id, exercise=exercise, enabled_by=actor.id)
                session.add(row)
            row.enabled_by, row.enabled_at, row.disabled_at = actor.id, utcnow(), None
        elif row is not None and row.disabled_at is None:
            row.disabled_at = utcnow()
        write_audit(session, actor, "enable_exercise" if enabled else "disable_exercise", "person", person_id,
                    detail={"exercise": exercise})
        return enabled


def enabled_exercises(actor: Person, person_id: int) -> list[str]:
    """The exercises enabled for a client, as their therapist sees it."""
    with db.unit_of_work() as session:
        actor = load_actor(session, actor, "list_enabled_exercises")
        require_carer_of(session, actor, person_id, "list_enabled_exercises", "person", person_id)
        return sorted(e for e in (row.exercise for row in _enablements(session, person_id)))


def _enablements(session: Session, person_id: int) -> list[ExerciseEnablement]:
    """Enablements in force: not disabled, and the enabling therapist still linked."""
    return list(session.execute(
        sa.select(ExerciseEnablement).join(CareLink, sa.and_(CareLink.carer_id == ExerciseEnablement.enabled_by,
                                                             CareLink.person_id == ExerciseEnablement.person_id))
        .where(ExerciseEnablement.person_id == person_id, ExerciseEnablement.disabled_at.is_(None),
               CareLink.kind == CARER_LINK_KIND[Role.THERAPIST])).scalars())


def is_enabled(session: Session, person_id: int, exercise: str) -> bool:
    return any(row.exercise == exercise for row in _enablements(session, person_id))


# --- the person's consent specific to an exercise ---------------------------------------------------

def exercise_consent(session: Session, person_id: int, exercise: str) -> ExerciseConsent | None:
    """The consent in force, only while the general consent is in force too."""
    if active_consent(session, person_id) is None:
        return None
    return session.execute(sa.select(ExerciseConsent).where(
        ExerciseConsent.person_id == person_id, ExerciseConsent.exercise == exercise,
        ExerciseConsent.withdrawn_at.is_(None)).order_by(ExerciseConsent.id.desc()).limit(1)).scalar_one_or_none()


def give_exercise_consent(session: Session, person_id: int, exercise: str, sender_id: str | None = None) -> bool:
    """Record it (idempotent while in force); False when the general consent is not in force."""
    if active_consent(session, person_id) is None:
        return False
    if exercise_consent(session, person_id, exercise) is None:
        session.add(ExerciseConsent(person_id=person_id, exercise=exercise, recorded_at=utcnow()))
        session.flush()
        write_audit(session, None, "give_exercise_consent", "person", person_id, detail={"exercise": exercise},
                    sender_id=sender_id)
    return True


def withdraw_exercise_consent(session: Session, person_id: int, exercise: str, sender_id: str | None = None) -> None:
    row = exercise_consent(session, person_id, exercise)
    if row is not None:
        row.withdrawn_at = utcnow()
        write_audit(session, None, "withdraw_exercise_consent", "person", person_id, detail={"exercise": exercise},
                    sender_id=sender_id)


# --- who is asking, from the chat -------------------------------------------------------------------

def person_id_for_sender(session: Session, sender_id: str) -> int | None:
    person = person_for_sender(session, sender_id)
    return person.id if person is not None else None


# --- progress between sittings -----------------------------------------------------------------------

def load_progress(session: Session, person_id: int, exercise: str) -> dict[str, Any] | None:
    row = _progress_row(session, person_id, exercise)
    return dict(row.data) if row is not None and isinstance(row.data, dict) else None


def save_progress(session: Session, person_id: int, exercise: str, data: dict[str, Any] | None) -> None:
    """Replace the progress; None removes it (the exercise was completed)."""
    row = _progress_row(session, person_id, exercise)
    if data is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = ExerciseProgress(person_id=person_id, exercise=exercise)
        session.add(row)
    row.data, row.updated_at = dict(data), utcnow()


def _progress_row(session: Session, person_id: int, exercise: str) -> ExerciseProgress | None:
    return session.execute(sa.select(ExerciseProgress).where(
        ExerciseProgress.person_id == person_id, ExerciseProgress.exercise == exercise)).scalar_one_or_none()


def past_harm_told_since(session: Session, person_id: int, exercise: str, since: datetime,
                         category: str = "abuse_or_danger") -> bool:
    """Whether the person told of past harm during `exercise` since `since` (a risk event the
    dialogue recorded by way of the past-event check, on a turn of that exercise)."""
    found = session.execute(
        sa.select(RiskEventRow.id).join(TurnRow, TurnRow.id == RiskEventRow.turn_id)
        .join(Conversation, Conversation.id == RiskEventRow.conversation_id)
        .where(Conversation.person_id == person_id, TurnRow.exercise == exercise,
               RiskEventRow.category == category, RiskEventRow.level.like("%via: past%"),
               RiskEventRow.created_at >= since).limit(1)).first()
    return found is not None


def person_record(session: Session, person_id: int) -> dict[str, Any]:
    """What a person's own export holds of these rows (they go with the person on erasure)."""
    def rows(model: Any) -> list[Any]:
        return list(session.execute(sa.select(model).where(model.person_id == person_id).order_by(model.id)).scalars())

    return {
        "enabled": [{"exercise": r.exercise, "enabled_at": r.enabled_at.isoformat(),
                     "disabled_at": r.disabled_at.isoformat() if r.disabled_at else None}
                    for r in rows(ExerciseEnablement)],
        "consent": [{"exercise": r.exercise, "recorded_at": r.recorded_at.isoformat(),
                     "withdrawn_at": r.withdrawn_at.isoformat() if r.withdrawn_at else None}
                    for r in rows(ExerciseConsent)],
        "progress": {r.exercise: r.data for r in rows(ExerciseProgress)},
    }


__all__ = ["AccessDenied", "ExerciseConsent", "ExerciseEnablement", "ExerciseProgress", "enabled_exercises",
           "exercise_consent", "give_exercise_consent", "is_enabled", "load_progress", "past_harm_told_since",
           "person_id_for_sender", "person_record", "save_progress", "set_enabled", "withdraw_exercise_consent"]
