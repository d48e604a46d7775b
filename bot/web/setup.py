"""First run: the web review needs an administrator to create accounts, like `attune init-admin`.

From ATTUNE_ADMIN_USERNAME and ATTUNE_ADMIN_PASSWORD when both are set, else by asking in the
terminal when there is one, else it says how; never from a page anyone could reach first.
"""
from __future__ import annotations

import getpass
import os
import sys

import sqlalchemy as sa

from bot.store import db, repository
from bot.store.models import PersonRow
from bot.store.views import Role


def admin_exists() -> bool:
    db.ensure_schema()
    with db.unit_of_work() as session:
        return session.execute(sa.select(PersonRow.id).where(PersonRow.role == Role.ADMIN.value)).first() is not None


def ensure_admin(interactive: bool | None = None) -> str:
    """Create the first administrator when there is none; returns what happened, for the log."""
    if admin_exists():
        return "existing"
    username = os.environ.get("ATTUNE_ADMIN_USERNAME", "").strip()
    password = os.environ.get("ATTUNE_ADMIN_PASSWORD", "")
    if username and password:
        repository.bootstrap_admin(username, password)
        return "created from the environment"
    if interactive is None:
        interactive = sys.stdin.isatty()
    if not interactive:
        return "missing"
    print("No administrator yet. Create one now (they create therapists' and supervisors' accounts).")
    while True:
        username = input("Administrator username: ").strip()
        password = getpass.getpass("Password (at least 10 characters): ")
        if password != getpass.getpass("Repeat the password: "):
            print("The passwords differ; try again.")
            continue
        try:
            repository.bootstrap_admin(username, password)
            return "created"
        except repository.InvalidInput as error:
            print(error)
