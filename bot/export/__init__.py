"""Exports of transcripts for supervision: Markdown, HTML, PDF, CSV and JSON.

Every renderer takes the store's views (`Transcript`), never ORM rows, and makes stored text inert
(see `sanitize`). `render()` is the one entry point; callers audit the export themselves.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Sequence

from bot.store.views import Transcript

FORMATS = ("md", "html", "pdf", "csv", "json")


class UnknownFormat(ValueError):
    pass


def render(transcripts: Sequence[Transcript], fmt: str,
           progress: Callable[[Transcript], None] | None = None,
           exported_at: datetime | None = None) -> bytes:
    """The file's bytes; `progress` is called after each session (bulk exports show a bar)."""
    from bot.export import csv_table, html_report, json_data, markdown, pdf_report  # charts are slow to import

    renderers = {"md": markdown, "html": html_report, "pdf": pdf_report, "csv": csv_table, "json": json_data}
    if fmt not in renderers:
        raise UnknownFormat(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    stamp = (exported_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    return renderers[fmt].render(list(transcripts), stamp, progress)
