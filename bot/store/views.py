"""What the transcript store hands out: plain, frozen, decrypted views.

The review CLI and the exports consume only these (never ORM rows), so they cannot lazily load
data the acting person was not authorised to read, and they never see ciphertext.
Timestamps are timezone-aware UTC datetimes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Mapping


class Role(str, Enum):
    CLIENT = "client"
    TRAINEE = "trainee"
    THERAPIST = "therapist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Speaker(str, Enum):
    USER = "user"
    BOT = "bot"


def _plain(value: Any) -> Any:
    """asdict() keeps enums and datetimes; JSON wants strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _View:
    def to_dict(self) -> dict:
        """JSON-ready dict (enums as values, datetimes as ISO 8601 strings)."""
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Person(_View):
    """Someone known to Attune. `username` is None for chat-only people (clients, trainees)."""

    id: int
    role: Role
    display_name: str
    username: str | None
    created_at: datetime
    active: bool = True


@dataclass(frozen=True)
class PairingCode(_View):
    """A one-time code issued by a therapist (links a client) or a supervisor (links a trainee).

    `code` is shown once, to the issuer; the store keeps only its hash.
    """

    code: str
    kind: str  # "therapist_client" | "supervisor_trainee"
    issuer_id: int
    expires_at: datetime


@dataclass(frozen=True)
class PairingResult(_View):
    """What happened when someone typed a code in the chat. `reason` is for logs and the bot's choice
    of reply: "linked", "already_linked", "unknown_code", "expired", "used", "invalid_input"."""

    ok: bool
    reason: str
    kind: str | None = None
    issuer_name: str | None = None


@dataclass(frozen=True)
class ConsentRecord(_View):
    """One consent decision. `withdrawn_at` is set when consent given here was later withdrawn."""

    id: int
    person_id: int
    notice_version: str
    given: bool
    recorded_at: datetime
    withdrawn_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.given and self.withdrawn_at is None


@dataclass(frozen=True)
class EvidenceView(_View):
    """A quoted span of the turn's text (character offsets into it) and why it counted."""

    start: int
    end: int
    text: str
    marker: str
    explanation: str


@dataclass(frozen=True)
class AnnotationView(_View):
    """An analysis of a user turn, as the dialogue recorded it in the `turn_annotation` slot.

    kind: the exercise's name; `result` is the exercise's detail (with the annotation's evidence);
    `evidence` gathers every evidence span found anywhere in it (for highlighting);
    `scores` holds the annotation's named scores, declared by its exercise with a label, a scale
    and an audience (bot/exercises/contract.py, ScoreSpec), e.g. {"rf_estimate": 5}.
    """

    id: int
    turn_id: int
    kind: str
    result: dict
    evidence: tuple[EvidenceView, ...]
    scores: dict
    created_at: datetime


@dataclass(frozen=True)
class SudsView(_View):
    id: int
    conversation_id: int
    turn_id: int | None
    value: float
    exercise: str | None
    step: str | None
    measured_at: datetime


@dataclass(frozen=True)
class RiskEventView(_View):
    """A flagged risk event. source: "nlu" (the NLU risk component flagged the message) or
    "dialogue" (the `risk_event` slot); one event per user turn, the dialogue's fields win."""

    id: int
    conversation_id: int
    turn_id: int | None
    person_id: int
    person_name: str
    source: str
    category: str | None
    severity: str | None
    level: str | None
    evidence: tuple[EvidenceView, ...]
    created_at: datetime
    acknowledged_by: int | None = None
    acknowledged_by_name: str | None = None
    acknowledged_at: datetime | None = None
    acknowledgement_note: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True)
class NoteView(_View):
    id: int
    turn_id: int
    author_id: int | None
    author_name: str | None
    text: str
    created_at: datetime


@dataclass(frozen=True)
class Turn(_View):
    """One user or bot message, in conversation order (`seq` from 1)."""

    id: int
    conversation_id: int
    seq: int
    speaker: Speaker
    text: str
    intent: str | None
    exercise: str | None
    step: str | None
    created_at: datetime
    annotations: tuple[AnnotationView, ...] = ()
    suds: tuple[SudsView, ...] = ()
    risk_events: tuple[RiskEventView, ...] = ()
    notes: tuple[NoteView, ...] = ()


@dataclass(frozen=True)
class ConversationSummary(_View):
    """One Rasa conversation session of one person, for lists and filters."""

    id: int
    person_id: int
    person_name: str
    started_at: datetime
    last_activity_at: datetime
    turn_count: int
    exercises: tuple[str, ...]
    risk_event_count: int
    unacknowledged_risk_count: int
    scores: Mapping[str, tuple[float, ...]] = field(default_factory=dict)  # score name -> values in turn order
    suds_values: tuple[float, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.risk_event_count > 0


@dataclass(frozen=True)
class Transcript(_View):
    """A whole session: who, the consent that covers it, every turn with its annotations."""

    conversation: ConversationSummary
    person: Person
    consent: ConsentRecord | None
    turns: tuple[Turn, ...]
    suds: tuple[SudsView, ...] = ()  # every SUDS measure of the session, in order


@dataclass(frozen=True)
class SessionFilter:
    """Filters for `list_conversations`; None means "any". Dates are inclusive UTC bounds."""

    person_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    exercise: str | None = None
    flagged_only: bool = False


@dataclass(frozen=True)
class AuditEntry(_View):
    """Who did what to which record, when. Never holds transcript text."""

    id: int
    actor_id: int | None
    actor_label: str  # "therapist:3", "chat:<sender>" or "system"
    action: str  # view, list, export, note, acknowledge, erase, withdraw_consent, ...
    target_type: str  # person, conversation, turn, risk_event, key, ...
    target_id: int | None
    at: datetime
    detail: dict = field(default_factory=dict)
