"""Progress charts for therapists (PNG bytes from matplotlib), embedded by the HTML and PDF exports.

One session: each score its exercises declare (bot/exercises/contract.py), per annotated turn, and
SUDS per check-in. Several sessions: per session, the mean and highest of each score and the first
and last SUDS, over time. Labels and scales come from the scores' declarations.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.exercises.contract import ScoreSpec
from bot.exercises.registry import score_specs
from bot.export.facts import session_scores, session_suds, turn_scores
from bot.export.labels import label
from bot.store.views import Transcript

SUDS_RANGE = (0, 10)
COLOURS = ("tab:blue", "tab:green", "tab:purple", "tab:brown")


@dataclass(frozen=True)
class Chart:
    caption: str
    png: bytes


def progress_chart(transcripts: Sequence[Transcript]) -> Chart | None:
    """The chart that fits the export (None when there is nothing to plot)."""
    if len(transcripts) == 1:
        return _session_chart(transcripts[0])
    return _history_chart(transcripts)


def _session_chart(transcript: Transcript) -> Chart | None:
    specs = _charted(transcript, [transcript])
    scored = [(spec, [(t.seq, s[spec.name]) for t in transcript.turns if spec.name in (s := turn_scores(t))])
              for spec in specs]
    seq_of_turn = {t.id: t.seq for t in transcript.turns}
    suds = [(seq_of_turn.get(m.turn_id or 0, 0), m.value) for m in transcript.suds] or \
           [(t.seq, m.value) for t in transcript.turns for m in t.suds]
    if not any(points for _, points in scored) and not suds:
        return None
    fig, axes = _figure(len(scored) + 1)
    for ax, (spec, points), colour in zip(axes, scored, COLOURS):
        _plot(ax, points, spec.label, spec.scale, colour)
    ax_suds = axes[-1]
    _plot(ax_suds, suds, "SUDS", SUDS_RANGE, "tab:red")
    ax_suds.set_xlabel("turn")
    ax_suds.set_xlim(0.5, max(len(transcript.turns), 1) + 0.5)  # the whole session, not just the dots
    ax_suds.xaxis.set_major_locator(MaxNLocator(integer=True))
    return Chart(label("chart_session"), _png(fig))


def _history_chart(transcripts: Sequence[Transcript]) -> Chart | None:
    specs = _charted(None, transcripts)
    rows = [(t.conversation.started_at, {spec.name: session_scores(t, spec.name) for spec in specs},
             session_suds(t)) for t in transcripts]
    rows.sort(key=lambda row: row[0])
    if not any(any(scores.values()) or suds for _, scores, suds in rows):
        return None
    fig, axes = _figure(len(specs) + 1)
    for ax, spec, colour in zip(axes, specs, COLOURS):
        values = [(d, scores[spec.name]) for d, scores, _ in rows if scores[spec.name]]
        _plot(ax, [(d, sum(v) / len(v)) for d, v in values], f"{spec.short} mean", spec.scale, colour)
        _plot(ax, [(d, max(v)) for d, v in values], f"{spec.short} highest", spec.scale, "tab:cyan")
    ax_suds = axes[-1]
    _plot(ax_suds, [(d, s[0]) for d, _, s in rows if s], "SUDS first", SUDS_RANGE, "tab:red")
    _plot(ax_suds, [(d, s[-1]) for d, _, s in rows if s], "SUDS last", SUDS_RANGE, "tab:orange")
    fig.autofmt_xdate()
    return Chart(label("chart_history"), _png(fig))


def _charted(single: Transcript | None, transcripts: Sequence[Transcript]) -> list[ScoreSpec]:
    """The declared scores these sessions carry (an exercise's score gets a chart when it is there);
    with none, the first declared one keeps the chart's shape."""
    specs = list(score_specs().values())
    present = [spec for spec in specs if any(session_scores(t, spec.name) for t in transcripts)]
    return present or specs[:1]


def _figure(rows: int):
    # A bare Figure on the Agg canvas, not pyplot: no global figure registry to leak into or to
    # share between threads, and no display needed.
    fig = Figure(figsize=(7, 2.1 * rows), dpi=100)
    FigureCanvasAgg(fig)
    axes = fig.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
    fig.subplots_adjust(left=0.08, right=0.98, top=0.97, bottom=0.14, hspace=0.12)
    return fig, axes


def _plot(ax, points, name: str, limits: tuple[float, float], colour: str) -> None:
    if points:
        xs, ys = zip(*points)
        ax.plot(xs, ys, marker="o", label=name, color=colour)
        ax.legend(loc="upper left", fontsize=8)
    ax.set_ylim(limits[0] - 0.5, limits[1] + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
