"""AttuneTrackerStore fed real Rasa trackers and events, on SQLite and PostgreSQL.

Each `say()` does what Rasa's MessageProcessor does per message: retrieve the tracker from the
store (or create it), append the new events, save.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered,
)

from attune_rasa.tracker_store import AttuneTrackerStore
from bot.store import consent, db, projection
from bot.store import repository as repo
from bot.store.views import Role, Speaker

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, affirm, deny, inform]
slots:
  consent_given: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  suds: {type: float, influence_conversation: false, mappings: [{type: custom}]}
  risk_event: {type: any, influence_conversation: false, mappings: [{type: custom}]}
  turn_annotation: {type: any, influence_conversation: false, mappings: [{type: custom}]}
  exercise: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  exercise_step: {type: text, influence_conversation: false, mappings: [{type: custom}]}
""")
PASSWORD = "a long enough password"
SISTER = "I think my sister went quiet because she felt hurt when I cancelled"
ANNOTATION = {"kind": "mentalizing", "result": {
    "rf_estimate": 5, "language_supported": True,
    "markers": [{"family": "other_mind", "evidence": {"start": 39, "end": 49, "text": "felt hurt",
                                                       "marker": "other_mind", "explanation": "her feeling"}}],
    "failure_modes": [], "explanation": "names her feeling and a reason"}}
NLU_RISK = {"flagged": True, "level": "high", "language_supported": True, "set_aside": [], "findings": [
    {"category": "suicidal_ideation", "severity": 3, "level": "high", "explanation": "wish to be dead",
     "qualifiers": [], "evidence": [{"start": 2, "end": 19, "text": "want to disappear", "marker": "passive_wish",
                                     "explanation": "a wish not to exist"}]}]}


def run(coro):
    return asyncio.run(coro)


def user(text: str, intent: str = "inform", **parse_extra) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.93},
                       parse_data={"intent": {"name": intent, "confidence": 0.93}, "entities": [],
                                   "text": text, **parse_extra})


def new_session(*carried: SlotSet) -> list:
    return [ActionExecuted("action_session_start"), SessionStarted(), *carried, ActionExecuted("action_listen")]


class Chat:
    def __init__(self, store: AttuneTrackerStore, sender: str) -> None:
        self.store, self.sender = store, sender

    def say(self, *events) -> None:
        async def _go():
            tracker = await self.store.get_or_create_tracker(self.sender, append_action_listen=False)
            for event in events:
                tracker.update(event)
            await self.store.save(tracker)
        run(_go())

    def tracker(self):
        return run(self.store.retrieve(self.sender))


@pytest.fixture
def store(store_url):
    return AttuneTrackerStore(domain=DOMAIN)


@pytest.fixture
def therapist(store):
    admin = repo.bootstrap_admin("admin", PASSWORD)
    return repo.create_person(admin, Role.THERAPIST, "Dr Ada", "ada", PASSWORD)


def link(therapist, sender: str) -> None:
    assert repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, sender).ok


def consented_chat(store, sender="web-1") -> Chat:
    chat = Chat(store, sender)
    chat.say(*new_session(), user("hello"), BotUttered("Hi. May I keep a record of our conversation?"))
    chat.say(user("yes, that's fine", "affirm"), SlotSet("consent_given", True), BotUttered("Thank you."))
    return chat


def count(table: str) -> int:
    with db.get_engine().connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def stored_text(url: str) -> str:
    """Every value of every table (and, for SQLite, the raw file bytes) as one string."""
    engine = db.get_engine(url)
    parts = []
    with engine.connect() as conn:
        for table in sa.inspect(engine).get_table_names():
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                parts.append(repr(tuple(row)))
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        for file in path.parent.glob(path.name + "*"):  # the database, its WAL and shared memory
            parts.append(file.read_bytes().decode("latin-1"))
    return "\n".join(parts)


