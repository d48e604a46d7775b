"""`attune`: the therapist's and supervisor's review command line.

Sign in once with `attune login`; every other command acts as the signed-in person, and the store
checks what that person may see and audits it. Errors are one line with a stable exit code
(see `bot.review.errors`).
"""
from __future__ import annotations

import logging
from datetime import datetime, time, timedelta, timezone

import click

from bot.export.audience import for_reader
from bot.review import auth, terminal
from bot.review.errors import EXIT_INVALID, EXIT_NOT_SIGNED_IN, CliError, translate
from bot.settings import get_settings
from bot.store import repository
from bot.store.views import Role, SessionFilter


class ReviewGroup(click.Group):
    """Turns every error from a command into a one-line message and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that keeps tracebacks off screen
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise translate(exc) from None


class _OneLineFormatter(logging.Formatter):
    """Library warnings as one line each (tracebacks only with --debug)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


@click.group(cls=ReviewGroup)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Review Attune transcripts: people, sessions, notes, risk events and exports."""
    ctx.ensure_object(dict)["debug"] = debug
    root = logging.getLogger()
    if not root.handlers:  # a host that configured logging (tests, embedding) keeps its own
        handler = logging.StreamHandler()
        if not debug:
            handler.setFormatter(_OneLineFormatter())
        root.addHandler(handler)
        root.setLevel(logging.DEBUG if debug else logging.WARNING)


def main() -> None:
    cli(prog_name="attune")


# --- signing in ----------------------------------------------------------------------------------

@cli.command()
@click.option("--username", prompt=True)
@click.password_option("--password", confirmation_prompt=False, help="Prompted (hidden) when omitted.")
def login(username: str, password: str) -> None:
    """Sign in; keeps a session token in the data dir (mode 0600)."""
    person = repository.authenticate(username, password)
    if person is None:
        raise CliError("wrong username or password", EXIT_NOT_SIGNED_IN)
    previous = auth.stored_token()
    if previous and not get_settings().review_token:  # a script's token is not ours to revoke
        _revoke_quietly(previous)
    path = auth.save_token(repository.issue_token(person))
    terminal.say(f"Signed in as {person.display_name} ({person.role.value}). "
                             f"Token kept in {path} (readable by you only).")


def _revoke_quietly(token: str) -> None:
    holder = repository.authenticate_token(token)
    if holder is not None:
        repository.revoke_token(holder, token)


@cli.command()
def logout() -> None:
    """Sign out: revoke the session token and delete the token file."""
    token = auth.stored_token()
    if token:
        _revoke_quietly(token)
    removed = auth.forget_token()
    message = "Signed out." if (token or removed) else "You were not signed in."
    if get_settings().review_token:
        message += " The token in ATTUNE_REVIEW_TOKEN is revoked; unset the variable."
    terminal.say(message)


@cli.command()
def token() -> None:
    """A new token for scripts (ATTUNE_REVIEW_TOKEN), shown once; `attune logout` with it revokes it."""
    issued = repository.issue_token(auth.current_actor())
    terminal.say(f"New token (shown once, keep it secret): {issued}")


@cli.command()
def whoami() -> None:
    """Who the commands run as."""
    actor = auth.current_actor()
    terminal.say(f"{actor.display_name} ({actor.role.value}, #{actor.id}, username {actor.username})")


# --- links and consent ------------------------------------------------------------------------------

@cli.command()
@click.option("--person", "person_id", type=int, required=True)
def consent(person_id: int) -> None:
    """A person's consent decisions (notice version, given or declined, withdrawn)."""
    records = repository.consent_history(auth.current_actor(), person_id)
    terminal.console().print(terminal.consent_table(records))


@cli.command()
@click.option("--person", "person_id", type=int, required=True)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (scripts).")
def unlink(person_id: int, yes: bool) -> None:
    """End your link with a client or trainee (you will no longer see their sessions)."""
    if not yes:
        click.confirm(f"End your link with #{person_id}? You will no longer see their sessions", abort=True)
    repository.unlink(auth.current_actor(), person_id)
    terminal.say(f"Link with #{person_id} ended.")


# --- reading ---------------------------------------------------------------------------------------

@cli.command()
@click.option("--role", type=click.Choice([r.value for r in Role]), help="Only people with this role.")
def people(role: str | None) -> None:
    """Clients and trainees you may see (admins: everyone)."""
    actor = auth.current_actor()
    found = repository.list_people(actor, Role(role) if role else None)
    terminal.console().print(terminal.people_table(found))


