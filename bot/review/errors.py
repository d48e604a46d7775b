"""One-line error messages and stable exit codes for the `attune` command (never a traceback).

Scripts can rely on the codes: 3 not allowed, 4 not found, 5 invalid input, 6 not signed in or
wrong credentials, 7 encryption key problem, 8 database unavailable, 9 file problem, 1 anything else.
"""
from __future__ import annotations

import logging

import click

from bot.store.repository import AccessDenied, InvalidInput, NotFound, StoreError

log = logging.getLogger(__name__)

EXIT_UNEXPECTED = 1
EXIT_NOT_ALLOWED = 3
EXIT_NOT_FOUND = 4
EXIT_INVALID = 5
EXIT_NOT_SIGNED_IN = 6
EXIT_KEY = 7
EXIT_DATABASE = 8
EXIT_FILE = 9


class CliError(click.ClickException):
    """An error shown as "Error: <message>" on stderr, exiting with `exit_code`."""

    def __init__(self, message: str, exit_code: int = EXIT_UNEXPECTED) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class; ours varies


def translate(exc: BaseException) -> CliError:
    """The message and exit code for an exception raised while running a command."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    from bot.store.crypto import EncryptionKeyError

    if isinstance(exc, AccessDenied):
        return CliError(f"not allowed: {exc}" if str(exc) else "not allowed", EXIT_NOT_ALLOWED)
    if isinstance(exc, NotFound):
        return CliError(f"not found: {exc}" if str(exc) else "not found", EXIT_NOT_FOUND)
    if isinstance(exc, InvalidInput):
        return CliError(f"invalid input: {exc}" if str(exc) else "invalid input", EXIT_INVALID)
    if isinstance(exc, StoreError):
        return CliError(str(exc) or type(exc).__name__, EXIT_UNEXPECTED)
    if isinstance(exc, EncryptionKeyError):
        return CliError(f"encryption key problem: {exc}", EXIT_KEY)
    if isinstance(exc, (OperationalError, DBAPIError)):
        # The driver's message can quote SQL parameters (encrypted or not): log it, show the kind.
        log.debug("database error", exc_info=exc)
        return CliError("the database cannot be reached or is locked; try again, or check "
                        "ATTUNE_DATABASE_URL", EXIT_DATABASE)
    if isinstance(exc, NotImplementedError):
        return CliError("this command is not available yet: the store does not implement it",
                        EXIT_UNEXPECTED)
    if isinstance(exc, OSError):
        return CliError(f"file problem: {exc.strerror or exc}"
                        + (f": {exc.filename}" if exc.filename else ""), EXIT_FILE)
    log.debug("unexpected error", exc_info=exc)
    return CliError(f"unexpected error ({type(exc).__name__}); run with --debug for details",
                    EXIT_UNEXPECTED)