def test_conversation_shows_up_turn_by_turn_with_annotations(store, therapist):
    link(therapist, "web-1")
    chat = consented_chat(store)
    chat.say(SlotSet("exercise", "mentalizing"), SlotSet("exercise_step", "other_mind"),
             BotUttered("What might have been going on for her?"))
    chat.say(user(SISTER), SlotSet("turn_annotation", ANNOTATION), BotUttered("You noticed her hurt."))
    chat.say(user("I want to disappear", "inform", attune_risk=NLU_RISK),
             SlotSet("risk_event", {"category": "suicidal_ideation", "severity": 3, "level": "high",
                                    "evidence": NLU_RISK["findings"][0]["evidence"]}),
             BotUttered("Thank you for telling me. Are you safe right now?"))
    chat.say(user("6"), SlotSet("suds", 6.0), BotUttered("Thanks."))

    [summary] = repo.list_conversations(therapist)
    transcript = repo.get_transcript(therapist, summary.id)
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        (Speaker.USER, "hello"), (Speaker.BOT, "Hi. May I keep a record of our conversation?"),
        (Speaker.USER, "yes, that's fine"), (Speaker.BOT, "Thank you."),
        (Speaker.BOT, "What might have been going on for her?"),
        (Speaker.USER, SISTER), (Speaker.BOT, "You noticed her hurt."),
        (Speaker.USER, "I want to disappear"), (Speaker.BOT, "Thank you for telling me. Are you safe right now?"),
        (Speaker.USER, "6"), (Speaker.BOT, "Thanks."),
    ]
    assert [t.seq for t in transcript.turns] == list(range(1, 12))
    assert transcript.turns[2].intent == "affirm" and transcript.turns[1].intent is None
    assert [(t.exercise, t.step) for t in transcript.turns[3:6]] == [
        (None, None), ("mentalizing", "other_mind"), ("mentalizing", "other_mind")]
    [annotation] = transcript.turns[5].annotations
    assert annotation.kind == "mentalizing" and annotation.result == ANNOTATION["result"]
    assert annotation.scores == {"rf_estimate": 5}
    assert [(e.text, e.marker) for e in annotation.evidence] == [("felt hurt", "other_mind")]
    [risk] = transcript.turns[7].risk_events  # the NLU flag and the dialogue's event are one event
    assert (risk.source, risk.category, risk.severity, risk.level) == ("dialogue", "suicidal_ideation", "3", "high")
    assert [e.text for e in risk.evidence] == ["want to disappear"]
    assert [s.value for s in transcript.turns[9].suds] == [6.0]
    assert summary.scores["rf_estimate"] == (5,) and summary.suds_values == (6.0,) and summary.flagged
    assert transcript.consent.active and transcript.consent.notice_version == "1"
    assert [r.id for r in repo.list_risk_events(therapist)] == [risk.id]


def test_saving_the_same_tracker_twice_writes_nothing_twice(store):
    chat = consented_chat(store)
    tracker = chat.tracker()
    tracker.update(user(SISTER))
    tracker.update(SlotSet("turn_annotation", ANNOTATION))
    tracker.update(SlotSet("suds", 4.0))
    run(store.save(tracker))
    counts = {t: count(t) for t in ("rasa_events", "turns", "annotations", "suds_measures", "consent_records")}
    run(store.save(tracker))
    run(store.save(chat.tracker()))
    with db.unit_of_work() as session:
        assert projection.project_sender(session, "web-1") == 0
    assert {t: count(t) for t in counts} == counts
    assert counts["turns"] == 5 and counts["annotations"] == 1 and counts["suds_measures"] == 1


def test_retrieve_gives_back_rasas_events_of_the_latest_session(store):
    chat = consented_chat(store)
    tracker = chat.tracker()
    assert [e.type_name for e in tracker.events] == [
        "session_started", "action", "user", "bot", "user", "slot", "bot"]
    assert tracker.get_slot("consent_given") is True
    assert tracker.latest_message.text == "yes, that's fine"
    chat.say(*new_session(SlotSet("consent_given", True)), user("back again"))
    assert [e.type_name for e in chat.tracker().events] == ["session_started", "slot", "action", "user"]
    full = run(store.retrieve_full_tracker("web-1"))
    assert len(full.events) == count("rasa_events")
    assert list(run(store.keys())) == ["web-1"]
    assert run(store.retrieve("nobody")) is None


