"""The transcript store's API: every read checks the acting person's role and links, and is audited.

Who may read what:
- therapist: linked clients (people, their sessions, turns, notes, risk events);
- supervisor: linked trainees, likewise;
- anyone: their own data (a client or trainee signed in to the CLI);
- admin: manages people and reads the audit log; does not read transcripts, but carries out a
  person's export or erasure request (audited).
A refused access raises `AccessDenied` (and is audited too); an unknown id raises `NotFound`.
Sessions without consent, or whose consent was withdrawn, are never returned to anyone.
"""
from __future__ import annotations

from datetime import timedelta

from bot.store.views import (
    AuditEntry,
    ConsentRecord,
    ConversationSummary,
    NoteView,
    PairingCode,
    PairingResult,
    Person,
    RiskEventView,
    Role,
    SessionFilter,
    Transcript,
)


class StoreError(Exception):
    """Base of the store's errors; its message is safe to show to the acting person."""


class AccessDenied(StoreError):
    pass


class NotFound(StoreError):
    pass


class InvalidInput(StoreError):
    pass


# --- people and sign-in --------------------------------------------------------------------

def bootstrap_admin(username: str, password: str, display_name: str = "Administrator") -> Person:
    """Create the first admin; refused (AccessDenied) once any admin exists."""
    raise NotImplementedError


def create_person(actor: Person, role: Role, display_name: str, username: str | None = None,
                  password: str | None = None) -> Person:
    """Admin only. Therapists, supervisors and admins need a username and a password (bcrypt)."""
    raise NotImplementedError


def set_password(actor: Person, person_id: int, password: str) -> None:
    """Admin, or the person themself."""
    raise NotImplementedError


def issue_token(actor: Person, person_id: int | None = None) -> str:
    """A new API token (shown once; only its hash is stored). Own token, or admin for anyone."""
    raise NotImplementedError


def revoke_token(actor: Person, token: str) -> None:
    raise NotImplementedError


def authenticate(username: str, password: str) -> Person | None:
    """The person with this username and password, or None (same answer for unknown user)."""
    raise NotImplementedError


def authenticate_token(token: str) -> Person | None:
    raise NotImplementedError


def get_person(actor: Person, person_id: int) -> Person:
    """Audited read of one person (self, linked client/trainee, or admin)."""
    raise NotImplementedError


def list_people(actor: Person, role: Role | None = None) -> list[Person]:
    """Therapist: linked clients; supervisor: linked trainees; admin: everyone; others: themself."""
    raise NotImplementedError


def deactivate_person(actor: Person, person_id: int) -> None:
    """Admin only: the person can no longer sign in (their data stays until erased)."""
    raise NotImplementedError


# --- pairing ---------------------------------------------------------------------------------

def issue_pairing_code(actor: Person, ttl: timedelta = timedelta(hours=24)) -> PairingCode:
    """Therapist (links a client) or supervisor (links a trainee): a one-time, expiring code."""
    raise NotImplementedError


def redeem_pairing_code(code: str, sender_id: str) -> PairingResult:
    """Called by the chat action when someone types a code: links the chat's person (created if
    needed) to the issuer. Single use; expired, used or unknown codes give ok=False and a reason."""
    raise NotImplementedError


def unlink(actor: Person, person_id: int) -> None:
    """A therapist/supervisor ends their link with a client/trainee; admin may end any link."""
    raise NotImplementedError


# --- sessions, transcripts, notes, risk --------------------------------------------------------

def list_conversations(actor: Person, filters: SessionFilter = SessionFilter()) -> list[ConversationSummary]:
    """Sessions the actor may review, newest first."""
    raise NotImplementedError


def get_transcript(actor: Person, conversation_id: int, purpose: str = "view") -> Transcript:
    """One session, every turn with annotations, SUDS, risk events and notes.

    purpose: "view" or "export" (written to the audit row: exports call with "export").
    """
    raise NotImplementedError


def person_history(actor: Person, person_id: int, purpose: str = "view") -> list[Transcript]:
    """Every reviewable session of one person, oldest first (for whole-history exports)."""
    raise NotImplementedError


def add_note(actor: Person, turn_id: int, text: str) -> NoteView:
    """A therapist's/supervisor's note on a turn of a linked person's session (encrypted)."""
    raise NotImplementedError


def list_risk_events(actor: Person, unacknowledged_only: bool = False,
                     person_id: int | None = None) -> list[RiskEventView]:
    """Flagged risk events of the people the actor may review, newest first."""
    raise NotImplementedError


def acknowledge_risk_event(actor: Person, event_id: int, note: str | None = None) -> RiskEventView:
    raise NotImplementedError


def audit_log(actor: Person, limit: int = 200, actor_id: int | None = None,
              target_type: str | None = None) -> list[AuditEntry]:
    """Admin: everything; anyone else: their own actions. Newest first."""
    raise NotImplementedError


def record_audit(actor: Person | None, action: str, target_type: str, target_id: int | None,
                 detail: dict | None = None) -> None:
    """For callers that do something auditable outside the repository (e.g. writing an export
    file: action="export_file", detail={"format": "pdf"}). Detail must not hold transcript text."""
    raise NotImplementedError


# --- consent, export, erasure (chat and CLI) ----------------------------------------------------

def record_consent(sender_id: str, given: bool, notice_version: str | None = None) -> ConsentRecord | None:
    """Normally the tracker store records consent from the `consent_given` slot; this is the same
    operation for callers outside the dialogue. Withdrawing removes the person's sessions."""
    raise NotImplementedError


def consent_history(actor: Person, person_id: int) -> list[ConsentRecord]:
    raise NotImplementedError


def export_person_data(sender_id: str) -> dict:
    """Everything stored about the chat's person, as JSON-ready dict (chat "export my data")."""
    raise NotImplementedError


def export_person(actor: Person, person_id: int) -> dict:
    """The same for the CLI: the person themself, or an admin carrying out their request."""
    raise NotImplementedError


def erase_person(sender_id: str) -> bool:
    """Chat "erase my data": removes the person, every session, turn, annotation, note, risk
    event, consent record, and Rasa's own events for all their sender ids. Audit rows stay (they
    hold no text). Returns False when nothing was stored for this sender."""
    raise NotImplementedError


def erase_person_by(actor: Person, person_id: int) -> None:
    """The same for the CLI: the person themself or an admin."""
    raise NotImplementedError


def rotate_key(old: str, new: str) -> int:
    """Re-encrypt every encrypted value from key `old` to key `new`; returns values rewritten."""
    raise NotImplementedError

