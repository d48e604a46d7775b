"""Every content file is read without repeated keys: plain YAML keeps the last of two equal keys and
drops the first without a word, so a cue or rule written twice would silently lose its patterns.
`bot.content.read_yaml` refuses such a file, naming it and the key."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.patterns import LEXICON_DIR
from bot.content import ContentError, read_yaml

ROOT = Path(__file__).resolve().parents[3]
CONTENT = sorted({*LEXICON_DIR.glob("*.yml"), *(ROOT / "bot").rglob("*.yml")})


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_is_written_twice(path: Path):
    read_yaml(path)  # raises ContentError on a repeated key


def test_a_repeated_key_is_refused_with_its_name(tmp_path: Path):
    lexicon = tmp_path / "lexicon.yml"
    lexicon.write_text("rules:\n  a: 1\n  b: 2\n  a: 3\n", encoding="utf-8")
    with pytest.raises(ContentError, match="lexicon.yml: cannot be read: .*duplicate key 'a'"):
        read_yaml(lexicon)


def test_equal_keys_in_different_mappings_are_fine(tmp_path: Path):
    lexicon = tmp_path / "lexicon.yml"
    lexicon.write_text("one:\n  a: 1\ntwo:\n  a: 2\n", encoding="utf-8")
    assert read_yaml(lexicon) == {"one": {"a": 1}, "two": {"a": 2}}
