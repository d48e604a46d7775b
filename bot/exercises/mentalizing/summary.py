"""The end of an exercise: a summary in words for the person, and the numbers for the therapist.

Clients get words, never scores (docs/constructs.md): what they noticed, quoted from their own answers,
the scenario's hidden point of view offered as one possibility, and one thing to take away.
Therapists and trainees get every turn's markers with their evidence, the RF-style estimate and the
analysis' explanation of it.
"""
from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import MutableSet, Sequence

from bot.analysis.evidence import Evidence
from bot.exercises.mentalizing.asking import About, person_fields
from bot.exercises.mentalizing.feedback import overlaps_any
from bot.exercises.mentalizing.library import feedback_catalogue
from bot.exercises.mentalizing.record import Turn
from bot.exercises.mentalizing.schema import Scenario
from bot.exercises.quotes import quote_for
from bot.exercises.wording import pick_fresh

MAX_NOTICED = 2  # more than two highlights stops feeling like a reflection and starts to read like a report


def closing_summary(
    turns: Sequence[Turn],
    scenario: About = None,
    rng: random.Random | None = None,
    seen: MutableSet[str] | None = None,
) -> str:
    """What the person noticed, the other side as one possibility, and one thing to take away."""
    rng = rng or random.Random()
    seen = seen if seen is not None else set()
    closing = feedback_catalogue().closing
    fields = person_fields(scenario)
    answered = [turn for turn in turns if turn.counted]

    def say(templates: list[str], **extra: str) -> str | None:
        return pick_fresh(templates, seen, rng, {**fields, **extra}) or pick_fresh(
            templates, set(), rng, {**fields, **extra}
        )

    if not answered:
        return say(closing.nothing_to_summarise) or ""

    parts = [say(closing.opening)]
    found = set().union(*(turn.families() for turn in answered))
    quoted: set[str] = set()
    for family in [f for f in closing.noticed_order if f in found]:
        quote = _best_quote(answered, family, quoted)
        if quote:
            quoted.add(quote)
            parts.append(say(closing.noticed[family], quote=quote))
        if len(quoted) == MAX_NOTICED:
            break
    if isinstance(scenario, Scenario):
        parts.append(say(closing.their_side, hidden_view=scenario.hidden_view.strip()))
        if scenario.other_was != "well_meaning":
            parts.append(say(closing.their_side_unkind))
    parts.append(say(closing.take_away[_take_away_key(answered, closing.take_away_order)]))
    return " ".join(part for part in parts if part)


def _best_quote(turns: Sequence[Turn], family: str, already: set[str]) -> str | None:
    """The latest quotable words for `family` not quoted yet: later answers show where the person
    got to, and the same words quoted twice would make two highlights out of one."""
    for turn in reversed(turns):
        # Words that showed a failure of mentalizing are not held up as a highlight.
        failures = [Evidence(**e) for mode in turn.failure_modes for e in mode["evidence"]]
        failures += turn.unquotable()  # nor self-criticism, nor someone else's dismissal
        for evidence in turn.evidence_for(family):
            if overlaps_any(evidence, failures):
                continue
            quote = quote_for(turn.answer, evidence)
            if quote and any(u.text and u.text.lower() in quote.lower() for u in turn.unquotable()):
                continue
            if quote and quote not in already:
                return quote
    return None


def _take_away_key(turns: Sequence[Turn], order: Sequence[str]) -> str:
    """A failure mode first; then a family never shown; then the one missing from most answers;
    "all_present" when every answer showed every family."""
    if any(turn.failure_modes for turn in turns):
        return "failure_mode"
    missing = Counter(family for turn in turns for family in order if family not in turn.families())
    if not missing:
        return "all_present"
    never = [family for family in order if missing[family] == len(turns)]
    if never:
        return never[0]
    most = max(missing.values())
    return next(family for family in order if missing[family] == most)


def therapist_view(turns: Sequence[Turn], scenario: Scenario | None = None) -> dict:
    """Per-turn markers, evidence, failure modes, RF-style estimate and explanation, plus totals.

    For therapists and trainees only. The RF-style estimate is the analysis' heuristic on the
    1-9 scale of Fonagy et al. (1998), not a coded RF score.
    """
    rows = [
        {
            "step": turn.step,
            "follow_up": turn.follow_up,
            "question": turn.question,
            "answer": turn.answer,
            "markers": turn.markers,
            "families": sorted(turn.families()),
            "failure_modes": turn.failure_modes,
            "rf_estimate": turn.rf_estimate,
            "explanation": turn.explanation,
            "language_supported": turn.language_supported,
            "feedback": {
                key: turn.feedback.get(key)
                for key in ("kind", "text", "reflected", "invited", "challenged", "affirmed",
                            "validated", "praised", "repaired", "low", "eased")
            },
        }
        for turn in turns
    ]
    scored = [t.rf_estimate for t in turns if t.counted and t.rf_estimate is not None]
    families = Counter(family for turn in turns for family in turn.families())
    modes = Counter(mode["mode"] for turn in turns for mode in turn.failure_modes)
    session = {
        "answers": len([t for t in turns if t.counted]),
        "rf_estimates": scored,
        "rf_highest": max(scored) if scored else None,
        "rf_median": statistics.median(scored) if scored else None,
        "families": dict(sorted(families.items())),
        "failure_modes": dict(sorted(modes.items())),
    }
    view: dict = {"turns": rows, "session": session}
    if scenario is not None:
        view["scenario"] = {
            "id": scenario.id,
            "title": scenario.title,
            "relationship": scenario.relationship,
            "hidden_view": scenario.hidden_view.strip(),
            "readings": list(scenario.readings),
            "tags": list(scenario.tags),
            "intensity": scenario.intensity,
            "other_was": scenario.other_was,
            "involves": sorted(scenario.assumes),
        }
    return view
