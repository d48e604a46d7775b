"""The end of a trainee session: words for the trainee in the chat, numbers for trainee and
supervisor in the review (docs/constructs.md#reflective-prompts).

The chat's closing gives any feedback that was held back, the skill counts written as words (the
chat carries no digits from an analysis), how the client's depth moved and one thing to practise.
The view for review and exports gives every turn and the counts and ratios per skill: open to
closed questions, reflections to questions, the share of prompts aimed at mental states, advice,
misattuned prompts, and the client's depth and rapport over the session.
"""
from __future__ import annotations

import random
import statistics
from collections.abc import Mapping, MutableSet, Sequence

from bot.exercises.trainee.declaration import (
    ADVICE,
    CLIENT_DEPTH,
    CLIENT_RAPPORT,
    CLOSED_QUESTION,
    MENTAL_STATE_FOCUS,
    MISATTUNED,
    OPEN_QUESTION,
    PROMPT_QUALITY,
    REFLECTION,
)
from bot.exercises.trainee.feedback import say
from bot.exercises.trainee.library import client_fields, feedback_catalogue
from bot.exercises.trainee.record import TurnRecord
from bot.exercises.trainee.risk_summary import risk_closing, risk_view
from bot.exercises.trainee.schema import Client

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve")
TIMES = ("not once", "once", "twice")


def in_words(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else "many"


def times(n: int) -> str:
    return TIMES[n] if 0 <= n < len(TIMES) else f"{in_words(n)} times"


def counts(turns: Sequence[TurnRecord]) -> dict[str, int]:
    """Prompts per skill over a session (the closing in words and the supervisor's report)."""
    return count_scores([t.scores for t in turns])


def count_scores(score_sets: Sequence[Mapping[str, object]]) -> dict[str, int]:
    """`counts` from each prompt's stored scores (a missing or unreadable score counts as 0)."""
    def value(scores: Mapping[str, object], name: str) -> float:
        number = scores.get(name)
        return float(number) if isinstance(number, (int, float)) else 0.0

    def total(name: str, test=lambda v: v > 0) -> int:
        return sum(1 for scores in score_sets if test(value(scores, name)))

    return {
        "prompts": len(score_sets),
        "open": total(OPEN_QUESTION.name),
        "closed": total(CLOSED_QUESTION.name),
        "reflections": total(REFLECTION.name),
        "complex": total(REFLECTION.name, lambda v: v >= 2),
        "mind": total(MENTAL_STATE_FOCUS.name),
        "advice": total(ADVICE.name),
        "misattuned": total(MISATTUNED.name),
    }


def depth_trend(turns: Sequence[TurnRecord]) -> str:
    depths = [t.score(CLIENT_DEPTH.name) for t in turns]
    if not depths or max(depths) == 0:
        return "stayed_shut"
    half = max(1, len(depths) // 2)
    first, second = statistics.mean(depths[:half]), statistics.mean(depths[half:] or depths[-1:])
    if second - first >= 0.5:
        return "rose"
    if first - second >= 0.5:
        return "fell"
    return "steady"


def practise_next(numbers: dict[str, int]) -> str:
    if numbers["misattuned"] or numbers["advice"]:
        return "misattuned"
    if numbers["closed"] > numbers["open"]:
        return "closed"
    if not numbers["reflections"]:
        return "no_reflections"
    if not numbers["mind"]:
        return "no_mind"
    return "all_good"


def closing_words(turns: Sequence[TurnRecord], client: Client, seen: MutableSet[str], rng: random.Random) -> list[str]:
    catalogue = feedback_catalogue()
    fields = client_fields(client)
    messages = [say(catalogue.closing_opening, seen, rng, fields)]
    held = [t for t in turns if not t.detail.get("feedback_shown", True) and t.detail.get("feedback")]
    if held:
        messages.append(say(catalogue.closing_feedback_heading, seen, rng, fields))
        for turn in held:
            example = turn.detail.get("example")
            line = str(turn.detail["feedback"])
            if example:
                line += " " + say(catalogue.example, set(), rng, {"example": str(example)})
            messages.append(line)
            if turn.detail.get("risk_cue"):
                messages.append(str(turn.detail["risk_cue"]))
    if turns:
        numbers = counts(turns)
        words = {key: in_words(value) for key, value in numbers.items()}
        words["advice"] = times(numbers["advice"])
        words["mind"] = "none" if not numbers["mind"] else words["mind"]
        words["prompts"] = words["prompts"] + (" prompt" if numbers["prompts"] == 1 else " prompts")
        messages.append(say(catalogue.closing_counts, seen, rng, {**fields, **words}))
        messages.append(say(catalogue.closing_depth[depth_trend(turns)], seen, rng, fields))
        messages += risk_closing(turns, client, seen, rng)
        # A risk question's misstep has its own line above; the general advice weighs the rest.
        general = [t for t in turns if not (t.detail.get("risk") or {}).get("missteps")]
        advice = practise_next(counts(general))
        if not (advice == "all_good" and len(general) < len(turns)):  # no praise beside a misstep
            messages.append(say(catalogue.closing_practise[advice], seen, rng, fields))
    return [m for m in messages if m]


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 2) if b else None


def session_view(turns: Sequence[TurnRecord], client: Client | None) -> dict:
    numbers = counts(turns)
    questions = numbers["open"] + numbers["closed"]
    view: dict = {
        "simulated": True,
        "turns": [
            {"step": t.step, "prompt": t.prompt, "client_said": t.client_said, "client_reply": t.detail.get("client_reply"), "scores": t.scores,
             **{key: t.detail.get(key) for key in ("behaviour", "question_type", "reflection_type", "flags",
                                                    "move", "feedback", "example", "client_depth", "strained")}}
            for t in turns
        ],
        "session": {
            **numbers,
            "questions": questions,
            "open_to_closed": _ratio(numbers["open"], numbers["closed"]),
            "reflections_to_questions": _ratio(numbers["reflections"], questions),
            "mental_state_share": _ratio(numbers["mind"], numbers["prompts"]),
            "depth": [t.score(CLIENT_DEPTH.name) for t in turns],
            "rapport": [t.score(CLIENT_RAPPORT.name) for t in turns],
            "quality": [t.score(PROMPT_QUALITY.name) for t in turns],
            "depth_trend": depth_trend(turns),
            "practise_next": practise_next(numbers),
        },
    }
    if client is not None:
        view["client"] = {
            "id": client.id, "name": client.name, "style": client.style, "stance": client.stance,
            "attachment": client.attachment, "mentalizing": client.mentalizing.dict(),
            "presenting_concern": client.presenting_concern,
        }
    if client is not None and client.risk is not None:
        view["risk"] = risk_view(turns, client)
    return view
