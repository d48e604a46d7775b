"""How a simulated client who carries risk answers (docs/constructs.md#risk-assessment-practice).

The client discloses in their reply to an early prompt (`disclose_after` in clients.yml), veiled or
explicit, unless that prompt misattuned them: then on the next. A direct question about suicide
before that brings the disclosure at once (screening works). After it, a direct and calm question
on a topic not yet answered gets the client's honest answer on that topic; a leading question, a
request for a promise, an alarmed tone or a general "are you safe?" gets a deflection, the "no" such
questions invite; anything else gets the client's ordinary reply at the depth it earned.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from bot.exercises.trainee.risk_questions import RiskReading
from bot.exercises.trainee.schema import DEPTHS, Client, Reply
from bot.exercises.trainee.state import DEFLECT_KEY, RISK_KEY, SessionState, reply_at

HONEST = DEPTHS.index("reflective")  # an honest answer about risk is the deepest the moment holds
DISCLOSED = DEPTHS.index("feeling")  # the disclosure comes whatever the prompt: a feeling, named
GUARDED = DEPTHS.index("surface")  # a general question gets a general answer
DENIED = DEPTHS.index("shut")  # a question that expects "no" gets it


@dataclass(frozen=True)
class RiskTurn:
    key: str
    reply: Reply
    depth: int
    event: str  # "disclosed", "answered" or "deflected"
    topic: str | None = None


def risk_reply(client: Client, state: SessionState, reading: RiskReading | None, misattuned: bool,
               rng: random.Random) -> RiskTurn | None:
    """The client's reply when their risk shapes it, else None (the ordinary reply answers).
    Updates `state.disclosed` and `state.covered`; the caller records the key as used."""
    risk = client.risk
    if risk is None:
        return None
    if not state.disclosed:
        if reading is not None and reading.direct and "ideation" in reading.topics:
            return _answer(client, state, "ideation")
        if state.turn + 1 >= risk.disclose_after and not misattuned:
            state.disclosed = True
            key = f"{RISK_KEY}:disclosure"
            return RiskTurn(key, reply_at(client, key), DISCLOSED, "disclosed")
        return None
    if reading is None:
        return None
    if reading.missteps or (reading.vague and not reading.topics):
        return _deflect(client, state, DENIED if reading.missteps else GUARDED, rng)
    fresh = [t for t in reading.topics if t not in state.covered]
    if reading.direct and fresh:
        return _answer(client, state, fresh[0])
    return None


def _answer(client: Client, state: SessionState, topic: str) -> RiskTurn:
    state.disclosed = True
    state.covered.append(topic)
    key = f"{RISK_KEY}:{topic}"
    return RiskTurn(key, reply_at(client, key), HONEST, "answered", topic)


def _deflect(client: Client, state: SessionState, depth: int, rng: random.Random) -> RiskTurn | None:
    assert client.risk is not None
    fresh = [i for i in range(len(client.risk.deflect)) if f"{DEFLECT_KEY}:{i}" not in state.used]
    if not fresh:
        return None  # every deflection said: the ordinary reply answers rather than a repeat
    key = f"{DEFLECT_KEY}:{rng.choice(fresh)}"
    return RiskTurn(key, reply_at(client, key), depth, "deflected")


def carry_on_disclosure(client: Client, state: SessionState) -> RiskTurn | None:
    """A skipped turn still brings the disclosure when it is due."""
    return risk_reply(client, state, None, False, random.Random(0))