def test_a_projection_failure_loses_no_event_and_heals_on_the_next_save(store, monkeypatch, caplog):
    chat = consented_chat(store)
    real = projection._project_message

    def broken(*args, **kwargs):
        raise RuntimeError("simulated projection bug")

    monkeypatch.setattr(projection, "_project_message", broken)
    with caplog.at_level(logging.ERROR):
        chat.say(user(SISTER), BotUttered("Tell me more."))
    assert "Could not project" in caplog.text
    assert chat.tracker().latest_message.text == SISTER  # Rasa's events are safe
    assert count("turns") == 4
    monkeypatch.setattr(projection, "_project_message", real)
    chat.say(user("and then she left"))
    with db.unit_of_work() as session:
        texts = [t for (t,) in session.execute(sa.text("SELECT id FROM turns ORDER BY id"))]
    assert len(texts) == 7


def test_action_server_down_loses_no_turn(store, therapist):
    """Rasa records the user's message and its own failure even when no action can run."""
    link(therapist, "web-1")
    chat = consented_chat(store)
    chat.say(user("are you there?"), ActionExecuted("action_listen"))
    [summary] = repo.list_conversations(therapist)
    assert repo.get_transcript(therapist, summary.id).turns[-1].text == "are you there?"


def test_no_transcript_text_in_the_raw_database(store, store_url, therapist):
    link(therapist, "web-1")
    chat = consented_chat(store)
    chat.say(user(SISTER), SlotSet("turn_annotation", ANNOTATION), BotUttered("You noticed her hurt, gently."))
    [summary] = repo.list_conversations(therapist)
    turn = repo.get_transcript(therapist, summary.id).turns[-2]
    repo.add_note(therapist, turn.id, "Good noticing of the sister's feelings")
    risk = NLU_RISK
    chat.say(user("I want to disappear", attune_risk=risk))
    repo.acknowledge_risk_event(therapist, repo.list_risk_events(therapist)[0].id, "Phoned; she is safe")
    raw = stored_text(store_url)
    for secret in ["sister went quiet", "felt hurt", "noticed her hurt", "sister's feelings", "disappear",
                   "Phoned", "May I keep a record", "hello"]:
        assert secret not in raw, secret
    assert "Dr Ada" not in raw  # display names are encrypted too


def test_without_consent_nothing_is_visible_and_rasa_events_go_when_the_session_ends(store, store_url, therapist):
    link(therapist, "web-2")
    chat = Chat(store, "web-2")
    chat.say(*new_session(), user("hello"), BotUttered("May I keep a record?"))
    chat.say(user("no thanks", "deny"), SlotSet("consent_given", False), BotUttered("That's fine."))
    chat.say(user("my private worry about money"), BotUttered("I hear you."))
    assert repo.list_conversations(therapist) == []
    assert count("turns") == 0
    assert chat.tracker().latest_message.text == "my private worry about money"  # Rasa still needs it
    chat.say(*new_session(SlotSet("consent_given", False)), user("hi again"))
    assert "private worry" not in stored_text(store_url)
    assert [e.type_name for e in chat.tracker().events] == ["session_started", "slot", "action", "user"]
    # A session that simply goes silent is purged once it has expired.
    with db.unit_of_work() as session:
        assert consent.purge_expired_unconsented(session, timedelta(0)) > 0
    assert "hi again" not in stored_text(store_url)
    assert repo.list_conversations(therapist) == []


def test_consent_given_mid_session_covers_the_whole_session(store, therapist):
    link(therapist, "web-3")
    chat = Chat(store, "web-3")
    chat.say(*new_session(), SlotSet("exercise", "repair"), user("first thought"), BotUttered("Go on."))
    assert count("turns") == 0
    chat.say(user("ok, keep it", "affirm"), SlotSet("consent_given", True), BotUttered("Noted."))
    [summary] = repo.list_conversations(therapist)
    turns = repo.get_transcript(therapist, summary.id).turns
    assert [t.text for t in turns] == ["first thought", "Go on.", "ok, keep it", "Noted."]
    assert {t.exercise for t in turns} == {"repair"}


def test_carried_over_slots_are_not_new_measurements(store):
    chat = consented_chat(store)
    chat.say(user("5"), SlotSet("suds", 5.0), SlotSet("turn_annotation", ANNOTATION))
    chat.say(*new_session(SlotSet("consent_given", True), SlotSet("suds", 5.0),
                          SlotSet("turn_annotation", ANNOTATION), SlotSet("exercise", "repair")),
             user("new day"))
    assert (count("suds_measures"), count("annotations"), count("consent_records")) == (1, 1, 1)
    assert count("conversations") == 2
    with db.get_engine().connect() as conn:
        assert conn.execute(sa.text("SELECT exercise FROM turns ORDER BY id DESC")).first()[0] == "repair"