def _day_start(value: datetime | None) -> datetime | None:
    return datetime.combine(value.date(), time.min, timezone.utc) if value else None


def _day_end(value: datetime | None) -> datetime | None:
    # --until is inclusive: the whole of that (UTC) day counts.
    return datetime.combine(value.date(), time.max, timezone.utc) if value else None


@cli.command()
@click.option("--person", "person_id", type=int, help="Only this person's sessions.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this UTC date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="To this UTC date, inclusive.")
@click.option("--exercise", help="Only sessions with this exercise (e.g. mentalizing, narrative, repair).")
@click.option("--flagged", is_flag=True, help="Only sessions with risk events.")
def sessions(person_id: int | None, since: datetime | None, until: datetime | None,
             exercise: str | None, flagged: bool) -> None:
    """Sessions you may review, newest first."""
    if since and until and since > until:
        raise CliError("--since is after --until", EXIT_INVALID)
    actor = auth.current_actor()
    filters = SessionFilter(person_id=person_id, since=_day_start(since), until=_day_end(until),
                            exercise=exercise, flagged_only=flagged)
    terminal.console().print(terminal.sessions_table(repository.list_conversations(actor, filters)))


@cli.command()
@click.argument("session", type=int)
@click.option("--pager", is_flag=True, help="Page through a long transcript (keeps the colours).")
def show(session: int, pager: bool) -> None:
    """A session's transcript: turns in order, highlighted markers, scores, risk events, notes."""
    actor = auth.current_actor()
    view = terminal.transcript_view(for_reader(repository.get_transcript(actor, session), actor))
    out = terminal.console()
    if pager:
        with out.pager(styles=True):
            out.print(view)
    else:
        out.print(view)


@cli.command()
@click.argument("turn", type=int)
@click.argument("text")
def note(turn: int, text: str) -> None:
    """Add a note to a turn (TEXT in quotes)."""
    if not text.strip():
        raise CliError("the note is empty", EXIT_INVALID)
    added = repository.add_note(auth.current_actor(), turn, text)
    terminal.say(f"Note #{added.id} added to turn {added.turn_id}.")


@cli.command()
@click.option("--open", "open_only", is_flag=True, help="Only events nobody has acknowledged.")
@click.option("--person", "person_id", type=int, help="Only this person's events.")
def risks(open_only: bool, person_id: int | None) -> None:
    """Flagged risk events, newest first."""
    actor = auth.current_actor()
    events = repository.list_risk_events(actor, unacknowledged_only=open_only, person_id=person_id)
    terminal.console().print(terminal.risks_table(events))


@cli.command()
@click.argument("event", type=int)
@click.option("--note", "ack_note", help="What you did about it (kept with the acknowledgement).")
def ack(event: int, ack_note: str | None) -> None:
    """Acknowledge a risk event."""
    done = repository.acknowledge_risk_event(auth.current_actor(), event, ack_note)
    terminal.say(f"Risk event #{done.id} acknowledged.")


@cli.command()
@click.option("--hours", type=click.IntRange(1, 24 * 14), default=24, show_default=True,
              help="How long the code stays valid.")
def pair(hours: int) -> None:
    """A one-time code for a client (or trainee) to type in the chat to link with you."""
    code = repository.issue_pairing_code(auth.current_actor(), ttl=timedelta(hours=hours))
    terminal.say(f"Pairing code: {code.code}  (single use, valid until {code.expires_at:%Y-%m-%d %H:%M} UTC). "
                 "Ask the person to type it in the chat.")


@cli.command()
@click.argument("person_id", type=int)
@click.argument("exercise")
@click.option("--off", is_flag=True, help="Turn it off again.")
def enable(person_id: int, exercise: str, off: bool) -> None:
    """Open an exercise that needs a therapist (e.g. narrative) to a client of yours; the client
    still gives consent specific to it in the chat."""
    from bot.exercises.registry import declarations
    from bot.store import exercise_access

    opened = [name for name, declared in declarations().items() if declared.opened_by_therapist]
    if exercise not in opened:
        raise CliError(f"{exercise!r} is not an exercise a therapist opens (those are: {', '.join(opened)})",
                       EXIT_INVALID)
    exercise_access.set_enabled(auth.current_actor(), person_id, exercise, enabled=not off)
    terminal.say(f"{declarations()[exercise].title} is {'off' if off else 'on'} for person {person_id}.")


def _register_commands() -> None:
    from bot.review import admin_cli, export_cli

    admin_cli.register(cli)
    export_cli.register(cli)


_register_commands()

