"""Export speed: 100 annotated sessions of one client, read from a real (SQLite, encrypted) store and
rendered to every format, as one whole-history file and as 100 single-session files.

Each session has 10 turns (5 user, 5 bot), a mentalizing annotation with evidence and a SUDS measure
per user turn, and every tenth session a risk event. Reading (decrypting) is timed apart from
rendering so the two costs can be compared. Figures are printed, never asserted.
"""
from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

SESSIONS = 100
USER_TURNS = 5
TEXT = "When my sister went quiet at dinner I thought she was cross, but maybe she was just tired."


def _annotation(rf: int) -> dict:
    spans = [("I thought", "self_mind"), ("she was cross", "other_mind"), ("maybe", "opacity")]
    markers = [{"family": m, "evidence": {"start": TEXT.index(w), "end": TEXT.index(w) + len(w), "text": w,
                                          "marker": m, "explanation": f"{m} marker"}} for w, m in spans]
    return {"kind": "mentalizing", "result": {"rf_estimate": rf, "markers": markers, "explanation": "bench"}}


def _events(first_day: datetime) -> list[dict]:
    from bot.store.testing import bot, session_start, slot, user

    events: list[dict] = []
    for s in range(SESSIONS):
        t = (first_day + timedelta(days=s)).timestamp()
        events += [*session_start(t), bot("May we keep this session?", t + 1), user("yes", "affirm", t + 2)]
        if s == 0:
            events.append(slot("consent_given", True, t + 3))
        events += [slot("exercise", "mentalizing", t + 4), slot("exercise_step", "other_mind", t + 4)]
        for i in range(USER_TURNS - 1):
            at = t + 10 + i * 10
            events += [bot("What might have been going on for her?", at), user(f"{TEXT} ({s}.{i})", "inform", at + 1),
                       slot("turn_annotation", _annotation(3 + (s + i) % 6), at + 2), slot("suds", float(7 - i), at + 3)]
            if s % 10 == 0 and i == 0:
                events.append(slot("risk_event", {"category": "self_harm", "severity": "medium",
                                                  "level": "possible", "evidence": []}, at + 4))
    return events


def _build_store():
    from bot.store import repository
    from bot.store.testing import record_events
    from bot.store.views import Role

    admin = repository.bootstrap_admin("bench-admin", "bench password 123")
    therapist = repository.create_person(admin, Role.THERAPIST, "Bench Therapist", "bench-t", "bench password 123")
    code = repository.issue_pairing_code(therapist)
    repository.redeem_pairing_code(code.code, "bench-client")
    record_events("bench-client", _events(datetime(2026, 1, 1, 9, tzinfo=timezone.utc)))
    (client,) = repository.list_people(therapist, Role.CLIENT)
    return therapist, client


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def run() -> None:
    from bot.export import FORMATS, render
    from bot.store import repository
    from bot.store.testing import fresh_database

    with tempfile.TemporaryDirectory() as folder, fresh_database("sqlite", Path(folder)):
        (therapist, client), build = _timed(_build_store)
        history, read_all = _timed(lambda: repository.person_history(therapist, client.id, purpose="export"))
        ids = [t.conversation.id for t in history]
        singles, read_each = _timed(lambda: [repository.get_transcript(therapist, i, purpose="export") for i in ids])
        turns = sum(len(t.turns) for t in history)
        print(f"store: {len(history)} sessions, {turns} turns, built in {build:.1f} s (SQLite, encrypted)")
        print(f"read for export: whole history {read_all:.2f} s; 100 single sessions {read_each:.2f} s "
              f"({read_each / len(ids) * 1000:.1f} ms each)\n")
        render(history[:1], "pdf")  # warm-up: font parsing and matplotlib import happen once per process
        print(f"{'format':<7}{'one file (100 sessions)':>26}{'size':>12}{'100 single files':>20}{'per session':>14}")
        for fmt in FORMATS:
            data, whole = _timed(lambda: render(history, fmt))
            _, each = _timed(lambda: [render([t], fmt) for t in singles])
            print(f"{fmt:<7}{whole:>24.2f} s{len(data) / 1024:>9.0f} KiB{each:>18.2f} s{each / len(singles) * 1000:>11.1f} ms")
        print("\n100 single files include a progress chart each in html and pdf (matplotlib); "
              "the one-file exports draw one chart across all sessions.")


if __name__ == "__main__":
    run()
