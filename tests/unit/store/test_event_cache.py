"""The tracker store's reading cache (decrypt only new rows, forget deleted ones) and SQLite's pragmas."""
from __future__ import annotations

import sqlalchemy as sa

from bot.store import crypto, db, rasa_log
from bot.store import repository as repo
from bot.store.testing import bot, record_events, session_start, slot, user


def _load(sender: str, all_sessions: bool = False) -> list[dict]:
    with db.unit_of_work() as session:
        return rasa_log.load_events_cached(session, sender, all_sessions=all_sessions)


def _load_plain(sender: str, all_sessions: bool = False) -> list[dict]:
    with db.unit_of_work() as session:
        return rasa_log.load_events(session, sender, all_sessions=all_sessions)


def _count_decryptions(monkeypatch) -> list[int]:
    calls = [0]
    real = crypto.decrypt

    def counting(token, cipher=None):
        calls[0] += 1
        return real(token, cipher)

    monkeypatch.setattr(crypto, "decrypt", counting)
    return calls


def test_a_second_read_decrypts_only_the_new_rows_and_gives_the_same_events(store_url, monkeypatch):
    record_events("web-c", [*session_start(), user("hello"), bot("Hi there.")])
    calls = _count_decryptions(monkeypatch)
    assert _load("web-c") == _load_plain("web-c")
    assert rasa_log.event_cache.holds("web-c")
    calls[0] = 0
    assert len(_load("web-c")) == 3 and calls[0] == 0
    record_events("web-c", [user("how are you?")])
    calls[0] = 0
    events = _load("web-c")
    assert calls[0] == 1  # only the new event
    assert [e.get("text") for e in events if e["event"] in ("user", "bot")] == ["hello", "Hi there.", "how are you?"]
    # Fresh dicts each time: changing what was returned changes nothing stored or cached.
    events[1]["text"] = "changed"
    assert _load("web-c")[1]["text"] == "hello"


def test_only_the_latest_session_is_read_and_the_full_history_on_request(store_url):
    record_events("web-s", [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                            user("first session")])
    record_events("web-s", [*session_start(), user("second session")])
    assert [e.get("text") for e in _load("web-s") if e["event"] == "user"] == ["second session"]
    assert [e.get("text") for e in _load("web-s", all_sessions=True) if e["event"] == "user"] == \
        ["yes", "first session", "second session"]
    assert _load("web-s") == _load_plain("web-s")


def test_erasure_empties_the_cache_and_erased_events_are_never_read_back(store_url):
    record_events("web-e", [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                            user("my secret sentence")])
    assert any(e.get("text") == "my secret sentence" for e in _load("web-e"))
    assert rasa_log.event_cache.holds("web-e")
    assert repo.erase_person("web-e")
    assert not rasa_log.event_cache.holds("web-e")
    assert _load("web-e") == []


def test_rows_deleted_behind_the_caches_back_are_not_given_back(store_url):
    """Another process (the CLI) deletes rows without touching this process's cache; SQLite may even
    give the same ids to new rows. The cache is checked against what is stored on every read."""
    ts = 1_700_000_000.0
    record_events("web-x", [*session_start(ts), user("old words", ts=ts + 1)])
    assert any(e.get("text") == "old words" for e in _load("web-x"))
    with db.get_engine().begin() as conn:
        conn.execute(sa.text("DELETE FROM rasa_events WHERE sender_id = 'web-x'"))
    assert _load("web-x") == []
    record_events("web-x", [*session_start(ts + 5), user("new words", ts=ts + 6)])
    assert [e.get("text") for e in _load("web-x") if e["event"] == "user"] == ["new words"]


def test_withdrawing_consent_forgets_the_deleted_sessions(store_url):
    record_events("web-w", [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                            user("something personal")])
    _load("web-w")
    record_events("web-w", [slot("consent_given", False)])
    texts = [e.get("text") for e in _load("web-w")]
    assert texts == [e.get("text") for e in _load_plain("web-w")]


def test_the_cache_is_bounded_least_recently_used_first():
    cache = rasa_log.EventCache(max_senders=2)
    cache.put("db", "a", {(1, 1.0, "user"): "{}"})
    cache.put("db", "b", {(2, 1.0, "user"): "{}"})
    assert cache.get("db", "a")  # a is now the most recent
    cache.put("db", "c", {(3, 1.0, "user"): "{}"})
    assert len(cache) == 2 and cache.holds("a") and cache.holds("c") and not cache.holds("b")
    cache.forget(["a"])
    assert not cache.holds("a") and cache.holds("c")
    cache.forget()
    assert len(cache) == 0


def test_sqlite_connections_use_wal_and_normal_sync(tmp_path):
    engine = db._create_engine(f"sqlite:///{tmp_path / 'pragmas.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_postgresql_engines_get_no_sqlite_pragmas():
    engine = db._create_engine("postgresql://nobody@127.0.0.1:1/none")  # never connected
    try:
        assert not sa.event.contains(engine, "connect", db._sqlite_pragmas)
    finally:
        engine.dispose()
