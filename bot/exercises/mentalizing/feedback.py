"""Feedback on one answer of the mentalizing exercise, built from the analysis of the person's words.

After each answer the person gets a short reflection that names one thing they did, quoting their
own words from the analysis evidence, and at most one of:
- a gentle, curious challenge, when the analysis found a failure of mentalizing (psychic
  equivalence, teleological mode, hypermentalizing, pretend mode; docs/constructs.md);
- an affirmation, when the answer is already rich (nothing more is asked of it);
- one invitation to go further, chosen from what the analysis found missing, in an order that
  depends on the step (feedback.yml, `steps`).
A challenge or invitation is a question, so the flow stays on the step for one follow-up answer
(state.py) instead of stacking a second question on top of it.
"""
from __future__ import annotations

import random
from collections.abc import MutableSet
from dataclasses import asdict, dataclass, field
from typing import Protocol

from bot.analysis.evidence import Evidence
from bot.exercises.mentalizing.asking import About, person_fields, say_fresh
from bot.exercises.mentalizing.library import feedback_catalogue
from bot.exercises.mentalizing.paths import UnknownStep
from bot.exercises.mentalizing.schema import STEPS
from bot.exercises.quotes import quote_for
from bot.exercises.wording import pick_fresh

# Which failure of mentalizing to take up when several show: certainty about minds first, because
# it is the one that most closes the conversation down.
CHALLENGE_ORDER = ("psychic_equivalence", "teleological", "hypermentalizing", "pretend")


class MarkerLike(Protocol):
    family: str
    evidence: Evidence


class FailureModeLike(Protocol):
    mode: str
    evidence: list[Evidence]
    explanation: str


class MentalizingAnalysis(Protocol):
    """What the exercise reads from `bot.analysis.mentalizing.MentalizingResult`."""

    markers: list[MarkerLike]
    failure_modes: list[FailureModeLike]
    rf_estimate: int
    explanation: str
    language_supported: bool

    def to_dict(self) -> dict: ...


@dataclass
class Feedback:
    """What the bot says after an answer, and why (for the therapist view and for tests)."""

    kind: str  # reflection | empty | too_short | not_english | declined
    text: str
    reflected: str | None = None  # the marker family named in the reflection
    quotes: list[str] = field(default_factory=list)  # the person's own words quoted back
    invited: str | None = None  # the missing family the invitation asks about
    challenged: str | None = None  # the failure mode taken up
    affirmed: bool = False  # a rich answer: affirmed, nothing more asked
    wants_answer: bool = False  # no usable answer yet: the question stands (empty, too short...)

    @property
    def asks_follow_up(self) -> bool:
        return bool(self.invited or self.challenged)

    def to_dict(self) -> dict:
        return asdict(self)


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def feedback_for(
    step: str,
    text: str,
    analysis: MentalizingAnalysis,
    seen_sentences: MutableSet[str],
    rng: random.Random,
    scenario: About = None,
    follow_up: bool = False,
) -> Feedback:
    """A warm, specific reply to the person's answer at `step`, built from the analysis of it.

    `follow_up`: the answer replies to our invitation or challenge. It gets its reflection (or
    affirmation) but no new question, because the next step's question comes straight after.
    """
    if step not in STEPS:
        raise UnknownStep(step)
    catalogue = feedback_catalogue()
    fields = person_fields(scenario)
    text = text or ""
    if not text.strip():
        return _plain("empty", catalogue.empty, seen_sentences, rng, fields)
    if not analysis.language_supported:
        return _plain("not_english", catalogue.not_english, seen_sentences, rng, fields)
    if analysis.rf_estimate is not None and analysis.rf_estimate < 0:
        return _plain("declined", catalogue.declined, seen_sentences, rng, fields, wants_answer=False)
    if not analysis.markers and (len(text.split()) < catalogue.min_words or not _has_letters(text)):
        return _plain("too_short", catalogue.too_short, seen_sentences, rng, fields)

    plan = catalogue.steps[step]
    found_modes = {mode.mode for mode in analysis.failure_modes}
    modes = [name for name in CHALLENGE_ORDER if name in found_modes]
    # Beside a failure of mentalizing only real reflective effort is named ("you held it lightly");
    # praising "you thought about what he felt" and then questioning it in the next breath would jar.
    order = [f for f in plan.reflect if f in catalogue.reflect_beside_challenge] if modes else plan.reflect
    failure_spans = [e for mode in analysis.failure_modes for e in mode.evidence]
    reflection = _reflection(text, analysis, order, failure_spans, seen_sentences, rng, fields)
    feedback = Feedback("reflection", "", reflected=reflection.family, quotes=list(reflection.quotes))
    parts = [reflection.text]

    if modes:
        if not reflection.text:  # validate before exploring
            parts.append(say_fresh(catalogue.acknowledge[modes[0]], seen_sentences, rng, fields))
        challenge = None if follow_up else _challenge(text, analysis, modes, seen_sentences, rng, fields)
        if challenge is not None:
            parts.append(challenge.text)
            feedback.challenged = challenge.family
            feedback.quotes += challenge.quotes
    elif _is_rich(analysis, plan.invite, catalogue.rich_rf):
        affirmation = pick_fresh(catalogue.affirm_rich, seen_sentences, rng, fields)
        feedback.affirmed = affirmation is not None
        parts.append(affirmation)
    else:
        if not reflection.text:
            parts.append(say_fresh(plan.no_finding or catalogue.no_finding, seen_sentences, rng, fields))
        if not follow_up:
            invitation = _invitation(plan, analysis, seen_sentences, rng, fields)
            if invitation is not None:
                parts.append(invitation.text)
                feedback.invited = invitation.family
    feedback.text = " ".join(part for part in parts if part)
    return feedback


