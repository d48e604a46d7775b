"""Markdown export: readable as plain text, safe to paste into any Markdown renderer.

Every piece of stored text is escaped (no Markdown, HTML or control character survives); message
text is quoted line by line so a multi-line message cannot break out of its turn.
"""
from __future__ import annotations

from typing import Callable, Sequence

from bot.export.document import PieceDoc, SessionDoc, TurnDoc, session_doc, title_for
from bot.export.labels import label
from bot.export.sanitize import escape_markdown as md
from bot.store.views import Transcript

Progress = Callable[[Transcript], None]


def render(transcripts: Sequence[Transcript], exported_at: str, progress: Progress | None = None) -> bytes:
    lines = [f"# {md(title_for(transcripts))}", "", f"_{md(label('confidential'))}_", "",
             f"{md(label('exported'))}: {md(exported_at)}", ""]
    for transcript in transcripts:
        lines += _session(session_doc(transcript))
        if progress:
            progress(transcript)
    lines += ["---", "", f"_{md(label('disclaimer'))}_", ""]
    return "\n".join(lines).encode("utf-8")


def _session(s: SessionDoc) -> list[str]:
    lines = [
        f"## {md(label('session'))} {s.id}: {md(s.person_name)}",
        "",
        f"- {md(label('person'))}: {md(s.person_name)} ({md(s.person_role)}, id {s.person_id})",
        f"- {md(label('started'))}: {md(s.started)}",
        f"- {md(label('last_activity'))}: {md(s.last_activity)}",
        f"- {md(label('exercises'))}: {md(s.exercises or '-')}",
        f"- {md(label('consent'))}: {md(s.consent)}",
        "",
    ]
    if s.simulated:
        lines[1:1] = ["", f"**{md(s.simulated)}**"]
    for part in s.report:
        lines += [f"#### {md(part.heading)}", ""] + [f"- {md(line.strip())}" for line in part.lines] + [""]
    if not s.turns:
        lines += [f"_{md(label('no_turns'))}_", ""]
    for turn in s.turns:
        lines += _turn(turn)
    return lines


def _bold_marked(pieces: Sequence[PieceDoc]) -> str:
    """The message with each run of marked words in bold. Neighbouring marked pieces share one
    run (so no "****"), and blanks stay outside the asterisks (CommonMark ignores "** x**")."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        run.clear()
        core = text.strip()
        if not core:
            out.append(md(text))
            return
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        bold = "**\n**".join(md(line) for line in core.split("\n"))  # bold each line of the run
        out.append(f"{md(lead)}**{bold}**{md(trail)}")

    for piece in pieces:
        if piece.markers:
            run.append(piece.text)
        else:
            flush()
            out.append(md(piece.text))
    flush()
    return "".join(out)


def _turn(t: TurnDoc) -> list[str]:
    heading = f"### {t.seq}\\. {md(t.speaker_label)} · {md(t.time)}"
    heading += f" · {md(t.where)}" if t.where else ""
    body = _bold_marked(t.pieces)
    lines = [heading, ""] + [f"> {line}" if line else ">" for line in body.split("\n")] + [""]
    if t.scores:
        lines.append(f"- {md(label('scores'))}: {md(t.scores)}")
    for e in t.evidence:
        lines.append(f"- {md(e.kind)} · {md(e.marker)}: \"{md(e.text)}\" ({md(e.explanation)})")
    for risk in t.risks:
        lines.append(f"- **{md(label('risk_events'))}**: {md(risk)}")
    for n in t.notes:
        note = md(n.text).replace("\n", " ")
        lines.append(f"- {md(label('notes'))} ({md(n.author)}, {md(n.time)}): {note}")
    return lines + [""]
