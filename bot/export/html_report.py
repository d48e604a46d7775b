"""HTML export: one self-contained page (inline chart, no scripts, no remote requests).

Jinja2 with autoescape escapes every value, so a message holding HTML or script shows as text; a
Content-Security-Policy in the page forbids scripts even if a viewer mangles it.
"""
from __future__ import annotations

import base64
import functools
from pathlib import Path
from typing import Callable, Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.export.charts import progress_chart
from bot.export.document import session_doc, title_for
from bot.export.labels import all_labels
from bot.store.views import Transcript

Progress = Callable[[Transcript], None]
TEMPLATES = Path(__file__).with_name("templates")


@functools.lru_cache(maxsize=None)
def _template():
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,  # a typo in the template fails loudly, not as an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def render(transcripts: Sequence[Transcript], exported_at: str, progress: Progress | None = None) -> bytes:
    sessions = []
    for transcript in transcripts:
        sessions.append(session_doc(transcript))
        if progress:
            progress(transcript)
    chart = progress_chart(transcripts)
    page = _template().render(
        title=title_for(transcripts),
        labels=all_labels(),
        exported_at=exported_at,
        sessions=sessions,
        chart={"caption": chart.caption, "base64": base64.b64encode(chart.png).decode("ascii")}
        if chart else None,
    )
    return page.encode("utf-8")
