"""Encryption at rest for transcript text (Fernet, from `cryptography`).

The key comes from ATTUNE_ENCRYPTION_KEY: one Fernet key, or several separated by commas (the first
encrypts, all decrypt: MultiFernet), which lets a rotation run while old values are still around.
With no key set (local `make run`), one is generated once into <data_dir>/attune.key (mode 0600).
"""
from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.settings import get_settings

log = logging.getLogger(__name__)

KEY_FILE_NAME = "attune.key"


class EncryptionKeyError(Exception):
    """The configured key is malformed or cannot decrypt stored data."""


def _key_file_key(data_dir: Path) -> str:
    """Read the local key file, creating it (0600, never overwritten) when missing."""
    path = data_dir / KEY_FILE_NAME
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        # Written whole under a private name, then linked into place: several server processes
        # starting at once (Rasa's workers, the action server's) never read a half-written key,
        # and the first link wins while the others use its key.
        draft = data_dir / f".{KEY_FILE_NAME}.{os.getpid()}.draft"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        else:
            log.warning("No ATTUNE_ENCRYPTION_KEY set: generated a new key into %s (mode 0600). "
                        "Back it up; without it the stored transcripts cannot be read.", path)
        finally:
            draft.unlink()
    return path.read_text().strip()


def _fernets(keys: str) -> list[Fernet]:
    parts = [k.strip() for k in keys.split(",") if k.strip()]
    if not parts:
        raise EncryptionKeyError("no encryption key given")
    try:
        return [Fernet(k.encode()) for k in parts]
    except (ValueError, TypeError) as exc:
        raise EncryptionKeyError(
            "an encryption key is not a valid Fernet key (32 url-safe base64 bytes)") from exc


def build_cipher(keys: str) -> MultiFernet:
    """A MultiFernet from comma-separated Fernet keys (first one encrypts)."""
    return MultiFernet(_fernets(keys))


@functools.lru_cache(maxsize=None)
def get_cipher() -> MultiFernet:
    """The process's cipher (tests call `get_cipher.cache_clear()` with `get_settings`'s)."""
    settings = get_settings()
    return build_cipher(settings.encryption_key or _key_file_key(settings.data_dir))


def encrypt(plain: str, cipher: MultiFernet | None = None) -> str:
    return (cipher or get_cipher()).encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token: str, cipher: MultiFernet | None = None) -> str:
    try:
        return (cipher or get_cipher()).decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise EncryptionKeyError("stored data cannot be decrypted with the configured key") from exc


class EncryptedText(sa.types.TypeDecorator):
    """A Text column holding Fernet tokens; Python code sees plain str."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt(value)

    def process_result_value(self, value, dialect):
        return None if value is None else decrypt(value)


# Every encrypted column, as (table, primary key, column): rotation walks this list, and a test
# checks that it names every EncryptedText column of the models.
ENCRYPTED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("people", "id", "display_name"),
    ("turns", "id", "text"),
    ("annotations", "id", "result"),
    ("risk_events", "id", "evidence"),
    ("risk_events", "id", "acknowledgement_note"),
    ("notes", "id", "text"),
    ("rasa_events", "id", "data"),
)


def rotate_key(old: str, new: str, engine: sa.engine.Engine, batch: int = 500) -> int:
    """Re-encrypt every stored value from `old` key(s) to `new`; returns how many were rewritten.

    Values already readable with `new` are rewritten too (harmless), so an interrupted rotation can
    simply be run again. Afterwards set ATTUNE_ENCRYPTION_KEY to `new` and restart the servers.
    The caller passes the engine (bot/store/db.py imports this module, never the reverse).
    """
    reader = MultiFernet(_fernets(new) + _fernets(old))
    writer = build_cipher(new)
    count = 0
    for table_name, pk, column in ENCRYPTED_COLUMNS:
        # Untyped lightweight table: values travel raw, bypassing EncryptedText.
        table = sa.table(table_name, sa.column(pk), sa.column(column))
        last_id = 0
        while True:
            with engine.begin() as conn:
                rows = conn.execute(
                    sa.select(table.c[pk], table.c[column])
                    .where(table.c[pk] > last_id, table.c[column].isnot(None))
                    .order_by(table.c[pk]).limit(batch)
                ).all()
                for row_id, token in rows:
                    plain = decrypt(token, reader)
                    conn.execute(table.update().where(table.c[pk] == row_id)
                                 .values({column: encrypt(plain, writer)}))
                    count += 1
            if len(rows) < batch:
                break
            last_id = rows[-1][0]
    get_cipher.cache_clear()
    return count
