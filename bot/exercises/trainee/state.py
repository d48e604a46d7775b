"""Where a trainee is in a practice session: the step state that travels in a Rasa slot.

It holds the client, the turn, the client's rapport and how many turns a misattuned prompt still
weighs on them, which replies were used (by depth and index, so none comes back), the reply the
trainee is answering, whether feedback is given per turn, and digests of the feedback sentences
said; never the trainee's words (they live once, in the annotations: bot/exercises/contract.py).
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Any

from bot.content import ContentError
from bot.exercises.trainee.library import client_by_id, session_rules
from bot.exercises.trainee.schema import DEPTHS, Client, Reply

log = logging.getLogger(__name__)
OPENING = "opening"


@dataclass
class SessionState:
    client_id: str = ""
    turn: int = 0  # prompts answered so far
    rapport: int = 0
    strain: int = 0  # further turns a misattuned prompt still keeps the client shallower
    used: list[str] = field(default_factory=list)  # "depth:index" of the replies said
    last: str = OPENING  # the reply the trainee is answering now
    feedback_on: bool = True
    voiced: bool = False  # the client's latest reply is already on screen
    offered: list[str] = field(default_factory=list)  # clients met this session
    seen: set[str] = field(default_factory=set)

    @property
    def step(self) -> str | None:
        return f"turn_{self.turn + 1}" if self.turn < session_rules().turns else None

    @property
    def finished(self) -> bool:
        return self.step is None

    def client(self) -> Client:
        return client_by_id(self.client_id)

    def last_reply(self) -> Reply:
        return reply_at(self.client(), self.last)

    def meet(self, client: Client) -> None:
        """Begin (or switch to) a session with `client`: turns, rapport and replies start afresh."""
        rules = session_rules()
        self.client_id, self.turn, self.strain = client.id, 0, 0
        self.rapport = rules.starting_rapport[client.stance]
        self.used, self.last, self.voiced = [], OPENING, False
        if client.id not in self.offered:
            self.offered.append(client.id)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seen"] = sorted(self.seen)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "SessionState":
        """The state from a slot; a damaged or out-of-date one starts afresh rather than crash."""
        if not isinstance(data, dict) or not data:
            return cls()
        known = {f.name for f in dataclass_fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        try:
            values["seen"] = {str(item) for item in values.get("seen") or []}
            values["used"] = [str(item) for item in values.get("used") or []]
            values["offered"] = [str(item) for item in values.get("offered") or []]
            state = cls(**values)
            if state.client_id:
                state.last_reply()
            if not isinstance(state.turn, int) or not 0 <= state.turn <= session_rules().turns:
                raise ValueError(f"turn {state.turn!r}")
        except (TypeError, ValueError, KeyError, IndexError, ContentError):
            log.warning("trainee practice state could not be read; starting afresh")
            return cls()
        return state


def reply_at(client: Client, key: str) -> Reply:
    """The reply a key names: "opening" or "depth:index"."""
    if key == OPENING:
        return client.opening
    depth, _, index = key.partition(":")
    if depth not in DEPTHS:
        raise KeyError(key)
    return client.replies.at(depth)[int(index)]
