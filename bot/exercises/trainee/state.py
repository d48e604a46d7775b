"""Where a trainee is in a practice session: the step state that travels in a Rasa slot.

It holds the client, the turn, the client's rapport and how many turns a misattuned prompt still
weighs on them, which replies were used (by depth and index, so none comes back), the reply the
trainee is answering, whether feedback is given per turn, and digests of the feedback sentences
said; never the trainee's words (they live once, in the annotations: bot/exercises/contract.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.exercises.slot_state import SlotState
from bot.exercises.trainee.library import client_by_id, session_rules
from bot.exercises.trainee.schema import DEPTHS, RISK_TOPICS, Client, Reply

OPENING = "opening"
RISK_KEY, DEFLECT_KEY = "risk", "deflect"


@dataclass
class SessionState(SlotState):
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
    disclosed: bool = False  # a risk client has disclosed (risk_session.py)
    covered: list[str] = field(default_factory=list)  # risk topics the client has answered

    @property
    def turns(self) -> int:
        """Prompts in this session: more with a client who discloses risk."""
        rules = session_rules()
        return rules.risk_turns if self.client_id and self.client().risk is not None else rules.turns

    @property
    def step(self) -> str | None:
        return f"turn_{self.turn + 1}" if self.turn < self.turns and not self.assessed else None

    @property
    def assessed(self) -> bool:
        """A risk client has answered a direct question on every topic: the assessment is whole."""
        return bool(self.covered) and set(RISK_TOPICS) <= set(self.covered)

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
        self.disclosed, self.covered = False, []
        if client.id not in self.offered:
            self.offered.append(client.id)

    @classmethod
    def coerce(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {**values,
                "seen": {str(item) for item in values.get("seen") or []},
                "used": [str(item) for item in values.get("used") or []],
                "offered": [str(item) for item in values.get("offered") or []],
                "covered": [str(item) for item in values.get("covered") or []]}

    def check(self) -> None:
        if self.client_id:
            self.last_reply()
        if not isinstance(self.turn, int) or not 0 <= self.turn <= self.turns:
            raise ValueError(f"turn {self.turn!r}")


def reply_at(client: Client, key: str) -> Reply:
    """The reply a key names: "opening", "depth:index", or for a risk client "risk:disclosure",
    "risk:<topic>" (the answer to a direct question) and "deflect:index"."""
    if key == OPENING:
        return client.opening
    depth, _, index = key.partition(":")
    if depth in (RISK_KEY, DEFLECT_KEY):
        if client.risk is None:
            raise KeyError(key)
        if depth == DEFLECT_KEY:
            return Reply(text=client.risk.deflect[int(index)])
        return client.risk.disclosure if index == "disclosure" else client.risk.answers[index]  # type: ignore[index]
    if depth not in DEPTHS:
        raise KeyError(key)
    return client.replies.at(depth)[int(index)]
