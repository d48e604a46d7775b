"""Throwaway store databases for tests and benchmarks (a fresh SQLite file or PostgreSQL database)."""
from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from cryptography.fernet import Fernet
from sqlalchemy.engine import make_url

from bot.store import db, people

POSTGRES_ADMIN_URL = os.environ.get("ATTUNE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_unavailable_reason() -> str | None:
    """None when the test PostgreSQL server answers, else why not (for a clear skip message)."""
    try:
        engine = sa.create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL at {POSTGRES_ADMIN_URL} is unreachable: {type(exc).__name__}: {exc}".splitlines()[0]


@contextlib.contextmanager
def new_database(backend: str, workdir: Path, migrate: bool = True) -> Iterator[str]:
    """Create an empty database (migrated unless told otherwise); yields its URL; drops it after."""
    name = f"attune_test_{secrets.token_hex(6)}"
    if backend == "sqlite":
        url = f"sqlite:///{workdir / (name + '.db')}"
        if migrate:
            db.upgrade(url)
        db.get_engine(url).dispose()  # checkpoints the WAL into the file
        yield url
        return
    if backend != "postgresql":
        raise ValueError(f"unknown backend {backend!r}")
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = str(make_url(POSTGRES_ADMIN_URL).set(database=name))
    try:
        if migrate:
            db.upgrade(url)
        yield url
    finally:
        db.get_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def pointed_at(url: str, workdir: Path) -> Iterator[str]:
    """Point the settings at `url` with a new encryption key, restoring everything afterwards."""
    saved = {k: os.environ.get(k) for k in ("ATTUNE_DATABASE_URL", "ATTUNE_ENCRYPTION_KEY", "ATTUNE_DATA_DIR")}
    os.environ.update(ATTUNE_DATABASE_URL=url, ATTUNE_ENCRYPTION_KEY=Fernet.generate_key().decode(),
                      ATTUNE_DATA_DIR=str(workdir))
    db.reset_caches()
    saved_rounds, people.BCRYPT_ROUNDS = people.BCRYPT_ROUNDS, 4  # fast hashes for throwaway data
    try:
        yield url
    finally:
        people.BCRYPT_ROUNDS = saved_rounds
        db.reset_caches()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def fresh_database(backend: str, workdir: Path, migrate: bool = True) -> Iterator[str]:
    """A new database with the settings pointed at it (a new key too); dropped afterwards."""
    with new_database(backend, workdir, migrate) as url, pointed_at(url, workdir):
        yield url


def _empty_all_tables(url: str) -> None:
    from bot.store.models import Base

    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    engine = db.get_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE TABLE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def make_store_url_fixtures():
    """The `store_url` pytest fixture and its session-wide helper (import both into a conftest).

    Every test that takes `store_url` runs on SQLite and on PostgreSQL (skipped, with the reason,
    when the server is unreachable), each time on an empty migrated database with a new key:
    SQLite copies a migrated template file; PostgreSQL empties one migrated database per run.
    """
    import shutil

    import pytest

    reason = postgres_unavailable_reason()

    @pytest.fixture(scope="session")
    def store_templates(tmp_path_factory):
        stack = contextlib.ExitStack()
        made: dict[str, str] = {}

        def get(backend: str) -> str:
            if backend not in made:
                made[backend] = stack.enter_context(
                    new_database(backend, tmp_path_factory.mktemp(f"store-{backend}")))
            return made[backend]

        with stack:
            yield get

    @pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
    def store_url(request, tmp_path, store_templates):
        if request.param == "postgresql" and reason:
            pytest.skip(reason)
        template = store_templates(request.param)
        if request.param == "sqlite":
            target = tmp_path / "attune.db"
            shutil.copyfile(template[len("sqlite:///"):], target)
            url = f"sqlite:///{target}"
        else:
            _empty_all_tables(template)
            url = template
        with pointed_at(url, tmp_path):
            yield url

    return store_url, store_templates


def record_events(sender_id: str, events: list[dict]) -> None:
    """Store Rasa-shaped event dicts for a sender and project them, as the tracker store does
    (for tests and benchmarks of the store that do not need Rasa itself)."""
    from bot.store import projection, rasa_log

    with db.unit_of_work() as session:
        rasa_log.append_events(session, sender_id, events)
    with db.unit_of_work() as session:
        projection.project_sender(session, sender_id)


def user(text: str, intent: str = "inform", ts: float | None = None, **parse_extra) -> dict:
    """A UserUttered event dict as Rasa writes it."""
    return {"event": "user", "timestamp": ts or time.time(), "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": text,
                           **parse_extra}}


def bot(text: str, ts: float | None = None) -> dict:
    return {"event": "bot", "timestamp": ts or time.time(), "text": text, "data": {}, "metadata": {}}


def slot(name: str, value, ts: float | None = None) -> dict:
    return {"event": "slot", "timestamp": ts or time.time(), "name": name, "value": value}


def session_start(ts: float | None = None) -> list[dict]:
    ts = ts or time.time()
    return [{"event": "action", "timestamp": ts, "name": "action_session_start"},
            {"event": "session_started", "timestamp": ts}]
