"""Transcripts built from the store's view types (the exporters' real input) and readers that parse
each format back, so tests compare what a file says with the views it came from."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from bot.export.sample import sample_history, sample_transcript
from bot.store.views import NoteView, Person, Role

# One message with every kind of payload an export must keep inert.
HOSTILE = ("<script>alert('x')</script><img src=x onerror=alert(1)> **bold** _em_ [link](http://evil.example) "
           "![img](http://evil.example/p.png)\n# heading\n- item\n1. first\n=cmd|' /C calc'!A0 "
           "\x1b[31mred\x1b[0m\x07bell\x00nul \u202eevil\u202c | a | b | ~~strike~~ &amp; `code`")
FORMULA_NOTE = "=HYPERLINK(\"http://evil.example\",\"click\")"


@pytest.fixture
def transcript():
    return sample_transcript(with_risk=True)


@pytest.fixture
def history():
    return sample_history(6)


@pytest.fixture
def hostile_transcript():
    base = sample_transcript(user_text="maybe " + HOSTILE + " I thought", with_risk=True, note=FORMULA_NOTE,
                             name="<b>Mallory</b> =1+1")
    person: Person = replace(base.person, display_name="<b>Mallory</b> =1+1", role=Role.CLIENT)
    turns = list(base.turns)
    turns[3] = replace(turns[3], text="@SUM(A1:A9) -2+3 +cmd \t=tab")
    turns[1] = replace(turns[1], notes=turns[1].notes + (NoteView(999, turns[1].id, 3, "<i>Dr</i>",
                                                                  "<script>n()</script> **x**", turns[1].created_at),))
    return replace(base, person=person, turns=tuple(turns))


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_json(data: bytes) -> dict:
    return json.loads(data.decode("utf-8"))


def pdf_text(data: bytes) -> str:
    """All pages' text, whitespace collapsed (the PDF wraps lines where it likes)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_images(data: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


class HtmlDoc(HTMLParser):
    """Collects tags, attributes, each turn's message text and the marked words in it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.turn_text: dict[int, str] = {}
        self.marks: dict[int, list[str]] = {}
        self.text_parts: list[str] = []
        self._turn: int | None = None
        self._in_text = False
        self._in_mark = False
        self.feed(data.decode("utf-8"))
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "article" and attrs.get("id", "").startswith("turn-"):
            self._turn = int(attrs["id"].split("-", 1)[1])
        elif tag == "p" and "text" in (attrs.get("class") or "").split() and self._turn is not None:
            self._in_text = True
            self.turn_text[self._turn] = ""
        elif tag == "mark" and self._in_text:
            self._in_mark = True
            self.marks.setdefault(self._turn, []).append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False
        elif tag == "p":
            self._in_text = False
        elif tag == "article":
            self._turn = None

    def handle_data(self, data):
        self.text_parts.append(data)
        if self._in_text:
            self.turn_text[self._turn] += data
            if self._in_mark:
                self.marks[self._turn][-1] += data

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


def markdown_to_html(data: bytes) -> str:
    """Render the Markdown export as a CommonMark renderer with GFM tables and strikethrough would."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(data.decode("utf-8"))


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture
def readers():
    return SimpleNamespace(csv=read_csv, json=read_json, pdf_text=pdf_text, pdf_images=pdf_images,
                           html=HtmlDoc, markdown_to_html=markdown_to_html, unescape_markdown=unescape_markdown)
