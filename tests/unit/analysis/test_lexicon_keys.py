"""Every lexicon file is a mapping without repeated keys: YAML keeps the last of two equal keys and
drops the first without a word, so a cue or rule written twice would silently lose its patterns."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.analysis.patterns import LEXICON_DIR


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping_without_repeats(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"line {key_node.start_mark.line + 1}: the key {key!r} is repeated")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.yml")), ids=lambda p: p.name)
def test_no_key_is_written_twice(path: Path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # raises on a repeated key


def test_a_repeated_key_is_caught():
    with pytest.raises(ValueError, match="repeated"):
        yaml.load("a: 1\nb: 2\na: 3\n", Loader=_UniqueKeyLoader)