def test_withdrawing_consent_removes_every_session(store, store_url, therapist):
    link(therapist, "web-4")
    chat = consented_chat(store, "web-4")
    chat.say(user("an old memory of my father"))
    chat.say(*new_session(SlotSet("consent_given", True)), user("a second session"))
    assert len(repo.list_conversations(therapist)) == 2
    with db.get_engine().connect() as conn:
        ciphertexts = [v for (v,) in conn.execute(sa.text("SELECT text FROM turns"))]
    chat.say(user("withdraw consent", "deny"), SlotSet("consent_given", False), BotUttered("Done."))
    assert not [c for c in ciphertexts if c[:60] in stored_text(store_url)]
    assert repo.list_conversations(therapist) == []
    assert (count("turns"), count("conversations")) == (0, 0)
    assert "memory of my father" not in stored_text(store_url)
    history = repo.consent_history(therapist, repo.list_people(therapist)[0].id)
    assert len(history) == 1 and history[0].withdrawn_at is not None
    chat.say(user("still chatting after withdrawing"))
    chat.say(*new_session(SlotSet("consent_given", False)), user("later"))
    raw = stored_text(store_url)
    assert "a second session" not in raw and "still chatting" not in raw
    assert repo.list_conversations(therapist) == []


def test_erasure_leaves_no_text_and_a_live_tracker_cannot_write_it_back(store, store_url, therapist):
    link(therapist, "web-5")
    chat = consented_chat(store, "web-5")
    chat.say(user(SISTER), SlotSet("turn_annotation", ANNOTATION), SlotSet("suds", 3.0))
    [summary] = repo.list_conversations(therapist)
    repo.add_note(therapist, repo.get_transcript(therapist, summary.id).turns[-1].id, "note about sister")
    with db.get_engine().connect() as conn:  # what the erased rows look like on disk: ciphertext
        ciphertexts = [v for (v,) in conn.execute(sa.text("SELECT text FROM turns"))]
        ciphertexts += [v for (v,) in conn.execute(sa.text("SELECT data FROM rasa_events"))]
    exported = repo.export_person_data("web-5")
    assert [t["text"] for t in exported["conversations"][0]["turns"]][-1] == SISTER
    assert exported["consent"][0]["given"] is True

    async def erase_mid_conversation():
        # Rasa holds the tracker in memory while the erase action runs, then saves it.
        tracker = await store.retrieve("web-5")
        tracker.update(user("please erase my data", "erase"))
        assert repo.erase_person("web-5") is True
        tracker.update(BotUttered("Your data has been erased."))
        await store.save(tracker)
    run(erase_mid_conversation())
    raw = stored_text(store_url)
    for secret in ["sister went quiet", "felt hurt", "note about sister", "May I keep a record", "erase my data"]:
        assert secret not in raw, secret
    # Not even the erased ciphertext lingers (SQLite: secure_delete and a truncated WAL).
    assert not [c for c in ciphertexts if c[:60] in raw]
    assert repo.list_conversations(therapist) == [] and repo.list_people(therapist) == []
    assert [e.type_name for e in chat.tracker().events] == ["bot"]
    assert repo.export_person_data("web-5")["conversations"] == []
    assert repo.erase_person("never-seen") is False


def test_unconsented_sessions_are_never_purged_before_rasa_ends_them(store_url):
    long_sessions = Domain.from_yaml('version: "3.1"\nsession_config:\n  session_expiration_time: 240\n')
    never_expire = Domain.from_yaml('version: "3.1"\nsession_config:\n  session_expiration_time: 0\n')
    assert AttuneTrackerStore(domain=long_sessions)._session_expiry() == timedelta(minutes=240)
    assert AttuneTrackerStore(domain=never_expire)._session_expiry() == timedelta(minutes=60)


