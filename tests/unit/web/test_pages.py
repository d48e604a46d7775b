"""The review's transcript page rendered from a real store (the review command's test world):
stored text stays text, every marked phrase has its explanation, numbers only for reviewers."""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from bot.export import FORMATS
from bot.export.audience import for_reader
from bot.export.labels import all_labels
from bot.store import repository
from bot.store.testing import fresh_database, pointed_at
from bot.web import pages
from bot.web.app import page


def _review_world():
    path = Path(__file__).resolve().parents[1] / "review" / "conftest.py"
    spec = importlib.util.spec_from_file_location("attune_review_world", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


review_world = _review_world()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-pages")
    with fresh_database("sqlite", folder) as url, pointed_at(url, folder):
        world = review_world.build_world()

        def html(reader, conversation_id: int, carer: bool) -> str:
            shown = for_reader(repository.get_transcript(reader, conversation_id), reader)
            return page("transcript.html.j2", me=reader, csrf="token", labels=all_labels(), transcript=shown,
                        facts=pages.session_facts(shown), turns=[pages.turn_page(t) for t in shown.turns],
                        chart=pages.chart([shown]), carer=carer, formats=FORMATS).body.decode()

        yield {"therapist": html(world.tess, world.ann_first, True)}


def test_stored_markup_is_escaped(rendered):
    html = rendered["therapist"]
    assert review_world.HOSTILE_TEXT.split()[2] not in html  # "<script>alert(1)</script>" as-is
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x1b" not in html


def test_every_marked_phrase_points_at_its_explanation(rendered):
    html = rendered["therapist"]
    described = re.findall(r'<mark class="m[^"]*"[^>]*tabindex="0" aria-describedby="([^"]+)"', html)
    assert described
    for tip in described:
        assert re.search(rf'<span class="tip" role="tooltip" id="{tip}">[^<]+: [^<]+</span>', html), tip


def test_scores_notes_and_acknowledgement_are_on_the_reviewers_page(rendered):
    html = rendered["therapist"]
    assert "RF-style estimate" in html and 'class="scores"' in html
    assert 'action="/review/risks/' in html and 'name="csrf" value="token"' in html
    assert html.count("/export/") == len(FORMATS)
    assert "data:image/png;base64," in html
