"""Administration commands of `attune`: the first admin, people and passwords, the audit log,
key rotation and erasure. Registered on the main group by `bot.review.cli`."""
from __future__ import annotations

import click
from cryptography.fernet import Fernet

from bot.review import auth, terminal
from bot.review.errors import EXIT_INVALID, CliError, translate
from bot.store import repository
from bot.store.views import Person, Role

# Roles that sign in to this CLI need a username and a password; clients and trainees may too.
_SIGN_IN_ROLES = {Role.THERAPIST, Role.SUPERVISOR, Role.ADMIN}


def require_admin(actor: Person) -> None:
    if actor.role is not Role.ADMIN:
        raise translate(repository.AccessDenied("only an administrator may do this"))


def _new_password() -> str:
    # The store enforces the password rules (one place); a refusal comes back as InvalidInput.
    return click.prompt("New password", hide_input=True, confirmation_prompt=True)


@click.command("init-admin")
@click.option("--username", prompt=True)
@click.option("--name", "display_name", default="Administrator", show_default=True)
def init_admin(username: str, display_name: str) -> None:
    """Create the first administrator (works only while there is none)."""
    person = repository.bootstrap_admin(username, _new_password(), display_name)
    terminal.say(f"Administrator {person.username} created (#{person.id}). Sign in with `attune login`.")


@click.group()
def admin() -> None:
    """People and passwords (administrators only)."""


@admin.command("create-person")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", "display_name", required=True)
@click.option("--username", help="Needed for therapists, supervisors and admins (they sign in here).")
def create_person(role: str, display_name: str, username: str | None) -> None:
    """Add a person; prompts for a password when they get a username."""
    actor = auth.current_actor()
    require_admin(actor)
    if Role(role) in _SIGN_IN_ROLES and not username:
        raise CliError(f"a {role} signs in, so --username is needed", EXIT_INVALID)
    password = _new_password() if username else None
    person = repository.create_person(actor, Role(role), display_name, username, password)
    terminal.say(f"Created {person.display_name} ({person.role.value}, #{person.id}).")


@admin.command("link")
@click.argument("carer_id", type=int)
@click.argument("person_id", type=int)
def link(carer_id: int, person_id: int) -> None:
    """Link a trainee to a supervisor (or a client to a therapist) without a pairing code."""
    actor = auth.current_actor()
    require_admin(actor)
    repository.link_by_admin(actor, carer_id, person_id)
    terminal.say(f"#{person_id} is linked with #{carer_id}.")


@admin.command("set-password")
@click.argument("person_id", type=int)
def set_password(person_id: int) -> None:
    """Set a person's password (admin, or yourself)."""
    actor = auth.current_actor()
    repository.set_password(actor, person_id, _new_password())
    terminal.say(f"Password of #{person_id} changed.")


@admin.command("deactivate")
@click.argument("person_id", type=int)
def deactivate(person_id: int) -> None:
    """Stop a person from signing in (their data stays until erased)."""
    actor = auth.current_actor()
    require_admin(actor)
    repository.deactivate_person(actor, person_id)
    terminal.say(f"#{person_id} can no longer sign in.")


@click.command()
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--actor", "actor_id", type=int, help="Only actions by this person.")
@click.option("--target-type", help="Only actions on this kind of record (person, conversation, ...).")
def audit(limit: int, actor_id: int | None, target_type: str | None) -> None:
    """The audit log, newest first (admins: everyone's; others: their own)."""
    entries = repository.audit_log(auth.current_actor(), limit=limit, actor_id=actor_id,
                                   target_type=target_type)
    terminal.console().print(terminal.audit_table(entries))


@click.command("rotate-key")
@click.option("--old", "old_key", envvar="ATTUNE_OLD_ENCRYPTION_KEY", prompt="Current key", hide_input=True,
              help="The key the data is encrypted with now (prompted, hidden).")
@click.option("--new", "new_key", envvar="ATTUNE_NEW_ENCRYPTION_KEY", default="",
              help="The new key; leave out to generate one (printed once).")
def rotate_key(old_key: str, new_key: str) -> None:
    """Re-encrypt all stored text with a new key (administrators only)."""
    actor = auth.current_actor()
    require_admin(actor)
    generated = not new_key
    new_key = new_key or Fernet.generate_key().decode("ascii")
    try:
        Fernet(new_key.encode())
    except (ValueError, TypeError):
        raise CliError("the new key is not a valid Fernet key (32 url-safe base64 bytes)", EXIT_INVALID) from None
    # Audited before: once rotated, this process's configured key no longer reads the store (the
    # store writes its own "rotate_key" row with the count, without an actor).
    repository.record_audit(actor, "rotate_key_started", "key", None)
    count = repository.rotate_key(old_key, new_key)
    terminal.say(f"Re-encrypted {count} values.")
    if generated:
        terminal.say(f"New key (shown once, store it safely): {new_key}")
    terminal.say("Set ATTUNE_ENCRYPTION_KEY to the new key before the next start of the servers.")


@click.command()
@click.option("--person", "person_id", type=int, required=True)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (scripts).")
def erase(person_id: int, yes: bool) -> None:
    """Erase everything stored about a person (their request; themself or an admin)."""
    actor = auth.current_actor()
    person = repository.get_person(actor, person_id)
    if not yes:
        click.confirm(f"Erase every session, note, risk event and consent record of "
                      f"{terminal.plain(person.display_name)} (#{person.id})? This cannot be undone",
                      abort=True)
    repository.erase_person_by(actor, person_id)
    terminal.say(f"Erased #{person_id}. Audit rows remain; they hold no text.")


def register(group: click.Group) -> None:
    for command in (init_admin, admin, audit, rotate_key, erase):
        group.add_command(command)