def test_after_an_erasure_the_usual_rule_returns_once_requests_in_flight_are_done(store):
    from bot.store import rasa_log

    chat = consented_chat(store, "web-6")
    assert repo.erase_person("web-6")
    chat.say(user("starting over"))
    assert [e.type_name for e in chat.tracker().events] == ["user"]
    with db.get_engine().begin() as conn:
        conn.execute(sa.text("UPDATE erasures SET erased_at = erased_at - :age"),
                     {"age": rasa_log.ERASURE_WINDOW_S + 1})
    chat.say(user("hello again"), BotUttered("Hello."))
    assert [e.type_name for e in chat.tracker().events] == ["user", "user", "bot"]
    assert count("erasures") == 0


def test_rasa_builds_the_store_from_an_endpoint_config(store_url):
    from rasa.core.tracker_store import create_tracker_store
    from rasa.utils.endpoints import EndpointConfig

    built = create_tracker_store(EndpointConfig(type="attune_rasa.tracker_store.AttuneTrackerStore"), DOMAIN)
    assert isinstance(built, AttuneTrackerStore) and built.url == store_url  # async: used unwrapped
    explicit = create_tracker_store(
        EndpointConfig(url=store_url, type="attune_rasa.tracker_store.AttuneTrackerStore"), DOMAIN)
    assert explicit.url == store_url


def test_a_restarted_server_projects_what_a_crash_left_unprojected(store, monkeypatch, therapist):
    link(therapist, "web-7")
    chat = consented_chat(store, "web-7")
    monkeypatch.setattr(projection, "_project_message", lambda *a, **k: 1 / 0)
    chat.say(user("said just before the crash"))
    monkeypatch.undo()
    with db.unit_of_work() as session:
        assert projection.lagging_senders(session) == ["web-7"]
    AttuneTrackerStore(domain=DOMAIN)  # the next server start
    [summary] = repo.list_conversations(therapist)
    assert repo.get_transcript(therapist, summary.id).turns[-1].text == "said just before the crash"
    with db.unit_of_work() as session:
        assert projection.lagging_senders(session) == []
    assert repo.catch_up_projection() == 0


def test_a_check_s_outcome_turns_later_refines_its_risk_event_rather_than_adding_one(store, therapist):
    link(therapist, "web-9")
    chat = consented_chat(store, "web-9")
    flagged = {"id": "a1b2c3", "kind": "past", "category": "abuse_or_danger", "severity": 2, "level": "concern",
               "evidence": []}
    chat.say(user("my dad used to hit me when I was seven", "risk_past"), SlotSet("risk_event", flagged),
             BotUttered("That was not your fault. Are you safe now?"))
    chat.say(user("yes, I'm safe now", "affirm"), SlotSet("risk_event", {**flagged, "outcome": "checked"}),
             BotUttered("Thank you for telling me."))
    another = {**flagged, "id": "d4e5f6", "kind": "ask", "category": "suicidal_ideation", "level": "ask"}
    chat.say(user("sometimes I wish it would all stop", "risk_unclear"), SlotSet("risk_event", another),
             BotUttered("Can I ask: are you having thoughts of ending your life?"))
    events = repo.list_risk_events(therapist)
    assert [(e.category, e.level) for e in sorted(events, key=lambda e: e.id)] == [
        ("abuse_or_danger", "concern; via: past; check: checked"), ("suicidal_ideation", "ask; via: ask")]
    [summary] = repo.list_conversations(therapist)
    turns = repo.get_transcript(therapist, summary.id).turns
    assert [t.text for t in turns if t.risk_events] == ["my dad used to hit me when I was seven",
                                                          "sometimes I wish it would all stop"]


def test_a_worry_for_someone_else_is_stored_with_the_other_person_s_kind_of_risk(store, therapist):
    link(therapist, "web-10")
    chat = consented_chat(store, "web-10")
    worry = {"id": "w1", "kind": "worry", "category": "someone_else", "concern": "self_harm", "severity": 3,
             "level": "concern", "evidence": [{"start": 10, "end": 20, "text": "cuts herself", "marker": "m",
                                               "explanation": "e"}]}
    chat.say(user("my friend cuts herself, how do I help her?", "worry_for_someone"), SlotSet("risk_event", worry),
             BotUttered("It sounds like you care about them a lot."))
    [event] = repo.list_risk_events(therapist)
    assert (event.category, event.level) == ("someone_else", "concern; via: worry; risk: self_harm")
    assert [e.text for e in event.evidence] == ["cuts herself"]
