"""Administration through `attune`: the first admin, people, passwords, deactivation, key rotation
and erasure (with confirmation)."""
from __future__ import annotations

import re

import sqlalchemy as sa

from bot.review.errors import EXIT_INVALID, EXIT_NOT_ALLOWED, EXIT_NOT_SIGNED_IN
from bot.settings import get_settings
from bot.store import db, repository
from bot.store.testing import fresh_database

NEW_PASSWORD = "a fresh long password"


def test_init_admin_only_while_there_is_none(tmp_path, attune, monkeypatch):
    monkeypatch.delenv("ATTUNE_REVIEW_TOKEN", raising=False)
    with fresh_database("sqlite", tmp_path / "empty"):
        short = attune("init-admin", "--username", "root", input="short\nshort\n")
        assert short.exit_code == EXIT_INVALID and "at least" in short.output
        first = attune("init-admin", "--username", "root", input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
        assert first.exit_code == 0, first.output
        assert repository.authenticate("root", NEW_PASSWORD).role.value == "admin"
        second = attune("init-admin", "--username", "root2", input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
        assert second.exit_code == EXIT_NOT_ALLOWED and "already exists" in second.output


def test_admin_creates_people_and_sets_passwords(world, attune):
    attune.sign_in(world.admin)
    made = attune("admin", "create-person", "--role", "therapist", "--name", "Dr New", "--username", "drnew",
                  input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    assert made.exit_code == 0, made.output
    new_id = int(re.search(r"#(\d+)", made.output).group(1))
    assert repository.authenticate("drnew", NEW_PASSWORD).id == new_id
    no_username = attune("admin", "create-person", "--role", "supervisor", "--name", "Sup")
    assert no_username.exit_code == EXIT_INVALID and "--username" in no_username.output
    taken = attune("admin", "create-person", "--role", "therapist", "--name", "X", "--username", "tess",
                   input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    assert taken.exit_code == EXIT_INVALID and "taken" in taken.output
    client = attune("admin", "create-person", "--role", "client", "--name", "Walk-in client")
    assert client.exit_code == 0

    changed = attune("admin", "set-password", world.tess.id, input="another long password\n" * 2)
    assert changed.exit_code == 0 and repository.authenticate("tess", "another long password")

    assert attune("admin", "deactivate", world.otto.id).exit_code == 0
    assert repository.authenticate("otto", "correct horse battery") is None


def test_a_deactivated_persons_token_stops_working(world, attune):
    attune.sign_in(world.otto)
    repository.deactivate_person(world.admin, world.otto.id)
    assert attune("people").exit_code == EXIT_NOT_SIGNED_IN


def test_people_may_change_their_own_password_only(world, attune):
    attune.sign_in(world.tess)
    assert attune("admin", "set-password", world.tess.id, input=f"{NEW_PASSWORD}\n" * 2).exit_code == 0
    assert attune("admin", "set-password", world.otto.id, input=f"{NEW_PASSWORD}\n" * 2).exit_code \
        == EXIT_NOT_ALLOWED
    assert attune("admin", "deactivate", world.otto.id).exit_code == EXIT_NOT_ALLOWED


def test_erase_asks_first_then_leaves_no_text(world, attune):
    attune.sign_in(world.admin)
    declined = attune("erase", "--person", world.ann.id, input="n\n")
    assert declined.exit_code == 1 and "Aborted" in declined.output
    assert len(repository.person_history(world.tess, world.ann.id)) == 2  # nothing happened

    def turn_count():
        with db.get_engine().connect() as conn:
            return conn.execute(sa.text("select count(*) from turns")).scalar()

    before = turn_count()
    ann_turns = sum(len(t.turns) for t in repository.person_history(world.tess, world.ann.id))
    done = attune("erase", "--person", world.ann.id, input="y\n")
    assert done.exit_code == 0, done.output
    assert repository.list_conversations(world.tess) == []
    assert turn_count() == before - ann_turns > 0  # hers gone, Bob's and Tina's kept
    raw = open(db.get_engine().url.database, "rb").read()
    assert b"went quiet" not in raw and b"hurt myself" not in raw  # and nothing was ever plain text


def test_rotate_key_reencrypts_and_the_new_key_reads_everything(world, attune, monkeypatch):
    attune.sign_in(world.admin)
    old_key = get_settings().encryption_key
    result = attune("rotate-key", input=f"{old_key}\n")
    assert result.exit_code == 0, result.output
    count = int(re.search(r"Re-encrypted (\d+) values", result.output).group(1))
    assert count > 10
    new_key = re.search(r"New key \(shown once, store it safely\): (\S+)", result.output).group(1)
    monkeypatch.setenv("ATTUNE_ENCRYPTION_KEY", new_key)
    db.reset_caches()
    transcript = repository.get_transcript(world.tess, world.ann_first)
    assert "went quiet" in transcript.turns[3].text
    actions = [(a.action, a.actor_id) for a in repository.audit_log(world.admin, limit=50)]
    assert ("rotate_key_started", world.admin.id) in actions and ("rotate_key", None) in actions
    bad = attune("rotate-key", "--old", old_key, "--new", "not-a-key")
    assert bad.exit_code == EXIT_INVALID and "Fernet" in bad.output


def test_names_are_printed_as_text_not_markup(world, attune):
    made = attune.sign_in(world.admin)("admin", "create-person", "--role", "client", "--name", "[bold red]Mal[/]")
    assert made.exit_code == 0 and "Created [bold red]Mal[/] (client" in made.output
