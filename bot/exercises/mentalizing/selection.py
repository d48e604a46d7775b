"""Choosing the next scenario for a person, from what is known about them.

One function, `choose_scenario`, so the rules live in one place:
- never one of the person's last N scenarios (N = `no_repeat_within` in scenarios.yml), nor one
  already offered in this conversation ("another scenario" passes the one just offered);
- never one that assumes a relationship the person asked to leave out (a parent who died, children
  they don't have: leave_out.py), whatever else happens (strangers are never left out);
- scenarios the person has never had come first, then the least recently used;
- a new person starts gentle: their first few scenarios (`gentle_sessions`) are gentle ones;
- among equals, scenarios that match the person's own interests (a relationship such as
  "colleague", or a pattern tag such as "anxiety") come first, then chance picks.
If every scenario was used recently, the least recently used one is offered rather than nothing.
"""
from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.exercises.mentalizing.schema import Scenario, SelectionRules


@dataclass(frozen=True)
class PastScenario:
    scenario_id: str
    when: datetime


@dataclass(frozen=True)
class AttachmentCheckin:
    """A self-report check-in on the two ECR dimensions (domain.md section 2), each on a 1-7 scale.

    Used only for pacing, never to label anyone: a person high on either dimension gets gentle
    moments for longer; high on both (close to a disorganised pattern, where safety and
    stabilisation come first), gentle moments only.
    """

    anxiety: float
    avoidance: float


@dataclass(frozen=True)
class PersonHistory:
    """What Attune knows of a person when choosing a scenario.

    `attachment` is the attachment check-in, when the person has done one (the check-in is built
    later; until then it is None and pacing follows the number of past scenarios alone).
    """

    past: Sequence[PastScenario] = ()
    interests: Collection[str] = field(default_factory=frozenset)
    attachment: AttachmentCheckin | None = None
    leave_out: Collection[str] = field(default_factory=frozenset)  # schema.py, LEAVE_OUT keys


class NoScenarioAvailable(LookupError):
    pass


def choose_scenario(
    history: PersonHistory,
    scenarios: Sequence[Scenario],
    rng: random.Random,
    rules: SelectionRules | None = None,
    exclude: Collection[str] = (),
) -> Scenario:
    """The scenario to offer next. `exclude`: ids offered in this conversation (another scenario)."""
    if rules is None:
        from bot.exercises.mentalizing.library import selection_rules

        rules = selection_rules()
    left_out = set(history.leave_out)
    available = [s for s in scenarios if s.id not in exclude and not s.assumes & left_out]
    if not available:
        raise NoScenarioAvailable("every scenario that fits has been offered in this conversation")

    last_used = _last_used(history.past)
    recent = set(recent_ids(history.past, rules.no_repeat_within))
    fresh = [s for s in available if s.id not in recent]
    # Every scenario used recently (a long-time user): the least recently used is the best left.
    candidates = fresh or available
    if _gentle_only(history, rules):
        candidates = [s for s in candidates if s.intensity == "gentle"] or candidates

    # Shuffle first so that the stable sort leaves ties in random order.
    candidates = list(candidates)
    rng.shuffle(candidates)
    interests = {i.lower() for i in history.interests}
    candidates.sort(
        key=lambda s: (
            s.id in last_used,  # never had it: first
            last_used.get(s.id, datetime.min),  # then the least recently used
            -len(interests & ({s.relationship} | set(s.tags))),  # then the person's interests
        )
    )
    return candidates[0]


def _last_used(past: Sequence[PastScenario]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for item in past:
        if item.scenario_id not in latest or item.when > latest[item.scenario_id]:
            latest[item.scenario_id] = item.when
    return latest


def recent_ids(past: Sequence[PastScenario], window: int) -> list[str]:
    """The distinct ids of the person's last `window` scenarios, newest first."""
    ordered = sorted(past, key=lambda item: item.when, reverse=True)
    return [item.scenario_id for item in ordered[:window]]


def _gentle_only(history: PersonHistory, rules: SelectionRules) -> bool:
    sessions = len(history.past)
    checkin = history.attachment
    if checkin is None:
        return sessions < rules.gentle_sessions
    high = [value >= rules.attachment_high for value in (checkin.anxiety, checkin.avoidance)]
    if all(high):
        return True
    return sessions < rules.gentle_sessions * (2 if any(high) else 1)
