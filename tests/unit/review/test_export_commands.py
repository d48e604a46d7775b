"""`attune export`: each format written to a private file, parsed back and compared with the store;
whole-history exports; the export is audited; hostile text stays inert."""
from __future__ import annotations

import csv
import io
import json
import re
import stat
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from bot.export import FORMATS
from bot.review.errors import EXIT_INVALID
from bot.store import repository


def _turn_texts_from(fmt: str, data: bytes) -> list[str]:
    """The turn texts a file holds, read back with that format's own parser."""
    if fmt == "json":
        return [t["text"] for s in json.loads(data)["sessions"] for t in s["turns"]]
    if fmt == "csv":
        return [row["text"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))]
    if fmt == "md":
        return [re.sub(r"\\(.)", r"\1", line[2:].replace("**", ""))
                for line in data.decode().splitlines() if line.startswith("> ")]
    if fmt == "html":
        texts: list[str] = []

        class Reader(HTMLParser):
            inside = False

            def handle_starttag(self, tag, attrs):
                if tag == "p" and ("class", "text") in attrs:
                    self.inside = True
                    texts.append("")

            def handle_endtag(self, tag):
                if tag == "p":
                    self.inside = False

            def handle_data(self, d):
                if self.inside:
                    texts[-1] += d

        Reader(convert_charrefs=True).feed(data.decode())
        return texts
    raise ValueError(fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_one_session_matches_the_store(world, attune, tmp_path, fmt, hostile_text):
    out = tmp_path / f"session.{fmt}"
    result = attune.sign_in(world.tess)("export", world.ann_first, "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # health data: owner only
    data = out.read_bytes()
    transcript = repository.get_transcript(world.tess, world.ann_first)
    if fmt == "pdf":
        # Text extraction adds spaces where the font switches (highlighted words): compare without.
        text = "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
        positions = [text.index("".join(turn.text.split())) for turn in transcript.turns[:-1]]
        assert positions == sorted(positions)
        assert "[red]notred[/red]<script>alert(1)</script>[31mansi[0m" in text
    elif fmt == "json":
        assert json.loads(data)["sessions"] == [transcript.to_dict()]
    else:
        expected = [t.text for t in transcript.turns]
        expected[-1] = hostile_text.replace("\x1b", "")  # control characters removed
        assert _turn_texts_from(fmt, data) == expected
    exports = [a for a in repository.audit_log(world.admin, limit=1000, actor_id=world.tess.id)
               if a.target_id == world.ann_first and a.action in ("export", "export_file")]
    assert {a.action for a in exports} == {"export", "export_file"}
    assert any(a.detail.get("format") == fmt for a in exports)


def test_export_whole_history_with_progress(world, attune, tmp_path):
    out = tmp_path / "history.json"
    result = attune.sign_in(world.tess)("export", "--person", world.ann.id, "--format", "json", "--out", out)
    assert result.exit_code == 0, result.output
    sessions = json.loads(out.read_bytes())["sessions"]
    assert [s["conversation"]["id"] for s in sessions] == [world.ann_first, world.ann_second]  # oldest first
    assert sessions == [t.to_dict() for t in repository.person_history(world.tess, world.ann.id)]
    html = tmp_path / "history.html"
    assert attune("export", "--person", world.ann.id, "--format", "html", "--out", html).exit_code == 0
    assert b'<mark title="self_harm" class="risk">hurt myself</mark>' in html.read_bytes()
    assert html.read_bytes().count(b'<section class="session"') == 2 and b"data:image/png;base64," in html.read_bytes()


def test_export_refuses_to_overwrite_and_needs_one_target(world, attune, tmp_path):
    attune.sign_in(world.tess)
    out = tmp_path / "exists.md"
    out.write_text("keep me")
    result = attune("export", world.ann_first, "--format", "md", "--out", out)
    assert result.exit_code == EXIT_INVALID and "--force" in result.output and out.read_text() == "keep me"
    assert attune("export", world.ann_first, "--format", "md", "--out", out, "--force").exit_code == 0
    both = attune("export", world.ann_first, "--person", world.ann.id, "--format", "md", "--out", tmp_path / "b")
    assert both.exit_code == EXIT_INVALID
    assert attune("export", world.ann_first, "--format", "docx", "--out", tmp_path / "c").exit_code == 2


def test_export_data_for_the_person_themself_via_admin(world, attune, tmp_path):
    out = tmp_path / "ann-data.json"
    result = attune.sign_in(world.admin)("export-data", "--person", world.ann.id, "--out", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_bytes())
    assert data["person"]["id"] == world.ann.id and len(data["conversations"]) == 2
    assert data["consent"][0]["given"] is True


def test_bulk_export_shows_a_progress_bar(world, attune, tmp_path):
    out = tmp_path / "all.md"
    result = attune.sign_in(world.tess)("export", "--person", world.ann.id, "--format", "md", "--out", out,
                                        color=True)
    assert result.exit_code == 0
    assert "Exporting 2 sessions" in result.output  # rich's bar, drawn while the files render


def test_overwriting_makes_the_file_private_again(world, attune, tmp_path):
    out = tmp_path / "shared.csv"
    out.write_text("old")
    out.chmod(0o644)
    assert attune.sign_in(world.tess)("export", world.ann_first, "--format", "csv", "--out", out,
                                      "--force").exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_bytes().startswith("\ufeffsession_id".encode())


def test_default_file_names(world, attune, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    attune.sign_in(world.tess)
    assert attune("export", world.ann_first, "--format", "csv").exit_code == 0
    assert attune("export", "--person", world.ann.id, "--format", "md").exit_code == 0
    assert (tmp_path / f"attune-session-{world.ann_first}.csv").is_file()
    assert (tmp_path / f"attune-person-{world.ann.id}.md").is_file()
    again = attune("export", world.ann_first, "--format", "csv")
    assert again.exit_code == EXIT_INVALID and "--force" in again.output
