"""The end of a risk-assessment practice session (docs/constructs.md#risk-assessment-practice):
which topics the trainee asked about directly, with the words and the turn, what went unasked, and
the missteps. Words for the chat (no digits), the same facts with the prompts for the supervisor."""
from __future__ import annotations

import random
from collections.abc import MutableSet, Sequence

from bot.exercises.trainee.feedback import and_list, say
from bot.exercises.trainee.library import client_fields, feedback_catalogue
from bot.exercises.trainee.record import TurnRecord
from bot.exercises.trainee.schema import RISK_TOPICS, Client


def _risk(turn: TurnRecord) -> dict:
    detail = turn.detail.get("risk")
    return detail if isinstance(detail, dict) else {}


def risk_view(turns: Sequence[TurnRecord], client: Client | None) -> dict:
    """For review and exports: the disclosure's turn, each topic's first direct question (turn and
    words), the missteps with their words, and what is left to practise."""
    disclosed_at = next((t.step for t in turns if _risk(t).get("client") == "disclosed"
                         or (_risk(t).get("client") == "answered" and _risk(t).get("answered_topic") == "ideation")),
                        None)
    topics: dict[str, dict] = {}
    for topic in RISK_TOPICS:
        first = next((t for t in turns if _risk(t).get("direct") and topic in (_risk(t).get("topics") or [])), None)
        topics[topic] = {"asked": first is not None, "step": first.step if first else None,
                         "prompt": first.prompt if first else None}
    missteps = [{"step": t.step, "prompt": t.prompt, "move": _risk(t).get("move")}
                for t in turns if _risk(t).get("missteps") or (_risk(t).get("vague") and not _risk(t).get("topics"))]
    view = {
        "kind": client.risk.kind if client is not None and client.risk is not None else None,
        "disclosed_at": disclosed_at,
        "topics": topics,
        "asked_directly": sum(1 for t in topics.values() if t["asked"]),
        "missteps": missteps,
        "unasked": [topic for topic, t in topics.items() if not t["asked"]],
    }
    return view


def risk_closing(turns: Sequence[TurnRecord], client: Client, seen: MutableSet[str], rng: random.Random) -> list[str]:
    """The chat's closing lines on the risk assessment, in words."""
    if client.risk is None:
        return []
    words = feedback_catalogue().risk
    view = risk_view(turns, client)
    fields = client_fields(client)
    names = [words.topic_names[t] for t in RISK_TOPICS if view["topics"][t]["asked"]]  # type: ignore[index]
    unasked = [words.topic_names[t] for t in view["unasked"]]  # type: ignore[index]
    lines: list[str] = []
    if not names:
        lines.append(say(words.closing_none, seen, rng, {**fields, "example": client.risk.ask["ideation"]}))  # type: ignore[index]
    else:
        lines.append(say(words.closing_asked, seen, rng, {**fields, "asked": and_list(names)}))
        if unasked:
            lines.append(say(words.closing_missing, seen, rng, {**fields, "missing": and_list(unasked)}))
    for move in dict.fromkeys(str(m["move"]) for m in view["missteps"]):
        templates = words.closing_missteps.get(move)  # type: ignore[call-overload]
        if templates:
            lines.append(say(templates, seen, rng, fields))
    return [line for line in lines if line]
