"""Checks on what people type into the store (names, notes, passwords, chat ids), shared by
the store's modules. Messages are safe to show."""
from __future__ import annotations

import re

from bot.store.access import (
    InvalidInput,
)
from bot.store.people import (
    MIN_PASSWORD_LENGTH,
)
from bot.store.views import (
    Role,
)
from bot.text import storable

MAX_NOTE_CHARS = 10_000
MAX_NAME_CHARS = 200
USERNAME_RE = re.compile(r"^[A-Za-z0-9._@-]{3,120}$")
STAFF_ROLES = {Role.THERAPIST, Role.SUPERVISOR, Role.ADMIN}


def clean_input(text: str, limit: int, what: str) -> str:
    if not isinstance(text, str):
        raise InvalidInput(f"The {what} must be text.")
    text = storable(text).strip()
    if not text:
        raise InvalidInput(f"The {what} is empty.")
    if len(text) > limit:
        raise InvalidInput(f"The {what} is too long ({len(text)} characters; at most {limit}).")
    return text


def check_sender(sender_id: str) -> None:
    if not isinstance(sender_id, str) or not sender_id.strip() or len(sender_id) > 255:
        raise InvalidInput("That is not a chat id.")


def check_password_rules(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
