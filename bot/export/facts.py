"""Facts every renderer shows the same way: a turn's scores, a consent line, a risk line."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.exercises.contract import ScoreSpec
from bot.exercises.registry import score_specs
from bot.export.labels import label
from bot.export.sanitize import one_line
from bot.store.views import ConsentRecord, ConversationSummary, RiskEventView, Transcript, Turn


def when(moment: datetime | None) -> str:
    """UTC time to the minute (exports are read by people, not parsed; JSON keeps full ISO)."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def turn_scores(turn: Turn) -> dict[str, float]:
    """Numeric scores recorded on the turn: each annotation's scores, then the SUDS measure."""
    scores: dict[str, float] = {}
    for annotation in turn.annotations:
        for name, value in annotation.scores.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                scores[name] = value
    for measure in turn.suds:
        scores["suds"] = measure.value
    return scores


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def score_label(name: str) -> str:
    """A score's label: as its exercise declares it, else the exports' own (SUDS), else its name."""
    spec = score_specs().get(name)
    return spec.label if spec else label("score_names", name)


def scores_text(turn: Turn, sep: str = " · ") -> str:
    """E.g. "RF-style estimate 5 · SUDS 6" (empty when the turn has no score)."""
    return sep.join(f"{score_label(name)} {format_number(value)}"
                      for name, value in turn_scores(turn).items())


def consent_text(consent: ConsentRecord | None) -> str:
    if consent is None:
        return label("consent_none")
    if consent.withdrawn_at is not None:
        state = f"{label('consent_withdrawn')} {when(consent.withdrawn_at)}"
    else:
        state = label("consent_given") if consent.given else label("consent_declined")
    return (f"{state} ({label('notice_version')} {one_line(consent.notice_version)}, "
            f"{when(consent.recorded_at)})")


def risk_text(event: RiskEventView) -> str:
    """One line about a risk event, with its quoted words (already one-lined and cleaned)."""
    parts = [one_line(part) for part in (event.category, event.severity, event.level) if part]
    quoted = ", ".join(f'"{one_line(ev.text)}"' for ev in event.evidence)
    status = (f"{label('risk_acknowledged')} by {one_line(event.acknowledged_by_name or '?')} "
              f"{when(event.acknowledged_at)}" if event.acknowledged else label("risk_open"))
    line = " / ".join(parts) or event.source
    if quoted:
        line += f": {quoted}"
    if event.acknowledgement_note:
        status += f" ({one_line(event.acknowledgement_note)})"
    return f"{line} [{status}]"


def scores_in(summaries: Iterable[ConversationSummary]) -> list[ScoreSpec]:
    """The declared scores these sessions carry, in declaration order: a table of sessions gets a
    column for each (not one for every score of every exercise)."""
    listed = list(summaries)
    return [spec for spec in score_specs().values() if any(s.scores.get(spec.name) for s in listed)]


def session_scores(transcript: Transcript, name: str) -> list[float]:
    """One named score over the session, in turn order (from the summary when turns lack it)."""
    values = [s[name] for t in transcript.turns if name in (s := turn_scores(t))]
    return values or list(transcript.conversation.scores.get(name, ()))


def session_suds(transcript: Transcript) -> list[float]:
    values = [m.value for m in transcript.suds] or [m.value for t in transcript.turns for m in t.suds]
    return values or list(transcript.conversation.suds_values)
