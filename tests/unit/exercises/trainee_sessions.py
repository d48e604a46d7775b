"""Driving the trainee engine as the generic actions do, for the trainee tests."""
from __future__ import annotations

import random

from bot.exercises.contract import AnsweredTurn
from bot.exercises.trainee.library import client_by_id
from bot.exercises.trainee.state import SessionState


def session_with(client_id: str, feedback: bool = True) -> dict:
    state = SessionState(feedback_on=feedback)
    state.meet(client_by_id(client_id))
    return state.to_dict()


def run(engine, state: dict, prompts, seed: int = 3):
    """Prompts in order; the replies and the turns as the generic actions would collect them."""
    rng, replies, turns = random.Random(seed), [], []
    for prompt in prompts:
        asked = engine.ask(state, rng)
        reply = engine.answer(asked.state, prompt, rng, question=asked.question or "")
        state = reply.state
        replies.append(reply)
        if reply.annotation is not None:
            turns.append(AnsweredTurn(reply.annotation, prompt, asked.question or ""))
    return state, replies, turns
