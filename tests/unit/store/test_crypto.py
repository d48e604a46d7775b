"""Encryption at rest: local key file, key rotation, every encrypted column known to rotation."""
from __future__ import annotations

import os
import stat

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from bot.settings import get_settings
from bot.store import crypto, db
from bot.store import repository as repo
from bot.store.models import Base
from bot.store.testing import bot, record_events, session_start, slot, user


def test_local_key_file_is_created_once_with_owner_only_permissions(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("ATTUNE_ENCRYPTION_KEY", raising=False)
    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path / "data"))
    db.reset_caches()
    try:
        token = crypto.encrypt("hello")
        key_file = tmp_path / "data" / crypto.KEY_FILE_NAME
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
        assert "generated a new key" in caplog.text
        first_key = key_file.read_text()
        crypto.get_cipher.cache_clear()
        assert crypto.decrypt(token) == "hello" and key_file.read_text() == first_key
    finally:
        db.reset_caches()


def test_server_processes_starting_at_once_all_read_the_one_whole_key(tmp_path):
    """Rasa's workers and the action server's start together on a fresh data dir: each reads a
    complete key, and it is the same one (real processes, released together)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_read_key_when_told, args=(tmp_path / "data", start, results))
               for _ in range(6)]
    for worker in workers:
        worker.start()
    start.set()
    keys = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert len(set(keys)) == 1 and Fernet(keys[0].encode())
    assert [p.name for p in (tmp_path / "data").iterdir()] == [crypto.KEY_FILE_NAME]  # no drafts left


def _read_key_when_told(data_dir, start, results) -> None:
    start.wait(timeout=60)
    results.put(crypto._key_file_key(data_dir))


def test_bad_keys_are_refused_clearly():
    for bad in ["", "not-a-key", "🙂", "x" * 10_000]:
        with pytest.raises(crypto.EncryptionKeyError):
            crypto.build_cipher(bad)
    other = crypto.build_cipher(Fernet.generate_key().decode())
    with pytest.raises(crypto.EncryptionKeyError):
        crypto.decrypt(crypto.encrypt("secret", other), crypto.build_cipher(Fernet.generate_key().decode()))


def test_unicode_and_huge_text_round_trip():
    cipher = crypto.build_cipher(Fernet.generate_key().decode())
    for text in ["", "🙂" * 100, "שלום ✓ 你好", "x" * 200_000, "\x00\x1b[31m<script>"]:
        assert crypto.decrypt(crypto.encrypt(text, cipher), cipher) == text


def test_rotation_knows_every_encrypted_column():
    encrypted = {(table.name, column.name) for table in Base.metadata.tables.values()
                 for column in table.columns if isinstance(column.type, crypto.EncryptedText)}
    assert encrypted == {(t, c) for t, _, c in crypto.ENCRYPTED_COLUMNS}


def _raw(table: str, column: str) -> list[str]:
    with db.get_engine().connect() as conn:
        return [v for (v,) in conn.execute(sa.text(f"SELECT {column} FROM {table} ORDER BY id"))]


def test_rotate_key_re_encrypts_everything(store_url, monkeypatch):
    record_events("chat-r", [*session_start(), user("yes"), slot("consent_given", True),
                             user("my words to rotate"), bot("a reply")])
    old = get_settings().encryption_key
    before = _raw("turns", "text")
    new = Fernet.generate_key().decode()
    rewritten = repo.rotate_key(old, new)
    assert rewritten >= len(before) + 1  # turns, people, Rasa's events...
    after = _raw("turns", "text")
    assert all(a != b for a, b in zip(before, after))
    new_cipher, old_cipher = crypto.build_cipher(new), crypto.build_cipher(old)
    assert [crypto.decrypt(v, new_cipher) for v in after] == ["yes", "my words to rotate", "a reply"]
    with pytest.raises(crypto.EncryptionKeyError):
        crypto.decrypt(after[0], old_cipher)
    # The servers restart with the new key and read everything.
    monkeypatch.setenv("ATTUNE_ENCRYPTION_KEY", new)
    get_settings.cache_clear()
    crypto.get_cipher.cache_clear()
    texts = [t["text"] for t in repo.export_person_data("chat-r")["conversations"][0]["turns"]]
    assert texts == ["yes", "my words to rotate", "a reply"]
    # An interrupted rotation can simply run again.
    assert repo.rotate_key(old, new) == rewritten


def test_a_new_sqlite_database_file_is_readable_by_its_owner_only(tmp_path):
    import stat

    from bot.store import db

    path = tmp_path / "fresh" / "attune.db"
    db.upgrade(f"sqlite:///{path}")
    db.get_engine(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
