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
