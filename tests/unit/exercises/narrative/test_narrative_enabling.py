"""A therapist turns the narrative retelling on for a linked client with `attune enable`, and only
for a linked client; the chat then asks for consent specific to it."""
from __future__ import annotations

from click.testing import CliRunner

from bot.exercises.narrative.declaration import NAME
from bot.exercises.registry import exercise
from bot.review import auth
from bot.review.cli import cli
from bot.review.errors import EXIT_INVALID, EXIT_NOT_ALLOWED
from bot.store import repository as repo
from bot.store.views import Role

PASSWORD = "correct horse battery"


def _attune(person, *args):
    auth.save_token(repo.issue_token(person))
    return CliRunner().invoke(cli, [str(a) for a in args], env={"NO_COLOR": "1", "COLUMNS": "200"})


def test_enable_and_disable_from_the_command_line(store_url, monkeypatch):
    monkeypatch.delenv("ATTUNE_REVIEW_TOKEN", raising=False)
    admin = repo.bootstrap_admin("admin", PASSWORD)
    tess = repo.create_person(admin, Role.THERAPIST, "Dr Tess", "tess", PASSWORD)
    otto = repo.create_person(admin, Role.THERAPIST, "Dr Otto", "otto", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(tess).code, "chat-ann").ok
    repo.record_consent("chat-ann", True)
    ann = next(iter(repo.list_people(tess)))
    engine = exercise(NAME)

    assert _attune(otto, "enable", ann.id, NAME).exit_code == EXIT_NOT_ALLOWED  # not Otto's client
    assert not engine.admit("chat-ann", "interview", None).allowed
    assert _attune(tess, "enable", ann.id, "no_such_exercise").exit_code == EXIT_INVALID
    result = _attune(tess, "enable", ann.id, NAME)
    assert result.exit_code == 0 and "Narrative retelling is on" in result.output
    assert engine.admit("chat-ann", "consented", None).allowed
    assert _attune(tess, "enable", ann.id, NAME, "--off").exit_code == 0
    assert not engine.admit("chat-ann", "interview", None).allowed
