"""The transcript store's API: every read checks the acting person's role and links, and is audited.

Who may read what:
- therapist: linked clients (people, their sessions, turns, notes, risk events);
- supervisor: linked trainees, and of their sessions only the simulated practice (bot/store/access.py,
  `read_scope`: listing, reading, exports, charts, notes and risk events all follow it);
- anyone: their own data (a client or trainee signed in to the CLI), except risk events;
- admin: manages people and reads the audit log; does not read transcripts, but carries out a
  person's export or erasure request (audited).
A refused access raises `AccessDenied` (and is audited too). An unknown conversation, turn or risk
event id is refused the same way, so ids reveal nothing; an unknown person id raises `NotFound`
for admins. Bad input raises `InvalidInput`. All three derive from `StoreError`, whose message
is safe to show.
Sessions without consent, or whose consent was withdrawn, are never stored, so never returned.
"""
from __future__ import annotations

# The store's API by concern (people and sign-in, pairing, reading for review, a person's rights
# over their data, maintenance), gathered here so callers import one module.
from bot.store.access import AccessDenied, InvalidInput, NotFound, StoreError
from bot.store.maintenance import (
    catch_up_projection,
    purge_expired_sessions,
    rotate_key,
)
from bot.store.pairing import (
    MAX_FAILED_PAIRINGS_PER_HOUR,
    issue_pairing_code,
    link_by_admin,
    normalise_code,
    redeem_pairing_code,
    unlink,
)
from bot.store.reading import (
    acknowledge_risk_event,
    add_note,
    audit_log,
    get_transcript,
    list_conversations,
    list_risk_events,
    person_history,
    record_audit,
)
from bot.store.rights import (
    consent_history,
    erase_person,
    erase_person_by,
    export_person,
    export_person_data,
    record_consent,
)
from bot.store.staff import (
    authenticate,
    authenticate_token,
    bootstrap_admin,
    create_person,
    deactivate_person,
    get_person,
    issue_token,
    list_people,
    rename_person,
    revoke_token,
    set_password,
)
from bot.store.views import PairingResult

__all__ = [
    "MAX_FAILED_PAIRINGS_PER_HOUR", "AccessDenied", "InvalidInput", "NotFound", "PairingResult", "StoreError",
    "acknowledge_risk_event", "add_note", "audit_log", "authenticate", "authenticate_token", "bootstrap_admin",
    "catch_up_projection", "consent_history", "create_person", "deactivate_person", "erase_person",
    "erase_person_by", "export_person", "export_person_data", "get_person", "get_transcript", "issue_pairing_code", "issue_token", "link_by_admin",
    "list_conversations", "list_people", "list_risk_events", "normalise_code", "person_history",
    "purge_expired_sessions", "record_audit", "record_consent", "redeem_pairing_code", "rename_person",
    "revoke_token", "rotate_key", "set_password", "unlink",
]