def _invitation(plan, analysis, seen, rng, fields) -> _Said | None:
    """One invitation: the first family in the step's order that the answer lacks."""
    present = {marker.family for marker in analysis.markers}
    for family in plan.invite:
        if family in present:
            continue
        wording = plan.invite_wording.get(family) or feedback_catalogue().invite[family]
        said = pick_fresh(wording, seen, rng, fields)
        if said:
            return _Said(said, family, [])
    return None


def _is_rich(analysis: MentalizingAnalysis, invite_order: list[str], rich_rf: int) -> bool:
    """Rich enough to ask nothing more: a high estimate that also answers what the step asked
    (its first invitation family); a thoughtful answer about oneself at the step about the other
    person still gets the invitation to wonder about them."""
    if analysis.rf_estimate is None or analysis.rf_estimate < rich_rf:
        return False
    present = {marker.family for marker in analysis.markers}
    return not invite_order or invite_order[0] in present


def _plain(kind: str, templates: list[str], seen, rng, fields, wants_answer: bool = True) -> Feedback:
    return Feedback(kind, say_fresh(templates, seen, rng, fields), wants_answer=wants_answer)


@dataclass
class _Said:
    text: str | None
    family: str | None
    quotes: list[str]


def overlaps_any(evidence: Evidence, others: list[Evidence]) -> bool:
    return any(evidence.start < o.end and o.start < evidence.end for o in others)


def _reflection(text, analysis, order, avoid: list[Evidence], seen, rng, fields) -> _Said:
    """Name the first family (in the step's order) that was found, quoting the person's words.

    Words that also showed a failure of mentalizing are not praised: the challenge takes them up.
    """
    catalogue = feedback_catalogue()
    for family in order:
        if family not in catalogue.reflect:
            continue
        for marker in analysis.markers:
            if marker.family != family or overlaps_any(marker.evidence, avoid):
                continue
            quote = quote_for(text, marker.evidence)
            if not quote:
                continue
            said = pick_fresh(catalogue.reflect[family], seen, rng, {**fields, "quote": quote})
            if said:
                return _Said(said, family, [quote])
            break  # every variant for this family is used up: try the next family
    return _Said(None, None, [])


def _challenge(text, analysis, modes: list[str], seen, rng, fields) -> _Said | None:
    catalogue = feedback_catalogue()
    by_mode = {mode.mode: mode for mode in analysis.failure_modes}
    for name in modes:
        mode = by_mode[name]
        quote = next((q for q in (quote_for(text, e) for e in mode.evidence) if q), None)
        if quote is None:
            continue
        said = pick_fresh(catalogue.challenge[name], seen, rng, {**fields, "quote": quote})
        if said:
            return _Said(said, name, [quote])
    return None


