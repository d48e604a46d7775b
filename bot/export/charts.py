"""Progress charts for therapists (PNG bytes from matplotlib), embedded by the HTML and PDF exports.

One session: the RF-style estimate per annotated turn and SUDS per check-in. Several sessions:
per session, the mean and highest RF-style estimate and the first and last SUDS, over time.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.export.facts import session_rf, session_suds, turn_scores
from bot.export.labels import label
from bot.store.views import Transcript

RF_RANGE = (-1, 9)
SUDS_RANGE = (0, 10)


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
    rf = [(t.seq, s["rf_estimate"]) for t in transcript.turns
          if "rf_estimate" in (s := turn_scores(t))]
    seq_of_turn = {t.id: t.seq for t in transcript.turns}
    suds = [(seq_of_turn.get(m.turn_id, 0), m.value) for m in transcript.suds] or \
           [(t.seq, m.value) for t in transcript.turns for m in t.suds]
    if not rf and not suds:
        return None
    fig, (ax_rf, ax_suds) = _figure()
    _plot(ax_rf, rf, "RF-style estimate", RF_RANGE, "tab:blue")
    _plot(ax_suds, suds, "SUDS", SUDS_RANGE, "tab:red")
    ax_suds.set_xlabel("turn")
    ax_suds.set_xlim(0.5, max(len(transcript.turns), 1) + 0.5)  # the whole session, not just the dots
    ax_suds.xaxis.set_major_locator(MaxNLocator(integer=True))
    return Chart(label("chart_session"), _png(fig))


def _history_chart(transcripts: Sequence[Transcript]) -> Chart | None:
    rows = [(t.conversation.started_at, session_rf(t), session_suds(t)) for t in transcripts]
    rows.sort(key=lambda row: row[0])
    if not any(rf or suds for _, rf, suds in rows):
        return None
    fig, (ax_rf, ax_suds) = _figure()
    _plot(ax_rf, [(d, sum(rf) / len(rf)) for d, rf, _ in rows if rf], "RF mean", RF_RANGE, "tab:blue")
    _plot(ax_rf, [(d, max(rf)) for d, rf, _ in rows if rf], "RF highest", RF_RANGE, "tab:cyan")
    _plot(ax_suds, [(d, s[0]) for d, _, s in rows if s], "SUDS first", SUDS_RANGE, "tab:red")
    _plot(ax_suds, [(d, s[-1]) for d, _, s in rows if s], "SUDS last", SUDS_RANGE, "tab:orange")
    fig.autofmt_xdate()
    return Chart(label("chart_history"), _png(fig))


def _figure():
    # A bare Figure on the Agg canvas, not pyplot: no global figure registry to leak into or to
    # share between threads, and no display needed.
    fig = Figure(figsize=(7, 4.2), dpi=100)
    FigureCanvasAgg(fig)
    axes = fig.subplots(2, 1, sharex=True)
    fig.subplots_adjust(left=0.08, right=0.98, top=0.97, bottom=0.14, hspace=0.12)
    return fig, axes


def _plot(ax, points, name: str, limits: tuple[int, int], colour: str) -> None:
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
