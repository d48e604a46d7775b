"""Step state that travels in a Rasa slot: a dataclass here, a plain JSON dict between turns.

Every exercise keeps its step state this way, so reading it back is written once: unknown keys (a
field dropped in a later version) are ignored, and a damaged or out-of-date state (a field renamed,
content since removed from the library) starts the exercise afresh rather than crash the
conversation. Subclasses say how to turn JSON values back into their types (`coerce`) and what
makes a state unusable (`check`).
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

from bot.content import ContentError

log = logging.getLogger(__name__)

S = TypeVar("S", bound="SlotState")


@dataclass
class SlotState:
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: sets become sorted lists."""
        return {name: sorted(value) if isinstance(value, (set, frozenset)) else value
                for name, value in asdict(self).items()}

    @classmethod
    def from_dict(cls: type[S], data: Any) -> S:
        if not isinstance(data, dict) or not data:
            return cls()
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        try:
            state = cls(**cls.coerce(values))
            state.check()
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, ContentError):
            log.warning("%s could not be read from its slot; starting afresh", cls.__name__)
            return cls()
        return state

    @classmethod
    def coerce(cls, values: dict[str, Any]) -> dict[str, Any]:
        """Turn JSON values back into the fields' types (lists into sets, say)."""
        return values

    def check(self) -> None:
        """Raise ValueError (or ContentError) when the state no longer fits the content."""
