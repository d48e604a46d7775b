"""Projection of Rasa-shaped events into transcripts: odd input is kept exactly or skipped clearly."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.store import db
from bot.store import repository as repo
from bot.store.testing import bot, record_events, session_start, slot, user
from bot.store.views import Role

ODD_TEXTS = [
    "x" * 20_000,
    "🙂🙃😢",
    "Ich habe Angst, dass sie wütend ist",
    "<script>alert('x')</script> **bold** =cmd|' /C calc'!A0",
    "tab\there\x00nul\x1b[31mred",
    "'; DROP TABLE turns; --",
]


def _count(table: str) -> int:
    with db.get_engine().connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def _me(sender: str):
    admin = repo.bootstrap_admin("admin", "a good long password")
    therapist = repo.create_person(admin, Role.THERAPIST, "Dr T", "drt", "a good long password")
    assert repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, sender).ok
    return therapist


def test_any_text_is_kept_exactly(store_url):
    therapist = _me("odd")
    record_events("odd", [*session_start(), user("yes"), slot("consent_given", True),
                          *[user(text) for text in ODD_TEXTS]])
    [summary] = repo.list_conversations(therapist)
    texts = [t.text for t in repo.get_transcript(therapist, summary.id).turns]
    assert texts == ["yes", *ODD_TEXTS]


def test_events_without_readable_content_are_skipped(store_url):
    therapist = _me("skip")
    record_events("skip", [
        *session_start(), user("yes"), slot("consent_given", "yes"),
        {"event": "bot", "timestamp": 1.0, "text": None, "data": {"buttons": [{"title": "OK"}]}},
        user("   "), slot("suds", 11), slot("suds", "lots"), slot("suds", None), slot("suds", "3"),
        slot("turn_annotation", "not a dict"), slot("risk_event", ["not", "a", "dict"]),
        {"event": "rewind", "timestamp": 2.0}, {"event": "followup", "name": "x"}, {"event": "no_such_event"},
        user("fine", attune_risk={"flagged": False, "level": "none", "findings": []}),
    ])
    [summary] = repo.list_conversations(therapist)
    transcript = repo.get_transcript(therapist, summary.id)
    assert [t.text for t in transcript.turns] == ["yes", "fine"]
    assert [s.value for s in transcript.suds] == [3.0]
    assert _count("annotations") == 0 and _count("risk_events") == 0


def test_annotation_before_any_user_turn_is_dropped_not_misplaced(store_url):
    therapist = _me("early")
    record_events("early", [*session_start(), user("yes"), slot("consent_given", True)])
    record_events("early", [*session_start(), slot("turn_annotation", {"kind": "mentalizing", "result": {}}),
                            bot("Welcome back")])
    sessions = repo.list_conversations(therapist)
    assert [s.turn_count for s in sessions] == [1, 1]
    assert _count("annotations") == 0


def test_a_sender_that_never_consents_gets_no_person_and_no_rows(store_url):
    record_events("stranger", [*session_start(), user("hello"), bot("hi"), slot("consent_given", False)])
    assert (_count("people"), _count("conversations"), _count("consent_records")) == (0, 0, 0)


def test_expired_unconsented_sessions_are_purged_on_request(store_url):
    record_events("gone", [*session_start(), user("a secret I never agreed to keep"), bot("ok")])
    assert repo.purge_expired_sessions() == 0  # not expired yet
    # Rasa's action_session_start closes the (empty) session before: it went when the session began.
    assert _count("rasa_events") == 3
    assert repo.purge_expired_sessions(timedelta(0)) == 3
    assert _count("rasa_events") == 0
