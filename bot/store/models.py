"""The transcript store's tables (SQLAlchemy 1.4 ORM, 2.0-style usage).

The schema itself is created and changed only by the Alembic migrations in `bot/store/migrations/`;
a test checks that the migrations produce exactly these tables and columns.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base, relationship

from bot.store.crypto import EncryptedText

# Typed as Any: SQLAlchemy 1.4 builds the class at run time, which a type checker cannot follow.
Base: Any = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(sa.types.TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite forgets the zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


CASCADE = {"ondelete": "CASCADE"}


class PersonRow(Base):
    __tablename__ = "people"
    id = sa.Column(sa.Integer, primary_key=True)
    role = sa.Column(sa.String(16), nullable=False, index=True)
    username = sa.Column(sa.String(120), unique=True)
    display_name = sa.Column(EncryptedText, nullable=False)
    password_hash = sa.Column(sa.String(100))
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    token_hash = sa.Column(sa.String(64), nullable=False, unique=True)  # sha256: tokens are random
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    revoked_at = sa.Column(UTCDateTime)


class SenderLink(Base):
    """Which Rasa sender ids belong to which person."""

    __tablename__ = "sender_ids"
    sender_id = sa.Column(sa.String(255), primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    linked_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class CareLink(Base):
    """therapist -> client or supervisor -> trainee."""

    __tablename__ = "care_links"
    __table_args__ = (sa.UniqueConstraint("carer_id", "person_id", name="uq_care_link"),)
    id = sa.Column(sa.Integer, primary_key=True)
    kind = sa.Column(sa.String(32), nullable=False)
    carer_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class PairingCodeRow(Base):
    __tablename__ = "pairing_codes"
    id = sa.Column(sa.Integer, primary_key=True)
    code_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    kind = sa.Column(sa.String(32), nullable=False)
    issuer_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = sa.Column(UTCDateTime, nullable=False)
    redeemed_at = sa.Column(UTCDateTime)
    redeemed_by = sa.Column(sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"))


class Conversation(Base):
    """One Rasa conversation session of one person (only consented sessions get a row)."""

    __tablename__ = "conversations"
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    sender_id = sa.Column(sa.String(255), nullable=False, index=True)
    session_start_event_id = sa.Column(sa.Integer, nullable=False)
    started_at = sa.Column(UTCDateTime, nullable=False)
    last_activity_at = sa.Column(UTCDateTime, nullable=False)
    turns = relationship("TurnRow", order_by="TurnRow.seq", cascade="all, delete-orphan",
                         passive_deletes=True)


class TurnRow(Base):
    __tablename__ = "turns"
    __table_args__ = (sa.UniqueConstraint("conversation_id", "seq", name="uq_turn_seq"),)
    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.Integer, sa.ForeignKey("conversations.id", **CASCADE),
                                nullable=False, index=True)
    seq = sa.Column(sa.Integer, nullable=False)
    speaker = sa.Column(sa.String(8), nullable=False)
    text = sa.Column(EncryptedText, nullable=False)
    intent = sa.Column(sa.String(255))
    exercise = sa.Column(sa.String(64))
    step = sa.Column(sa.String(64))
    created_at = sa.Column(UTCDateTime, nullable=False)
    source_event_id = sa.Column(sa.Integer, nullable=False, unique=True)


class AnnotationRow(Base):
    __tablename__ = "annotations"
    id = sa.Column(sa.Integer, primary_key=True)
    turn_id = sa.Column(sa.Integer, sa.ForeignKey("turns.id", **CASCADE), nullable=False, index=True)
    kind = sa.Column(sa.String(32), nullable=False)
    result = sa.Column(EncryptedText, nullable=False)  # JSON of the analysis: quotes the user's words
    scores = sa.Column(sa.JSON, nullable=False, default=dict)  # numbers only, for charts and filters
    created_at = sa.Column(UTCDateTime, nullable=False)
    source_event_id = sa.Column(sa.Integer, nullable=False, unique=True)


class SudsRow(Base):
    __tablename__ = "suds_measures"
    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.Integer, sa.ForeignKey("conversations.id", **CASCADE),
                                nullable=False, index=True)
    turn_id = sa.Column(sa.Integer, sa.ForeignKey("turns.id", ondelete="SET NULL"))
    value = sa.Column(sa.Float, nullable=False)
    exercise = sa.Column(sa.String(64))
    step = sa.Column(sa.String(64))
    measured_at = sa.Column(UTCDateTime, nullable=False)
    source_event_id = sa.Column(sa.Integer, nullable=False, unique=True)


class RiskEventRow(Base):
    __tablename__ = "risk_events"
    id = sa.Column(sa.Integer, primary_key=True)
    conversation_id = sa.Column(sa.Integer, sa.ForeignKey("conversations.id", **CASCADE),
                                nullable=False, index=True)
    turn_id = sa.Column(sa.Integer, sa.ForeignKey("turns.id", ondelete="SET NULL"), unique=True)
    # The dialogue's id for the event (the `risk_event` slot's "id"): its later outcome updates this row.
    event_key = sa.Column(sa.String(32), index=True)
    source = sa.Column(sa.String(16), nullable=False)
    category = sa.Column(sa.String(64))
    severity = sa.Column(sa.String(64))
    level = sa.Column(sa.String(64))
    evidence = sa.Column(EncryptedText, nullable=False)  # JSON list of Evidence dicts
    created_at = sa.Column(UTCDateTime, nullable=False)
    source_event_id = sa.Column(sa.Integer, nullable=False)
    acknowledged_by = sa.Column(sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"))
    acknowledged_at = sa.Column(UTCDateTime)
    acknowledgement_note = sa.Column(EncryptedText)


class NoteRow(Base):
    __tablename__ = "notes"
    id = sa.Column(sa.Integer, primary_key=True)
    turn_id = sa.Column(sa.Integer, sa.ForeignKey("turns.id", **CASCADE), nullable=False, index=True)
    author_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"))
    text = sa.Column(EncryptedText, nullable=False)
    created_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)


class ConsentRow(Base):
    __tablename__ = "consent_records"
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    notice_version = sa.Column(sa.String(32), nullable=False)
    given = sa.Column(sa.Boolean, nullable=False)
    recorded_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    withdrawn_at = sa.Column(UTCDateTime)


class AuditRow(Base):
    """No foreign keys on purpose: the record of an erasure outlives the erased person."""

    __tablename__ = "audit_log"
    id = sa.Column(sa.Integer, primary_key=True)
    actor_id = sa.Column(sa.Integer, index=True)
    actor_label = sa.Column(sa.String(300), nullable=False)
    action = sa.Column(sa.String(64), nullable=False, index=True)
    target_type = sa.Column(sa.String(32), nullable=False)
    target_id = sa.Column(sa.Integer)
    at = sa.Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    detail = sa.Column(sa.JSON, nullable=False, default=dict)


class RasaEvent(Base):
    """Rasa's own event stream (what SQLTrackerStore keeps), with the event JSON encrypted."""

    __tablename__ = "rasa_events"
    __table_args__ = (sa.Index("ix_rasa_events_sender_type", "sender_id", "type_name"),)
    id = sa.Column(sa.Integer, primary_key=True)
    sender_id = sa.Column(sa.String(255), nullable=False, index=True)
    type_name = sa.Column(sa.String(255), nullable=False)
    timestamp = sa.Column(sa.Float)
    intent_name = sa.Column(sa.String(255))
    action_name = sa.Column(sa.String(255))
    data = sa.Column(EncryptedText, nullable=False)


