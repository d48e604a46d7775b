"""Transcript store figures: what encryption and projection add to each Rasa save (side by side
with Rasa's own SQLTrackerStore on the same backend), and review reads over 100 sessions.

SQLite always; PostgreSQL too when ATTUNE_TEST_POSTGRES_URL's server answers.
"""
from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

SESSIONS = 100  # for the review reads
SAVED_SESSIONS = 10  # saved message by message through both tracker stores, for the comparison
MESSAGES_PER_SESSION = 10


def _domain():
    from rasa.shared.core.domain import Domain

    return Domain.from_yaml("""
version: "3.1"
intents: [inform]
slots:
  consent_given: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  turn_annotation: {type: any, influence_conversation: false, mappings: [{type: custom}]}
  suds: {type: float, influence_conversation: false, mappings: [{type: custom}]}
""")


def _message_events(i: int):
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    text = f"When my partner went quiet at dinner {i} I wondered if she felt let down"
    annotation = {"kind": "mentalizing", "result": {"rf_estimate": 5, "markers": [
        {"family": "other_mind", "evidence": {"start": 60, "end": 67, "text": "let down",
                                              "marker": "other_mind", "explanation": "her feeling"}}]}}
    return [UserUttered(text, {"name": "inform", "confidence": 0.9}), SlotSet("turn_annotation", annotation),
            BotUttered("What do you imagine was going on for her?")]


async def _chat(store, sender: str, messages: int) -> list[float]:
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                  UserUttered("yes", {"name": "affirm", "confidence": 1.0}), SlotSet("consent_given", True)]:
        tracker.update(event)
    await store.save(tracker)
    timings = []
    for i in range(messages):
        tracker = await store.retrieve(sender)
        for event in _message_events(i):
            tracker.update(event)
        start = time.perf_counter()
        await store.save(tracker)
        timings.append(time.perf_counter() - start)
    return timings


def _bench_backend(backend: str, workdir: Path) -> None:
    from sqlalchemy.engine import make_url
    from rasa.core.tracker_store import SQLTrackerStore

    from attune_rasa.tracker_store import AttuneTrackerStore
    from bot.store import repository as repo
    from bot.store.testing import fresh_database, record_events, session_start, slot, user
    from bot.store.views import Role

    with fresh_database(backend, workdir) as url:
        domain = _domain()
        attune = AttuneTrackerStore(domain=domain)
        parsed = make_url(url)
        rasa_store = SQLTrackerStore(domain=domain, dialect=parsed.drivername, host=parsed.host, port=parsed.port,
                                     db=parsed.database, username=parsed.username)
        admin = repo.bootstrap_admin("admin", "bench password 1")
        therapist = repo.create_person(admin, Role.THERAPIST, "Dr Bench", "bench", "bench password 1")
        ours, theirs = [], []
        for n in range(SAVED_SESSIONS):
            sender = f"bench-{n}"
            repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, sender)
            ours += asyncio.run(_chat(attune, sender, MESSAGES_PER_SESSION))
            theirs += asyncio.run(_chat(rasa_store, f"rasa-{n}", MESSAGES_PER_SESSION))
        start = time.perf_counter()
        for n in range(SAVED_SESSIONS, SESSIONS):  # the rest in one save per session, same projection
            sender = f"bench-{n}"
            repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, sender)
            record_events(sender, [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                                   *[e.as_dict() for i in range(MESSAGES_PER_SESSION) for e in _message_events(i)]])
        fill = time.perf_counter() - start
        ms = lambda xs: 1000 * statistics.median(xs)  # noqa: E731
        print(f"\n{backend}: {SAVED_SESSIONS} sessions x {MESSAGES_PER_SESSION} messages saved message by message "
              f"through each store; {SESSIONS - SAVED_SESSIONS} more stored a session per save in {fill:.1f} s")
        print(f"  save per message, median: AttuneTrackerStore {ms(ours):.1f} ms (encrypt + project)  |  "
              f"Rasa SQLTrackerStore {ms(theirs):.1f} ms  |  ratio {ms(ours) / ms(theirs):.2f}x")
        print(f"  save per message, p95:    AttuneTrackerStore {1000 * sorted(ours)[int(.95 * len(ours))]:.1f} ms  |  "
              f"Rasa SQLTrackerStore {1000 * sorted(theirs)[int(.95 * len(theirs))]:.1f} ms")
        start = time.perf_counter()
        sessions = repo.list_conversations(therapist)
        listed = time.perf_counter() - start
        start = time.perf_counter()
        transcripts = [repo.get_transcript(therapist, s.id) for s in sessions]
        read = time.perf_counter() - start
        turns = sum(len(t.turns) for t in transcripts)
        print(f"  list {len(sessions)} sessions: {1000 * listed:.0f} ms;  read all {len(transcripts)} transcripts "
              f"({turns} turns, decrypted, audited): {read:.2f} s ({1000 * read / len(transcripts):.1f} ms each)")


def run() -> None:
    from bot.store.testing import postgres_unavailable_reason

    with tempfile.TemporaryDirectory() as tmp:
        _bench_backend("sqlite", Path(tmp))
        reason = postgres_unavailable_reason()
        if reason:
            print(f"\npostgresql: skipped ({reason})")
        else:
            _bench_backend("postgresql", Path(tmp))


if __name__ == "__main__":
    run()
