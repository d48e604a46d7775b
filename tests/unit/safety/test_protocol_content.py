"""protocol.yml against its schema: a category without its own words is named at load time."""
from __future__ import annotations

import pytest
import yaml

from bot.content import ContentError, load_document, read_yaml
from bot.safety.protocol import PROTOCOL_FILE, Protocol


@pytest.mark.parametrize("table", ["categories", "ask", "past"])
def test_a_category_left_out_of_a_table_is_named(tmp_path, table):
    raw = read_yaml(PROTOCOL_FILE)
    left_out = sorted(raw[table])[0]
    del raw[table][left_out]
    path = tmp_path / "protocol.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match=rf"missing categories: \['{left_out}'\]"):
        load_document(path, Protocol)


def test_the_shipped_protocol_loads():
    assert set(load_document(PROTOCOL_FILE, Protocol).categories)


@pytest.mark.parametrize("category", ["abuse_or_danger", "suicidal_ideation", "self_harm", "harm_to_others"])
def test_a_past_validation_assumes_no_time_of_life(category):
    # Past events are told of childhood, first marriages, old jobs and other countries alike: the
    # validation must fit "my first husband hit me" as well as "my dad hit me when I was seven".
    validate = load_document(PROTOCOL_FILE, Protocol).past[category].validate_.lower()
    for assumption in ("as a child", "childhood", "when you were little", "when you were young"):
        assert assumption not in validate
