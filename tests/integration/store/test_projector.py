"""Deferred projection: the tracker store stores events only, the projector (bot/store/projector.py)
turns them into transcript rows, and every reader catches up first. On SQLite and PostgreSQL, with
real Rasa trackers, real threads and no mocks.
"""
from __future__ import annotations

import threading
import time

import pytest
from rasa.shared.core.events import BotUttered, SlotSet

from attune_rasa.tracker_store import AttuneTrackerStore
from bot.settings import get_settings
from bot.store import projector
from bot.store import repository as repo
from bot.store.views import Role, Speaker
from tests.integration.store.test_tracker_store import (
    DOMAIN, PASSWORD, Chat, consented_chat, count, link, new_session, user,
)

PEOPLE = 4
MESSAGES = 12


@pytest.fixture
def deferred(store_url, monkeypatch):
    monkeypatch.setenv("ATTUNE_PROJECTION", "deferred")
    get_settings.cache_clear()
    yield AttuneTrackerStore(domain=DOMAIN)
    get_settings.cache_clear()


@pytest.fixture
def therapist(deferred):
    admin = repo.bootstrap_admin("admin", PASSWORD)
    return repo.create_person(admin, Role.THERAPIST, "Dr Ada", "ada", PASSWORD)


def wait_for(condition, what: str, limit_s: float = 120.0) -> None:
    """Wait while the projector works; a generous limit only so that a broken one fails, not hangs."""
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what} after {limit_s} s"
        time.sleep(0.05)


@pytest.fixture
def running_projector(deferred, store_url):
    stop = threading.Event()
    thread = threading.Thread(target=projector.follow, args=(stop, store_url), kwargs={"poll_s": 0.02})
    thread.start()
    yield
    stop.set()
    thread.join(timeout=60)
    assert not thread.is_alive()


def test_a_deferred_save_stores_the_events_and_leaves_the_rows_to_the_projector(deferred):
    assert get_settings().projection == "deferred" and not deferred.project_on_save
    consented_chat(deferred)
    assert count("rasa_events") > 0
    assert count("turns") == 0


def test_readers_catch_up_before_they_read(deferred, therapist):
    link(therapist, "web-1")
    consented_chat(deferred)
    [summary] = repo.list_conversations(therapist)
    turns = repo.get_transcript(therapist, summary.id).turns
    assert [(t.speaker, t.text) for t in turns] == [
        (Speaker.USER, "hello"), (Speaker.BOT, "Hi. May I keep a record of our conversation?"),
        (Speaker.USER, "yes, that's fine"), (Speaker.BOT, "Thank you.")]
    assert repo.export_person_data("web-1")["conversations"][0]["turns"][0]["text"] == "hello"


def test_the_projector_keeps_up_with_people_talking_at_once(deferred, therapist, running_projector):
    """Several people talk on their own threads while the projector runs and a reader reads: every
    turn arrives once, in order, and nothing is left behind."""
    errors: list[BaseException] = []

    def talk(sender: str) -> None:
        try:
            link(therapist, sender)
            chat = consented_chat(deferred, sender)
            for i in range(MESSAGES):
                chat.say(user(f"{sender} says {i}"), SlotSet("suds", float(i % 10)), BotUttered(f"reply {i} to {sender}"))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    senders = [f"web-{n}" for n in range(PEOPLE)]
    threads = [threading.Thread(target=talk, args=(s,)) for s in senders]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        repo.list_conversations(therapist)  # a reader catching up while the projector and saves run
        time.sleep(0.01)
    for thread in threads:
        thread.join()
    assert not errors, errors

    per_person = 4 + 2 * MESSAGES
    wait_for(lambda: count("turns") == PEOPLE * per_person, "every turn to be projected")
    for summary in repo.list_conversations(therapist):
        transcript = repo.get_transcript(therapist, summary.id)
        texts = [t.text for t in transcript.turns]
        assert [t.seq for t in transcript.turns] == list(range(1, per_person + 1))
        who = texts[4].split(" says ")[0]
        assert texts[4::2] == [f"{who} says {i}" for i in range(MESSAGES)]
        assert [s.value for t in transcript.turns for s in t.suds] == [float(i % 10) for i in range(MESSAGES)]
    assert count("turns") == PEOPLE * per_person  # the reads above added nothing twice


def test_the_projector_picks_up_a_conversation_that_starts_after_it(deferred, store_url, running_projector):
    chat = Chat(deferred, "late-1")
    chat.say(*new_session(), user("hello"), BotUttered("Hi. May I keep a record?"))
    chat.say(user("yes", "affirm"), SlotSet("consent_given", True), BotUttered("Thank you."))
    wait_for(lambda: count("turns") == 4, "the late conversation's turns")
    assert count("conversations") == 1


def test_the_projection_setting_is_checked(monkeypatch):
    monkeypatch.setenv("ATTUNE_PROJECTION", "sometimes")
    get_settings.cache_clear()
    try:
        with pytest.raises(ValueError, match="ATTUNE_PROJECTION must be one of inline, deferred"):
            get_settings()
    finally:
        monkeypatch.delenv("ATTUNE_PROJECTION")
        get_settings.cache_clear()


def test_saves_still_work_when_no_projector_runs(deferred, therapist):
    """A deferred store with no projector (e.g. the Rasa server started by hand): nothing is lost,
    the rows appear at the first read."""
    link(therapist, "web-1")
    chat = consented_chat(deferred)
    for i in range(3):
        chat.say(user(f"answer {i}"), BotUttered(f"reply {i}"))
    assert count("turns") == 0
    [summary] = repo.list_conversations(therapist)
    assert len(repo.get_transcript(therapist, summary.id).turns) == 10
