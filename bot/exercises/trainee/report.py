"""The supervisor's whole-session report on a trainee's practice, for review and exports
(bot/exercises/registry.py, `session_report`): the client, the skill figures and the client's depth
over the session, what the trainee did well and what to practise (each with the turn, the scores and
the trainee's own words that earned them), and for a client who carries risk, the risk assessment
topic by topic. It reads only stored annotations (no engine, no spaCy); wording is in report.yml.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel

from bot.content import ContentError, load_document
from bot.exercises.contract import ReportSection
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
    RISK_MISSTEP,
)
from bot.exercises.trainee.library import client_by_id
from bot.exercises.trainee.schema import RISK_TOPICS, Client
from bot.exercises.trainee.summary import count_scores
from bot.text import one_line

REPORT_FILE = Path(__file__).with_name("report.yml")
MAX_EXAMPLES = 3  # turns quoted under "did well" and under "to practise"
WELL = 2  # prompt quality that counts as done well (the rapport-raising quality in client_state.py)


class ReportWords(BaseModel):
    headings: dict[str, str]
    client: str
    client_risk: str
    figures: str
    depth: str
    turn: str
    marks: str
    instead: str
    nothing_well: str
    nothing_to_practise: str
    general: dict[str, str]
    disclosed: str
    not_disclosed: str
    topic_asked: str
    topic_unasked: str
    misstep: str
    coverage: str
    topics: dict[str, str]
    moves: dict[str, str]


@functools.lru_cache(maxsize=None)
def words() -> ReportWords:
    return load_document(REPORT_FILE, ReportWords)


def _score(turn: Mapping, name: str) -> float:
    value = (turn.get("scores") or {}).get(name)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _result(turn: Mapping) -> Mapping:
    result = turn.get("result")
    return result if isinstance(result, Mapping) else {}


def _quote(text: object) -> str:
    return one_line(str(text or "")).replace('"', "'")


def _number(value: float) -> str:
    return f"{value:g}"


def _client(turns: Sequence[Mapping]) -> Client | None:
    client_id = next((str(_result(t).get("simulated_client")) for t in turns if _result(t).get("simulated_client")), "")
    try:
        return client_by_id(client_id) if client_id else None
    except ContentError:  # a client since removed from the library: the report goes on without
        return None


def supervisor_report(turns: Sequence[Mapping]) -> list[ReportSection]:
    """The report's sections, from the session's trainee annotations in order."""
    if not turns:
        return []
    w = words()
    client = _client(turns)
    sections = [ReportSection(w.headings["session"], tuple(_overview(turns, client)))]
    sections.append(ReportSection(w.headings["did_well"], tuple(_did_well(turns))))
    sections.append(ReportSection(w.headings["to_practise"], tuple(_to_practise(turns))))
    if (client is not None and client.risk is not None) or any("risk" in _result(t) for t in turns):
        sections.append(ReportSection(w.headings["risk"], tuple(_risk(turns))))
    return sections


def _overview(turns: Sequence[Mapping], client: Client | None) -> list[str]:
    w = words()
    lines = []
    if client is not None:
        lines.append(w.client.format(name=client.name, age=client.age, style=client.style,
                                     stance=client.stance, concern=client.presenting_concern))
        if client.risk is not None:
            lines.append(w.client_risk.format(kind=client.risk.kind, after=client.risk.disclose_after))
    n = count_scores([t.get("scores") or {} for t in turns])
    questions = n["open"] + n["closed"]
    lines.append(w.figures.format(
        prompts=n["prompts"], open=n["open"], closed=n["closed"], open_to_closed=_ratio(n["open"], n["closed"]),
        reflections=n["reflections"], complex=n["complex"], questions=questions,
        reflections_to_questions=_ratio(n["reflections"], questions), mind=n["mind"],
        advice=n["advice"], misattuned=n["misattuned"]))
    lines.append(w.depth.format(
        depth=" ".join(_number(_score(t, CLIENT_DEPTH.name)) for t in turns),
        rapport=" ".join(_number(_score(t, CLIENT_RAPPORT.name)) for t in turns),
        quality=" ".join(f"{_score(t, PROMPT_QUALITY.name):+g}" for t in turns)))
    return lines


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def _turn_lines(turn: Mapping, with_example: bool) -> list[str]:
    w = words()
    result = _result(turn)
    move = str(result.get("move") or "other")
    lines = [w.turn.format(step=turn.get("step") or "?", move=w.moves.get(move, move),
                           quality=f"{_score(turn, PROMPT_QUALITY.name):+g}",
                           depth=_number(_score(turn, CLIENT_DEPTH.name)), prompt=_quote(turn.get("text")))]
    marks = [f"{e.get('marker')} '{_quote(e.get('text'))}'" for e in turn.get("evidence") or ()
             if isinstance(e, Mapping) and e.get("text")]
    if marks:
        lines.append(w.marks.format(marks=", ".join(dict.fromkeys(marks))))
    if with_example and result.get("example"):
        lines.append(w.instead.format(example=_quote(result["example"])))
    return lines


def _did_well(turns: Sequence[Mapping]) -> list[str]:
    good = [t for t in turns if _score(t, PROMPT_QUALITY.name) >= WELL and not _score(t, MISATTUNED.name)
            and not _score(t, RISK_MISSTEP.name)]
    good.sort(key=lambda t: -_score(t, PROMPT_QUALITY.name))  # stable: the earlier of equals first
    lines = [line for t in good[:MAX_EXAMPLES] for line in _turn_lines(t, with_example=False)]
    return lines or [words().nothing_well]


def _to_practise(turns: Sequence[Mapping]) -> list[str]:
    poor = [t for t in turns if _score(t, MISATTUNED.name) or _score(t, RISK_MISSTEP.name)
            or _result(t).get("move") == "risk_none"]
    lines = [line for t in poor[:MAX_EXAMPLES] for line in _turn_lines(t, with_example=True)]
    if not lines:
        lines = [words().nothing_to_practise]
    general = _general(turns)
    if not (general == "all_good" and any(_score(t, RISK_MISSTEP.name) for t in turns)):
        lines.append(words().general[general])
    return lines


def _general(turns: Sequence[Mapping]) -> str:
    """The one general thing to practise (as the trainee's closing chooses it, summary.py)."""
    def count(name: str) -> int:
        return sum(1 for t in turns if _score(t, name) > 0 and not _score(t, RISK_MISSTEP.name))
    if count(MISATTUNED.name) or count(ADVICE.name):
        return "misattuned"
    if count(CLOSED_QUESTION.name) > count(OPEN_QUESTION.name):
        return "closed"
    if not count(REFLECTION.name):
        return "no_reflections"
    return "no_mind" if not count(MENTAL_STATE_FOCUS.name) else "all_good"


def _risk(turns: Sequence[Mapping]) -> list[str]:
    w = words()
    risk = [(t, _result(t).get("risk") or {}) for t in turns]
    disclosed = next((t for t, r in risk if r.get("client") == "disclosed"
                      or (r.get("client") == "answered" and r.get("answered_topic") == "ideation")), None)
    lines = [w.disclosed.format(step=disclosed.get("step"))
             if disclosed is not None else w.not_disclosed]
    asked = 0
    for topic in RISK_TOPICS:
        first = next((t for t, r in risk if r.get("direct") and topic in (r.get("topics") or [])), None)
        if first is None:
            lines.append(w.topic_unasked.format(topic=w.topics[topic]))
            continue
        asked += 1
        lines.append(w.topic_asked.format(topic=w.topics[topic], step=first.get("step"), prompt=_quote(first.get("text"))))
    lines.append(w.coverage.format(asked=asked, total=len(RISK_TOPICS)))
    for t, r in risk:
        if r.get("missteps") or (r.get("vague") and not r.get("topics")):
            move = f"risk_{r.get('move')}"
            lines.append(w.misstep.format(step=t.get("step"), move=w.moves.get(move, move), prompt=_quote(t.get("text"))))
    return lines
