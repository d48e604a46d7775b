"""PDF export (fpdf2) with a Unicode font, highlighted markers, notes, risk events and the chart.

Text is written as text (never interpreted as markup), so nothing in a message can change the
document; control characters are removed before writing.
"""
from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import Callable, Sequence

import matplotlib
from fpdf import FPDF

from bot.export.charts import progress_chart
from bot.export.document import SessionDoc, TurnDoc, session_doc, title_for
from bot.export.labels import label
from bot.store.views import Transcript

log = logging.getLogger(__name__)
Progress = Callable[[Transcript], None]

# DejaVu covers Latin, Greek, Cyrillic and many symbols; matplotlib ships it, so it is always here.
_FONT_DIRS = (Path(matplotlib.get_data_path()) / "fonts" / "ttf", Path("/usr/share/fonts/truetype/dejavu"))
# Scripts DejaVu lacks (Chinese, Japanese, Korean) use a system font when one is installed
# (e.g. Debian's fonts-noto-cjk or fonts-droid-fallback); without one they show as empty boxes.
_FALLBACK_GLOBS = ("**/NotoSansCJK*-Regular.ttc", "**/NotoSansCJK*-Regular.otf", "**/DroidSansFallback*.ttf")
FONT = "DejaVu"
LINE = 5.0
MARK_COLOUR = (20, 60, 160)
RISK_COLOUR = (176, 0, 32)
META_COLOUR = (100, 100, 100)
TEXT_COLOUR = (20, 20, 20)


class FontMissing(RuntimeError):
    pass


def _font_file(name: str) -> str:
    for folder in _FONT_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    raise FontMissing(f"{name} not found (looked in {', '.join(map(str, _FONT_DIRS))})")


@functools.lru_cache(maxsize=1)
def _fallback_font() -> str | None:
    for pattern in _FALLBACK_GLOBS:
        for path in sorted(Path("/usr/share/fonts").glob(pattern)):
            return str(path)
    return None


def render(transcripts: Sequence[Transcript], exported_at: str, progress: Progress | None = None) -> bytes:
    pdf = _new_pdf(title_for(transcripts))
    _heading(pdf, title_for(transcripts), 16)
    _paragraph(pdf, label("confidential"), colour=RISK_COLOUR)
    _paragraph(pdf, f"{label('exported')}: {exported_at}", colour=META_COLOUR)
    chart = progress_chart(transcripts)
    if chart:
        _heading(pdf, label("progress"), 13)
        pdf.image(io.BytesIO(chart.png), w=pdf.epw)
        _paragraph(pdf, chart.caption, colour=META_COLOUR)
    for transcript in transcripts:
        _session(pdf, session_doc(transcript))
        if progress:
            progress(transcript)
    pdf.ln(LINE)
    _paragraph(pdf, label("disclaimer"), colour=META_COLOUR)
    return bytes(pdf.output())


class _Document(FPDF):
    """Every page says it is confidential and where it sits in the document."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(*META_COLOUR)
        self.cell(0, 5, f"{label('confidential_short')} · {self.page_no()}/{{nb}}", align="C")


def _new_pdf(title: str) -> FPDF:
    pdf = _Document(format="A4")
    pdf.set_title(title)
    pdf.set_creator("Attune")
    pdf.add_font(FONT, "", _font_file("DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", _font_file("DejaVuSans-Bold.ttf"))
    fallback = _fallback_font()
    if fallback:
        try:
            pdf.add_font("Fallback", "", fallback)
            pdf.set_fallback_fonts(["Fallback"], exact_match=False)
        except Exception as exc:  # noqa: BLE001 - a font we cannot read only costs some glyphs
            log.warning("fallback font %s not usable: %s", fallback, exc)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, size: int) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*TEXT_COLOUR)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: FPDF, text: str, colour=TEXT_COLOUR, bold: bool = False, size: int = 10) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")


def _session(pdf: FPDF, s: SessionDoc) -> None:
    pdf.ln(LINE)
    _heading(pdf, f"{label('session')} {s.id}: {s.person_name}", 13)
    facts = [
        (label("person"), f"{s.person_name} ({s.person_role}, id {s.person_id})"),
        (label("started"), s.started),
        (label("last_activity"), s.last_activity),
        (label("exercises"), s.exercises or "-"),
        (label("consent"), s.consent),
    ]
    if s.simulated:
        _paragraph(pdf, s.simulated, bold=True)
    for name, value in facts:
        _paragraph(pdf, f"{name}: {value}")
    for part in s.report:
        _heading(pdf, part.heading, 11)
        for line in part.lines:
            _paragraph(pdf, line, size=9)
    if not s.turns:
        _paragraph(pdf, label("no_turns"), colour=META_COLOUR)
    for turn in s.turns:
        _turn(pdf, turn)


def _turn(pdf: FPDF, t: TurnDoc) -> None:
    pdf.ln(2)
    meta = f"{t.seq}. {t.speaker_label} · {t.time}" + (f" · {t.where}" if t.where else "")
    if t.scores:
        meta += f" · {t.scores}"
    _paragraph(pdf, meta, colour=META_COLOUR, size=8)
    for piece in t.pieces:  # marked words in bold colour, inline with the rest of the message
        pdf.set_font(FONT, "B" if piece.markers else "", 10)
        pdf.set_text_color(*(RISK_COLOUR if piece.risk else MARK_COLOUR if piece.markers else TEXT_COLOUR))
        pdf.write(LINE, piece.text)
    pdf.ln(LINE)
    for e in t.evidence:
        _paragraph(pdf, f"  {e.kind} · {e.marker}: \"{e.text}\" ({e.explanation})", colour=MARK_COLOUR, size=8)
    for risk in t.risks:
        _paragraph(pdf, f"  {label('risk_events')}: {risk}", colour=RISK_COLOUR, bold=True, size=9)
    for n in t.notes:
        _paragraph(pdf, f"  {label('notes')} ({n.author}, {n.time}): {n.text}", size=9)
