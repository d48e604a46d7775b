"""Signing in and out: a hidden password prompt, a 0600 token file, revocation, clear errors."""
from __future__ import annotations

import stat

from bot.review import auth
from bot.review.errors import EXIT_NOT_SIGNED_IN
from bot.store import repository


def test_login_keeps_a_private_token_and_logout_revokes_it(world, attune):
    PASSWORD = "correct horse battery"
    result = attune("login", "--username", "tess", input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # the prompt hides it
    path = auth.token_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    token = path.read_text()
    assert repository.authenticate_token(token).id == world.tess.id
    assert "Dr Tess (therapist" in attune("whoami").output

    again = attune("login", "--username", "tess", input=PASSWORD + "\n")  # replaces the old token
    assert again.exit_code == 0 and repository.authenticate_token(token) is None

    newer = path.read_text()
    assert attune("logout").exit_code == 0
    assert not path.exists() and repository.authenticate_token(newer) is None
    gone = attune("whoami")
    assert gone.exit_code == EXIT_NOT_SIGNED_IN and "not signed in" in gone.output


def test_wrong_password_and_unknown_user_get_the_same_answer(world, attune):
    for username in ("tess", "nobody"):
        result = attune("login", "--username", username, input="wrong password\n")
        assert result.exit_code == EXIT_NOT_SIGNED_IN
        assert "wrong username or password" in result.output
        assert "Traceback" not in result.output
    assert not auth.token_path().exists()


def test_every_command_needs_a_sign_in(world, attune):
    for args in (["people"], ["sessions"], ["show", world.ann_first], ["risks"], ["pair"], ["audit"],
                 ["note", 1, "x"], ["ack", 1], ["export", world.ann_first, "--format", "md", "--out", "x.md"]):
        result = attune(*args)
        assert result.exit_code == EXIT_NOT_SIGNED_IN, (args, result.output)
        assert "not signed in" in result.output


def test_a_revoked_or_forged_token_is_refused(world, attune):
    attune.sign_in(world.tess)
    token = auth.stored_token()
    repository.revoke_token(world.tess, token)
    result = attune("people")
    assert result.exit_code == EXIT_NOT_SIGNED_IN and "expired or was revoked" in result.output
    auth.save_token("forged-" + token)
    assert attune("people").exit_code == EXIT_NOT_SIGNED_IN


def test_environment_token_for_scripts(world, attune, monkeypatch):
    from bot.settings import get_settings

    monkeypatch.setenv("ATTUNE_REVIEW_TOKEN", repository.issue_token(world.otto))
    get_settings.cache_clear()
    try:
        assert "Dr Otto" in attune("whoami").output
    finally:
        monkeypatch.delenv("ATTUNE_REVIEW_TOKEN")
        get_settings.cache_clear()
