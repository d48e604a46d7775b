"""The same CLI on PostgreSQL (the scale-out setup): filters, transcript, export, refusal."""
from __future__ import annotations

import json
import re

import pytest

from bot.review.errors import EXIT_NOT_ALLOWED
from bot.store import repository
from bot.store.testing import fresh_database, postgres_unavailable_reason

pytestmark = pytest.mark.postgres


def test_review_commands_on_postgresql(tmp_path, attune, monkeypatch, world_builder):
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    monkeypatch.delenv("ATTUNE_REVIEW_TOKEN", raising=False)
    with fresh_database("postgresql", tmp_path):
        world = world_builder()
        attune.sign_in(world.tess)
        listed = attune("sessions", "--until", "2026-03-02").output
        assert re.search(rf"│ {world.ann_first}\s", listed) and not re.search(rf"│ {world.ann_second}\s", listed)
        assert "went quiet" in attune("show", world.ann_first).output
        out = tmp_path / "s.json"
        assert attune("export", world.ann_first, "--format", "json", "--out", out).exit_code == 0
        assert json.loads(out.read_bytes())["sessions"] == [repository.get_transcript(world.tess, world.ann_first).to_dict()]
        assert attune("show", world.bob_session).exit_code == EXIT_NOT_ALLOWED
