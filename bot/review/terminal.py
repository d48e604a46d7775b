"""How the review CLI draws people, sessions, transcripts, risk events and audit rows (rich).

Every stored string goes in as a rich `Text` (never as markup) after control characters are
removed, so "[red]" or a terminal escape sequence in a message is shown, not obeyed.
"""
from __future__ import annotations

from typing import Iterable

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.exercises.registry import marker_styles
from bot.export.facts import consent_text, risk_text, scores_in, scores_text, when
from bot.export.highlight import risk_spans, turn_pieces
from bot.export.labels import label
from bot.export.practice import is_simulated, report_sections, simulated_note, speaker_label
from bot.export.sanitize import clean_text, one_line
from bot.store.views import (
    AuditEntry,
    ConsentRecord,
    ConversationSummary,
    Person,
    RiskEventView,
    Transcript,
    Turn,
)

MARK_STYLE = "bold underline"
RISK_STYLE = "bold red"
# The stored reply's flags that say how the bot met an answer (bot/exercises/mentalizing/record.py,
# FEEDBACK_FIELDS), in the order a reader takes them in; the named ones follow with what they name.
REPLY_FLAGS = ("validated", "eased", "praised", "affirmed", "repaired", "low")
REPLY_NAMED = ("invited", "challenged")


def console() -> Console:
    # highlight=False: rich would otherwise colour numbers and URLs inside clients' messages.
    return Console(highlight=False)


def say(message: str) -> None:
    """Print a message as text: names and paths inside it are never read as rich markup."""
    console().print(Text(clean_text(message)))


def plain(value: object) -> Text:
    return Text(one_line("" if value is None else str(value)))


def people_table(people: Iterable[Person]) -> Table:
    table = Table(title="People", show_lines=False)
    for column in ("id", "role", "name", "username", "since", "active"):
        table.add_column(column)
    for p in people:
        table.add_row(str(p.id), p.role.value, plain(p.display_name), plain(p.username or "-"),
                      when(p.created_at), "yes" if p.active else "no")
    return table


def sessions_table(sessions: Iterable[ConversationSummary]) -> Table:
    table = Table(title="Sessions (newest first)")
    sessions = list(sessions)
    specs = scores_in(sessions)
    for column in ("session", "person", "started", "turns", "exercises", *(s.short for s in specs), "SUDS", "risk"):
        # Ids and dates never wrap or shorten; names and lists give way on narrow terminals.
        table.add_column(column, no_wrap=column in ("session", "started", "turns"))
    for s in sessions:
        risk = Text("-")
        if s.flagged:
            risk = Text(f"{s.risk_event_count} ({s.unacknowledged_risk_count} open)",
                        style=RISK_STYLE if s.unacknowledged_risk_count else "red")
        table.add_row(str(s.id), plain(f"{s.person_name} (#{s.person_id})"), when(s.started_at),
                      str(s.turn_count), plain(_exercises(s)),
                      *(_spread(s.scores.get(spec.name, ())) for spec in specs), _spread(s.suds_values), risk)
    return table


def _exercises(s: ConversationSummary) -> str:
    named = ", ".join(s.exercises) or "-"
    return f"{named} ({label('simulated_short')})" if is_simulated(s) else named


def _spread(values: tuple[float, ...]) -> str:
    """A session's scores in one cell: first → last, and the range when there are more."""
    if not values:
        return "-"
    text = f"{values[0]:g}" if len(values) == 1 else f"{values[0]:g} → {values[-1]:g}"
    return text + (f" ({min(values):g}–{max(values):g})" if len(values) > 2 else "")


def transcript_view(transcript: Transcript) -> Group:
    conv, person = transcript.conversation, transcript.person
    header = Text.assemble(
        (f"{label('session')} {conv.id}", "bold"), " · ", plain(person.display_name),
        f" ({person.role.value}, #{person.id})\n",
        f"{label('started')}: {when(conv.started_at)}   {label('last_activity')}: "
        f"{when(conv.last_activity_at)}\n",
        f"{label('exercises')}: ", plain(", ".join(conv.exercises) or "-"), "\n",
        f"{label('consent')}: ", plain(consent_text(transcript.consent)),
    )
    if is_simulated(conv):  # first, so a simulated client's words are never read as a real client's
        header = Text.assemble((simulated_note(conv), "bold yellow"), "\n", header)
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("who / where", min_width=20, max_width=30)
    table.add_column("message", ratio=1)
    table.add_column(label("scores"), min_width=12, max_width=24)
    simulated = is_simulated(conv)
    for turn in transcript.turns:
        table.add_row(str(turn.seq), _who(turn, simulated), _message(turn), Text(scores_text(turn, sep="\n")))
    if not transcript.turns:
        table.add_row("", "", Text(label("no_turns"), style="italic"), "")
    reports = [Panel(Text("\n".join(clean_text(line) for line in section.lines)), title=Text(one_line(section.heading)))
               for section in report_sections(transcript)]
    return Group(Panel(header), table, *reports)


