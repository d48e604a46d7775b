"""The two writers of a person's rows, raced on real threads: the tracker store saving a live
conversation while an administrator erases the person from another process (the `attune` command).

Rasa's lock store serialises the messages of one conversation, so the erase action can never race
another message of the same sender id; what can race is an erasure from outside the conversation
(the command line, or the same person chatting on a second, linked channel). The rule the store
keeps (docs/architecture.md, "Who writes what"): nothing said before the erasure began survives it,
and nothing said after it finished is lost.
"""
from __future__ import annotations

import asyncio
import random
import threading
import time
from dataclasses import dataclass, field

import pytest
from rasa.shared.core.events import BotUttered, SlotSet

from attune_rasa.tracker_store import AttuneTrackerStore
from bot.store import db, rasa_log
from bot.store import repository as repo
from bot.store.views import Role
from tests.integration.store.test_tracker_store import DOMAIN, PASSWORD, new_session, user

ROUNDS = 6
MESSAGES = 24


@dataclass
class Said:
    text: str
    created: float  # time.monotonic() when the message was made, before its save began


@dataclass
class Race:
    said: list[Said] = field(default_factory=list)
    erase_began: float = 0.0
    erase_ended: float = 0.0
    errors: list[BaseException] = field(default_factory=list)


def _chat_until_done(store: AttuneTrackerStore, sender: str, race: Race, halfway: threading.Event,
                     seed: int) -> None:
    """What Rasa does per message, MESSAGES times: retrieve, append, save (with a little jitter)."""
    jitter = random.Random(seed)

    async def one(i: int) -> None:
        tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
        text = f"message {i} of {sender}"
        race.said.append(Said(text, time.monotonic()))
        tracker.update(user(text))
        tracker.update(BotUttered(f"reply {i}"))
        await store.save(tracker)

    try:
        for i in range(MESSAGES):
            asyncio.run(one(i))
            if i == MESSAGES // 3:
                halfway.set()
            time.sleep(jitter.uniform(0, 0.004))
    except BaseException as error:  # noqa: BLE001 - reported by the test below
        race.errors.append(error)
        halfway.set()


def _erase_when_halfway(admin, person_id: int, race: Race, halfway: threading.Event, seed: int) -> None:
    halfway.wait(timeout=60)
    time.sleep(random.Random(seed).uniform(0, 0.01))
    try:
        race.erase_began = time.monotonic()
        repo.erase_person_by(admin, person_id)
        race.erase_ended = time.monotonic()
    except BaseException as error:  # noqa: BLE001
        race.errors.append(error)


def _stored_user_texts(sender: str) -> list[str]:
    with db.unit_of_work() as session:
        events = rasa_log.load_events(session, sender, all_sessions=True)
    return [e["text"] for e in events if e.get("event") == "user"]


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_an_erasure_racing_a_live_conversation_keeps_nothing_before_and_loses_nothing_after(store_url, seed):
    store = AttuneTrackerStore(domain=DOMAIN)
    admin = repo.bootstrap_admin("admin", PASSWORD)
    therapist = repo.create_person(admin, Role.THERAPIST, "Dr Ada", f"ada{seed}", PASSWORD)
    sender = f"web-race-{seed}"
    assert repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, sender).ok
    _consent(store, sender)
    [person] = repo.list_people(therapist)

    race, halfway = Race(), threading.Event()
    chat = threading.Thread(target=_chat_until_done, args=(store, sender, race, halfway, seed))
    erase = threading.Thread(target=_erase_when_halfway, args=(admin, person.id, race, halfway, seed))
    chat.start()
    erase.start()
    chat.join(timeout=120)
    erase.join(timeout=120)

    assert not race.errors, race.errors
    assert race.erase_ended > race.erase_began > 0
    stored = set(_stored_user_texts(sender))
    before = [s.text for s in race.said if s.created < race.erase_began]
    after = [s.text for s in race.said if s.created > race.erase_ended]
    assert before and after, "the erasure did not fall inside the conversation; the race was not run"
    survived = stored & ({"hello", "yes"} | set(before))
    assert not survived, f"said before the erasure, and still stored: {sorted(survived)}"
    lost = set(after) - stored
    assert not lost, f"said after the erasure, and lost: {sorted(lost)}"
    assert repo.list_conversations(therapist) == []


def _consent(store: AttuneTrackerStore, sender: str) -> None:
    async def go() -> None:
        tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
        for event in [*new_session(), user("hello"), BotUttered("May I keep a record?"),
                      user("yes", "affirm"), SlotSet("consent_given", True)]:
            tracker.update(event)
        await store.save(tracker)
    asyncio.run(go())
