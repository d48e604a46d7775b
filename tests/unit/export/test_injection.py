"""A message (and a note, a name) holding HTML/script, Markdown, CSV formulas or control characters
is shown as text in every format, never acted on."""
from __future__ import annotations

import re

from bot.export import render
from bot.export.sanitize import clean_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_html_keeps_markup_as_text(hostile_transcript, readers):
    data = render([hostile_transcript], "html")
    doc = readers.html(data)
    tags = {tag for tag, _ in doc.tags}
    assert not tags & {"script", "a", "b", "i", "strong", "em", "code", "h3"}
    assert tags >= {"mark", "article"}
    assert not any(name.startswith("on") for _, attrs in doc.tags for name in attrs)
    images = [attrs["src"] for tag, attrs in doc.tags if tag == "img"]
    assert all(src.startswith("data:image/png;base64,") for src in images)  # never the message's <img>
    user_turn = hostile_transcript.turns[1]
    assert doc.turn_text[user_turn.id] == clean_text(user_turn.text)  # shown, word for word
    assert "<script>n()</script> **x**" in doc.text and "<b>Mallory</b> =1+1" in doc.text
    assert not CONTROL.search(data.decode())
    assert b"Content-Security-Policy" in data


def test_markdown_renders_as_literal_text(hostile_transcript, readers):
    data = render([hostile_transcript], "md")
    html = readers.markdown_to_html(data)
    # Only the export's own structure becomes markup: headings, lists, quotes, the bold markers.
    assert not re.search(r"<(script|img|a|code|del|table|ol|h[1-6] id)\b", html)
    assert [em[:12] for em in re.findall(r"<em>(.*?)</em>", html, re.S)] == ["Confidential", "Attune is a "]
    strong = re.findall(r"<strong>(.*?)</strong>", html)
    assert set(strong) <= {"I thought", "maybe", "Risk events"}
    assert "&lt;script&gt;alert" in html and "**bold**" in html and "[link](http://evil.example)" in html
    assert "# heading" in html and "=cmd|" in html and "~~strike~~" in html
    assert html.count("<h1>") == 1  # the message's "# heading" did not become a heading
    assert not CONTROL.search(data.decode())


def test_csv_cells_cannot_run_as_formulas(hostile_transcript, readers):
    rows = readers.csv(render([hostile_transcript], "csv"))
    for row in rows:
        for column, cell in row.items():
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), (column, cell)
            assert not cell.startswith(("\t", "\r")), (column, cell)
            assert not CONTROL.search(cell), column
    assert rows[1]["notes"].startswith("'Dr Therapist: =HYPERLINK") or "=HYPERLINK" in rows[1]["notes"]
    assert rows[1]["person_name"] == "<b>Mallory</b> =1+1"
    assert rows[3]["text"] == "'@SUM(A1:A9) -2+3 +cmd \t=tab"


def test_json_escapes_control_characters_and_keeps_the_text(hostile_transcript, readers):
    data = render([hostile_transcript], "json")
    assert not CONTROL.search(data.decode("utf-8"))  # all escaped as \uXXXX
    assert "\\u001b" in data.decode() and "\\u202e" in data.decode()
    doc = readers.json(data)
    assert doc["sessions"][0]["turns"][1]["text"] == hostile_transcript.turns[1].text  # nothing lost


def test_pdf_shows_markup_as_text_without_control_characters(hostile_transcript, readers):
    data = render([hostile_transcript], "pdf")
    text = readers.pdf_text(data)
    assert "<script>alert('x')</script>" in text and "**bold**" in text and "=cmd|" in text
    assert "<script>n()</script> **x**" in text
    assert not CONTROL.search(text)
    assert b"/JavaScript" not in data and b"/URI" not in data  # nothing clickable or runnable
