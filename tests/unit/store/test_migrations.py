"""Alembic migrations: upgrade, downgrade and upgrade again on SQLite and PostgreSQL, and the
migrated schema matches the models exactly."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.store import db
from bot.store.models import Base


def _tables(url: str) -> set[str]:
    return set(sa.inspect(db.get_engine(url)).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade(store_url):
    assert _tables(store_url) == set(Base.metadata.tables)
    db.downgrade(store_url, "base")
    db.get_engine(store_url).dispose()
    assert _tables(store_url) == set()
    db.upgrade(store_url)
    assert _tables(store_url) == set(Base.metadata.tables)


def test_migrated_schema_matches_the_models(store_url):
    with db.get_engine(store_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrade_is_idempotent(store_url):
    db.upgrade(store_url)
    with db.get_engine(store_url).connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == db.head_revision()


def test_first_use_of_a_new_database_creates_the_schema(tmp_path):
    from bot.store import repository as repo
    from bot.store.testing import fresh_database

    with fresh_database("sqlite", tmp_path, migrate=False) as url:
        assert _tables(url) == set()
        assert repo.authenticate("nobody", "nothing at all") is None  # any call works on a new database
        assert _tables(url) == set(Base.metadata.tables)
