"""Who is running the command: a session token from ATTUNE_REVIEW_TOKEN or from the token file
that `attune login` writes (mode 0600, under the data dir). Passwords are never stored."""
from __future__ import annotations

from pathlib import Path

from bot.review.errors import EXIT_NOT_SIGNED_IN, CliError
from bot.review.files import write_private
from bot.settings import get_settings
from bot.store import repository
from bot.store.views import Person

TOKEN_FILE_NAME = "review.token"


def token_path() -> Path:
    return get_settings().data_dir / TOKEN_FILE_NAME


def save_token(token: str) -> Path:
    """Write the token readable by its owner only (created 0600, never world-readable in between)."""
    path = token_path()
    write_private(path, token.encode("ascii"))
    return path


def stored_token() -> str | None:
    """The environment's token, else the token file's, else None."""
    env_token = get_settings().review_token
    if env_token:
        return env_token
    path = token_path()
    if path.is_file():
        return path.read_text(encoding="ascii", errors="replace").strip() or None
    return None


def forget_token() -> bool:
    """Delete the token file; True when there was one."""
    try:
        token_path().unlink()
        return True
    except FileNotFoundError:
        return False


def current_actor() -> Person:
    """The signed-in person, or a clear "not signed in" error."""
    token = stored_token()
    if not token:
        raise CliError("not signed in: run `attune login` (or set ATTUNE_REVIEW_TOKEN)",
                       EXIT_NOT_SIGNED_IN)
    actor = repository.authenticate_token(token)
    if actor is None:
        raise CliError("your sign-in has expired or was revoked: run `attune login` again",
                       EXIT_NOT_SIGNED_IN)
    return actor
