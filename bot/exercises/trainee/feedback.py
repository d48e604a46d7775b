"""The line of feedback after each prompt: what the prompt did, quoting it, and when the prompt
was not among the best moves, an example of a better one for that moment (the `next` the client's
previous reply carries, or one of the client's `good_prompts`). Once a client has disclosed risk,
the line says what the prompt did as a risk assessment and offers the next topic still to ask
about (docs/constructs.md#risk-assessment-practice). Wording lives in feedback.yml."""
from __future__ import annotations

import random
from collections.abc import MutableSet, Sequence
from dataclasses import dataclass

from bot.exercises.trainee.library import client_fields, feedback_catalogue
from bot.exercises.trainee.moves import GOOD_MOVES
from bot.exercises.trainee.risk_questions import RiskReading
from bot.exercises.trainee.schema import RISK_TOPICS, Client, Reply
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
    example = None if move in GOOD_MOVES else _example(client, answered, seen, prompt)
    example_line = say(catalogue.example, seen, rng, {"example": example}) if example else None
    if example:
        remember(example, seen)  # offered once a session
    return TurnFeedback(move, line, example, example_line)


def _example(client: Client, answered: Reply, seen: MutableSet[str], prompt: str = "") -> str | None:
    """The answered reply's own `next`, else a client's good prompt not offered yet (never the
    trainee's own prompt offered back to them)."""
    said = _plain(prompt)
    for candidate in ([answered.next] if answered.next else []) + list(client.good_prompts):
        if is_fresh(candidate, seen) and _plain(candidate) != said:
            return candidate
    return None


def risk_feedback_for(prompt: str, reading: RiskReading, client: Client, covered: Sequence[str],
                      seen: MutableSet[str], rng: random.Random) -> TurnFeedback:
    """Feedback on a prompt once a risk client has disclosed (or a prompt that asked about risk):
    what it did as a risk assessment, quoting it, and the next topic still to ask about."""
    words = feedback_catalogue().risk
    fields = {**client_fields(client), "quote": quote_of(prompt),
              "topics": and_list([words.topic_names[t] for t in reading.topics])}
    line = say(words.moves[reading.move], seen, rng, fields)  # type: ignore[index]
    topic, example = next_risk_question(client, covered, seen)
    example_line = None
    if topic and example:
        example_line = say(words.next_topic, seen, rng, {"topic": words.topic_names[topic], "example": example})  # type: ignore[index]
        remember(example, seen)
    return TurnFeedback(f"risk_{reading.move}", line, example, example_line)


def _plain(text: str) -> str:
    return " ".join("".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace()).split())


def risk_cue(client: Client, seen: MutableSet[str], rng: random.Random) -> str:
    """The teaching moment after a client's disclosure, with a direct question to ask now."""
    assert client.risk is not None
    example = client.risk.ask["ideation"]  # type: ignore[index]
    return say(feedback_catalogue().risk.cue, seen, rng, {**client_fields(client), "example": example})


def next_risk_question(client: Client, covered: Sequence[str], seen: MutableSet[str]) -> tuple[str | None, str | None]:
    """The first topic the client has not answered yet and its example question, when not offered
    before in this session."""
    if client.risk is None:
        return None, None
    for topic in RISK_TOPICS:
        if topic not in covered:
            example = client.risk.ask[topic]  # type: ignore[index]
            return (topic, example) if is_fresh(example, seen) else (None, None)
    return None, None


def and_list(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