def _who(turn: Turn, simulated: bool = False) -> Text:
    who = Text(speaker_label(turn.speaker.value, simulated), style="bold" if turn.speaker.value == "user" else "")
    who.append(f"  turn {turn.id}", style="dim")  # the id `attune note TURN` takes
    where = " / ".join(one_line(p) for p in (turn.exercise, turn.step) if p)
    if where:
        who.append(f"\n{where}", style="dim")
    who.append(f"\n{when(turn.created_at)}", style="dim")
    return who


def _message(turn: Turn) -> Text:
    text = Text()
    risky = risk_spans(turn)
    for piece in turn_pieces(turn):
        style = ""
        if risky.intersection(piece.evidence):
            style = RISK_STYLE
        elif piece.markers:
            style = marker_styles().get(piece.markers[0], MARK_STYLE)
        text.append(clean_text(piece.text), style=style)
    for annotation in turn.annotations:
        for ev in annotation.evidence:
            text.append(f"\n  {one_line(ev.marker)}: ", style=marker_styles().get(ev.marker, MARK_STYLE))
            text.append(f"\"{one_line(ev.text)}\" ({one_line(ev.explanation)})", style="dim")
        moves = reply_moves(annotation.result)
        if moves:
            text.append(f"\n  {label('reply_move')}: {moves}", style="italic")
    for event in turn.risk_events:
        text.append(f"\n  RISK #{event.id}: {risk_text(event)}", style=RISK_STYLE)
    for note in turn.notes:
        text.append(f"\n  note #{note.id} ({one_line(note.author_name or '?')}, {when(note.created_at)}): ",
                    style="italic green")
        text.append(one_line(note.text), style="green")
    return text


def reply_moves(result: dict) -> str:
    """How the bot met the answer, from the annotation's stored reply ("reflection, validated,
    invited causal_link"); empty when none is stored (or the reader is a client: their transcript
    comes without the analysis' result, bot/export/audience.py)."""
    reply = result.get("feedback") if isinstance(result, dict) else None
    if not isinstance(reply, dict) or not reply.get("kind"):
        return ""
    moves = [label("reply_moves", str(reply["kind"]))]
    moves += [label("reply_moves", flag) for flag in REPLY_FLAGS if reply.get(flag) is True]
    moves += [f"{label('reply_moves', name)} {reply[name]}" for name in REPLY_NAMED if reply.get(name)]
    return one_line(", ".join(moves))


def risks_table(events: Iterable[RiskEventView]) -> Table:
    table = Table(title="Risk events (newest first)")
    for column in ("event", "when", "person", "session", "turn", "risk", "status"):
        table.add_column(column)
    for e in events:
        status = (Text(f"acknowledged by {one_line(e.acknowledged_by_name or '?')} {when(e.acknowledged_at)}",
                       style="dim")
                  if e.acknowledged else Text("OPEN", style=RISK_STYLE))
        what = " / ".join(one_line(p) for p in (e.category, e.severity, e.level) if p) or e.source
        quoted = ", ".join(f'"{one_line(ev.text)}"' for ev in e.evidence)
        table.add_row(str(e.id), when(e.created_at), plain(f"{e.person_name} (#{e.person_id})"),
                      str(e.conversation_id), str(e.turn_id or "-"),
                      Text(what + (f": {quoted}" if quoted else ""), style="red"), status)
    return table


def consent_table(records: Iterable[ConsentRecord]) -> Table:
    table = Table(title="Consent decisions (oldest first)")
    for column in ("recorded", "notice", "decision", "withdrawn"):
        table.add_column(column)
    for r in records:
        table.add_row(when(r.recorded_at), plain(r.notice_version), "given" if r.given else "declined",
                      when(r.withdrawn_at) or "-")
    return table


def audit_table(entries: Iterable[AuditEntry]) -> Table:
    table = Table(title="Audit log (newest first)")
    for column in ("when", "who", "action", "target", "detail"):
        table.add_column(column)
    for a in entries:
        target = f"{a.target_type} {a.target_id}" if a.target_id is not None else a.target_type
        detail = ", ".join(f"{k}={v}" for k, v in sorted(a.detail.items()))
        table.add_row(a.at.strftime("%Y-%m-%d %H:%M:%S UTC"), plain(a.actor_label), plain(a.action), plain(target), plain(detail))
    return table
