"""Alembic environment: runs migrations on the store's database (online mode only)."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from bot.settings import get_settings
from bot.store.models import Base

config = context.config
url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url") \
    or get_settings().database_url

if config.config_file_name is not None:
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)


def run_migrations_online() -> None:
    from bot.store.db import get_engine

    connectable = get_engine(url)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        if isinstance(connection, sa.engine.Connection) and connection.in_transaction():
            connection.commit()


run_migrations_online()
