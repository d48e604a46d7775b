"""`attune export` and `attune export-data`: files for supervision and for a person's own request.

Files are written readable by their owner only, and each written file is audited ("export_file")
on top of the store's own audit of the read ("export").
"""
from __future__ import annotations

from pathlib import Path

import click

from bot.export import FORMATS
from bot.export.audience import for_reader
from bot.review import auth, terminal
from bot.review.errors import EXIT_INVALID, CliError
from bot.review.files import write_private
from bot.store import repository
from bot.store.views import Transcript


def _target(out: Path | None, default_name: str, force: bool) -> Path:
    path = out or Path(default_name)
    if path.exists() and not force:
        raise CliError(f"{path} exists; use --force to overwrite it", EXIT_INVALID)
    return path


@click.command()
@click.argument("session", type=int, required=False)
@click.option("--person", "person_id", type=int, help="Export this person's whole history instead.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: attune-session-<id>.<format> or attune-person-<id>.<format>).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def export(session: int | None, person_id: int | None, fmt: str, out: Path | None, force: bool) -> None:
    """Export one SESSION, or a person's whole history (--person), to a file."""
    from bot.export import render

    if (session is None) == (person_id is None):
        raise CliError("give either a SESSION or --person ID", EXIT_INVALID)
    kind, target_id = ("conversation", session) if session is not None else ("person", person_id)
    path = _target(out, f"attune-{'session' if session is not None else 'person'}-{target_id}.{fmt}", force)
    actor = auth.current_actor()
    if session is not None:
        transcripts = [for_reader(repository.get_transcript(actor, session, purpose="export"), actor)]
        data = render(transcripts, fmt)
    elif person_id is not None:  # exactly one of the two was given (checked above)
        transcripts = [for_reader(t, actor)
                       for t in repository.person_history(actor, person_id, purpose="export")]
        data = _render_with_progress(transcripts, fmt)
    write_private(path, data)
    repository.record_audit(actor, "export_file", kind, target_id, {"format": fmt})
    terminal.say(f"Wrote {path} ({len(transcripts)} session(s), {len(data):,} bytes, {fmt}).")


def _render_with_progress(transcripts: list[Transcript], fmt: str) -> bytes:
    from rich.progress import Progress

    from bot.export import render

    with Progress(console=terminal.console(), transient=True) as progress:
        task = progress.add_task(f"Exporting {len(transcripts)} sessions", total=len(transcripts))
        return render(transcripts, fmt, progress=lambda _t: progress.advance(task))


@click.command("export-data")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: attune-data-<id>.json).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def export_data(person_id: int, out: Path | None, force: bool) -> None:
    """Everything stored about a person, as JSON (their own request: themself or an admin)."""
    from bot.export.json_data import dumps

    path = _target(out, f"attune-data-{person_id}.json", force)
    actor = auth.current_actor()
    data = dumps(repository.export_person(actor, person_id))
    write_private(path, data)
    repository.record_audit(actor, "export_file", "person", person_id, {"format": "json", "kind": "data"})
    terminal.say(f"Wrote {path} ({len(data):,} bytes).")


def register(group: click.Group) -> None:
    group.add_command(export)
    group.add_command(export_data)
