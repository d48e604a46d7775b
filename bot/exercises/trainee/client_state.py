"""How a simulated client answers: at a depth that follows the prompt and the client's own state.

The depth a prompt earns (docs/constructs.md#simulated-clients): a misattuned prompt gets a shut
reply; a prompt worth nothing or less (a closed question, a remark) the surface; one or two points
a feeling; more a reflective reply. Rapport moves it: low rapport (a hostile or withdrawn client at
the start, or after misattunement) takes a level off, high rapport adds one. A misattuned prompt
lowers rapport and keeps the client one level shallower for the next few turns, however good those
prompts are (though only a misattuned or costly prompt gets a shut reply); an attuned one raises
rapport. Replies are never repeated in a session: when the
earned depth has none left, the nearest depth that has one answers (the shallower on a tie).
A client who carries risk answers risk questions in their own way (risk_session.py): a direct, calm
question about risk is what the moment needs, so it counts as attuned however closed it is; a
leading one, a promise asked for or an alarmed tone counts as misattuned.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from bot.exercises.trainee.library import session_rules
from bot.exercises.trainee.moves import PromptReading
from bot.exercises.trainee.risk_questions import RiskReading
from bot.exercises.trainee.risk_session import RiskTurn, carry_on_disclosure, risk_reply
from bot.exercises.trainee.schema import DEPTHS, Client, Reply
from bot.exercises.trainee.state import SessionState

ATTUNED = 2  # quality at which rapport rises


@dataclass(frozen=True)
class ClientTurn:
    earned: int  # the depth the prompt earned (0 shut ... 3 reflective)
    depth: int  # the depth of the reply said (the nearest with a reply left)
    key: str  # the reply said, "depth:index"
    reply: Reply
    quality: int  # the prompt's quality for this client
    misattuned: bool
    rapport: int  # after this turn
    strained: bool  # an earlier misattunement kept this reply shallower
    risk: RiskTurn | None = None  # the client's risk shaped this reply


def earned_depth(quality: int, misattuned: bool, rapport: int, strained: bool) -> int:
    if misattuned:
        depth = 0
    elif quality <= 0:
        depth = 1
    elif quality <= 2:
        depth = 2
    else:
        depth = 3
    if not misattuned:
        depth += -1 if rapport < 0 else (1 if rapport >= 2 else 0)
    if strained:
        depth -= 1
    # A shut reply answers being misread or pushed: a prompt that costs nothing keeps the surface.
    floor = 1 if not misattuned and quality >= 0 else 0
    return max(floor, min(len(DEPTHS) - 1, depth))


def respond(client: Client, state: SessionState, reading: PromptReading, rng: random.Random,
            risk: RiskReading | None = None) -> ClientTurn:
    """The client's reply to a prompt; updates `state` (rapport, strain, replies used, turn)."""
    rules = session_rules()
    quality, misattuned = reading.with_client(client.opens_up, client.shuts_down)
    if client.risk is not None and risk is not None and risk.about_risk:
        misattuned = reading.misattuned or bool(risk.missteps)  # not the client's own dislikes: the moment needs it
        quality = max(quality, ATTUNED) if risk.direct else quality - (2 if risk.missteps else 0)
    strained = state.strain > 0
    depth = earned_depth(quality, misattuned, state.rapport, strained)
    shaped = risk_reply(client, state, risk, misattuned, rng)
    if shaped is not None:
        key, reply, depth = shaped.key, shaped.reply, shaped.depth
    else:
        key, reply = choose_reply(client, depth, set(state.used), rng)
    low, high = rules.rapport_range
    change = -2 if misattuned else (1 if quality >= ATTUNED else (-1 if quality < 0 else 0))
    state.rapport = max(low, min(high, state.rapport + change))
    state.strain = rules.misattunement_turns if misattuned else max(0, state.strain - 1)
    state.used.append(key)
    state.last, state.turn, state.voiced = key, state.turn + 1, True
    said = shaped.depth if shaped is not None else DEPTHS.index(key.partition(":")[0])
    return ClientTurn(depth, said, key, reply, quality, misattuned, state.rapport, strained, shaped)


def carry_on(client: Client, state: SessionState, rng: random.Random) -> Reply:
    """The trainee let a moment pass: the client goes on at the surface (or discloses, when that is
    due), and the turn is spent."""
    shaped = carry_on_disclosure(client, state)
    key, reply = (shaped.key, shaped.reply) if shaped else choose_reply(client, 1, set(state.used), rng)
    state.used.append(key)
    state.last, state.turn, state.voiced = key, state.turn + 1, True
    return reply


def choose_reply(client: Client, depth: int, used: set[str], rng: random.Random) -> tuple[str, Reply]:
    """An unused reply at `depth`, else at the nearest depth with one left (shallower first)."""
    order = sorted(range(len(DEPTHS)), key=lambda d: (abs(d - depth), d))
    for candidate in order:
        name = DEPTHS[candidate]
        fresh = [(f"{name}:{i}", r) for i, r in enumerate(client.replies.at(name)) if f"{name}:{i}" not in used]
        if fresh:
            return rng.choice(fresh)
    raise ValueError(f"client {client.id!r} has no reply left")  # the schema's bank outlasts a session
