"""Engine, sessions and schema upgrades for the store (one engine per database URL per process)."""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import get_settings
from bot.store.crypto import get_cipher

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Run on every new SQLite connection (an engine "connect" listener; PostgreSQL gets none).
    # Foreign keys make erasure cascade; WAL lets the CLI read while Rasa writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints rather than at every commit: a power cut may lose the
    # last commits, never corrupt the database (an application crash loses nothing).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Deleted rows are overwritten with zeros, so erased ciphertext does not linger in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


_engines: dict[str, Engine] = {}
_sessionmakers: dict[str, sessionmaker] = {}


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: the settings' database URL), created once per process."""
    url = url or get_settings().database_url
    if url not in _engines:
        _engines[url] = _create_engine(url)
    return _engines[url]


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # Health data: only the owner may read the file (SQLite gives its WAL files the same mode).
            Path(parsed.database).touch(mode=0o600, exist_ok=True)
        # A pool keeps connections open: SQLAlchemy 1.4's default for files (NullPool) reopens one
        # per unit of work, and closing the last one checkpoints the WAL every time.
        in_memory = not parsed.database or parsed.database == ":memory:"
        engine = sa.create_engine(url, future=True, connect_args={"timeout": 10, "check_same_thread": False},
                                  poolclass=sa.pool.StaticPool if in_memory else sa.pool.QueuePool)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = sa.create_engine(url, future=True, pool_pre_ping=True)
    return engine


def _sessionmaker(url: str) -> sessionmaker:
    if url not in _sessionmakers:
        _sessionmakers[url] = sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)
    return _sessionmakers[url]


_ready: set[str] = set()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head())


def ensure_schema(url: str | None = None) -> None:
    """Upgrade the schema if it is behind (once per process per database), so whichever of the
    Rasa server, the action server or the CLI touches a new database first creates it."""
    url = url or get_settings().database_url
    if url in _ready:
        return
    try:
        with get_engine(url).connect() as conn:
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DBAPIError:
        current = None  # no table yet
    if current != head_revision():
        try:
            upgrade(url)
        except sa.exc.DBAPIError:
            # Another process may have been creating the same tables at the same moment.
            log.warning("Schema upgrade raced with another process; trying once more")
            upgrade(url)
    _ready.add(url)


@contextlib.contextmanager
def unit_of_work(url: str | None = None) -> Iterator[Session]:
    """One session per unit of work: commits on success, rolls back on any error."""
    url = url or get_settings().database_url
    ensure_schema(url)
    session = _sessionmaker(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def scrub_after_delete(url: str | None = None) -> None:
    """After an erasure or withdrawal: on SQLite, fold the WAL into the database and truncate it, so
    no old page image with the erased (encrypted) rows stays in the -wal file. (PostgreSQL keeps
    dead tuples until it reuses their space; they are ciphertext, and rotating the key makes them
    unreadable for good.)"""
    engine = get_engine(url)
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def alembic_config(url: str | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation: a password with % must be escaped.
    config.set_main_option("sqlalchemy.url", (url or get_settings().database_url).replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to `revision` (the tracker store does this on start)."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def reset_caches() -> None:
    """Forget engines, keys and settings (tests switch databases and keys within one process)."""
    from bot.store.rasa_log import event_cache  # imported here: rasa_log imports the models

    event_cache.forget()
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
    _sessionmakers.clear()
    _ready.clear()
    get_cipher.cache_clear()
    get_settings.cache_clear()