class Erasure(Base):
    """A sender whose data was erased, by hash: Rasa's in-memory tracker of a live conversation
    still holds the erased events, and the tracker store must not write them back."""

    __tablename__ = "erasures"
    sender_hash = sa.Column(sa.String(64), primary_key=True)
    erased_at = sa.Column(sa.Float, nullable=False)  # Rasa event timestamps are epoch seconds


class ProjectionState(Base):
    """How far each sender's events have been projected into the transcript tables, and the
    dialogue state the projection carries from one save to the next."""

    __tablename__ = "projection_state"
    sender_id = sa.Column(sa.String(255), primary_key=True)
    last_event_id = sa.Column(sa.Integer, nullable=False, default=0)
    session_start_event_id = sa.Column(sa.Integer)  # first event of the current session
    session_consented = sa.Column(sa.Boolean, nullable=False, default=False)
    conversation_id = sa.Column(sa.Integer, sa.ForeignKey("conversations.id", ondelete="SET NULL"))
    exercise = sa.Column(sa.String(64))
    step = sa.Column(sa.String(64))
    last_user_turn_id = sa.Column(sa.Integer, sa.ForeignKey("turns.id", ondelete="SET NULL"))
    last_event_at = sa.Column(UTCDateTime)


class ExerciseEnablement(Base):
    """An exercise a linked therapist enabled for a client (bot/store/exercise_access.py)."""

    __tablename__ = "exercise_enablements"
    __table_args__ = (sa.UniqueConstraint("person_id", "exercise", name="uq_exercise_enablement"),)
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    exercise = sa.Column(sa.String(64), nullable=False)
    enabled_by = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False)
    enabled_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    disabled_at = sa.Column(UTCDateTime)


class ExerciseConsent(Base):
    """A person's consent specific to one exercise, on top of the general consent."""

    __tablename__ = "exercise_consents"
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    exercise = sa.Column(sa.String(64), nullable=False)
    recorded_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
    withdrawn_at = sa.Column(UTCDateTime)


class ExerciseProgress(Base):
    """Where a person is in a multi-sitting exercise: a small JSON value, never answer texts."""

    __tablename__ = "exercise_progress"
    __table_args__ = (sa.UniqueConstraint("person_id", "exercise", name="uq_exercise_progress"),)
    id = sa.Column(sa.Integer, primary_key=True)
    person_id = sa.Column(sa.Integer, sa.ForeignKey("people.id", **CASCADE), nullable=False, index=True)
    exercise = sa.Column(sa.String(64), nullable=False)
    data = sa.Column(sa.JSON, nullable=False, default=dict)
    updated_at = sa.Column(UTCDateTime, nullable=False, default=utcnow)
