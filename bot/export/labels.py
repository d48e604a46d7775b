"""The exports' and review terminal's wording, read once from labels.yml."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from bot.content import read_yaml

_LABELS_FILE = Path(__file__).with_name("labels.yml")


@functools.lru_cache(maxsize=None)
def _labels() -> dict[str, Any]:
    return read_yaml(_LABELS_FILE)


def all_labels() -> dict[str, Any]:
    """Every label (templates look them up by name)."""
    return _labels()


def label(key: str, sub: str | None = None) -> str:
    """The label for `key` (or `key.sub`); an unknown sub-key falls back to the sub-key itself."""
    value = _labels()[key]
    if sub is not None:
        return str(value.get(sub, sub)) if isinstance(value, dict) else sub
    return str(value)
