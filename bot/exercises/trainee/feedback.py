"""The line of feedback after each prompt: what the prompt did, quoting it, and when the prompt
was not among the best moves, an example of a better one for that moment (the `next` the client's
previous reply carries, or one of the client's `good_prompts`). Wording lives in feedback.yml."""
from __future__ import annotations

import random
from collections.abc import MutableSet
from dataclasses import dataclass

from bot.exercises.trainee.library import client_fields, feedback_catalogue
from bot.exercises.trainee.moves import GOOD_MOVES
from bot.exercises.trainee.schema import Client, Reply
from bot.exercises.wording import is_fresh, pick_fresh, remember
from bot.text import one_line

MAX_QUOTE_CHARS = 90


@dataclass(frozen=True)
class TurnFeedback:
    move: str
    line: str  # what the prompt did, quoting it
    example: str | None  # a better prompt for that moment, if offered
    example_line: str | None  # the sentence offering it

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.line, self.example_line) if part)


def quote_of(prompt: str) -> str:
    """The prompt on one line, its first words followed by "..." when long."""
    text = one_line(prompt).strip().strip('"')
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    cut = text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "..."


def say(templates: list[str], seen: MutableSet[str], rng: random.Random, fields: dict[str, str]) -> str:
    """A fresh variant; when every one has been used, repeat rather than say nothing."""
    return pick_fresh(templates, seen, rng, fields) or pick_fresh(templates, set(), rng, fields) or ""


def feedback_for(prompt: str, move: str, client: Client, answered: Reply, seen: MutableSet[str],
                 rng: random.Random) -> TurnFeedback:
    catalogue = feedback_catalogue()
    fields = {**client_fields(client), "quote": quote_of(prompt)}
    line = say(catalogue.moves.get(move) or catalogue.moves["other"], seen, rng, fields)
    example = None if move in GOOD_MOVES else _example(client, answered, seen)
    example_line = say(catalogue.example, seen, rng, {"example": example}) if example else None
    if example:
        remember(example, seen)  # offered once a session
    return TurnFeedback(move, line, example, example_line)


def _example(client: Client, answered: Reply, seen: MutableSet[str]) -> str | None:
    """The answered reply's own `next`, else a client's good prompt not offered yet."""
    for candidate in ([answered.next] if answered.next else []) + list(client.good_prompts):
        if is_fresh(candidate, seen):
            return candidate
    return None
