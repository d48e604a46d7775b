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

Following the MBT stance (docs/constructs.md): a troubled feeling is met first, in the person's own
words ("that sounds humiliating"), before any coaching; praise of a skill is kept sparing (`Pace`,
feedback.yml's `praise_every`) and never lands on self-criticism, on a dismissal the person reports
someone else saying, or on words that showed a failure of mentalizing; challenges are capped
(`challenge_every`); and when the person steps out of the exercise (a hostile, flat or avoidant
reply, or two short answers in a row) the bot notices it lightly, owns its part and changes approach
(the scenario's readings as choices, another scenario, a pause) instead of asking for more.
"""
from __future__ import annotations

import random
import re
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
# A reflection names a skill in the person's own words; fewer words than this are too little to hold
# up as one (a choice letter with a hedge, a lone "maybe").
MIN_PRAISED_WORDS = 3
# Steps whose open question is about the person's own feeling: a repair there offers choices about
# that feeling, not readings of the other person.
OWN_FEELING_STEPS = frozenset({"own_feeling"})
_WORDS = re.compile(r"[A-Za-zÀ-ɏ']{2,}")


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
class Pace:
    """What the earlier answers of this exercise mean for this reply (kept in the step state)."""

    answers: int = 0  # answers given before this one
    praised_at: int = -1  # the answer that was last praised (-1: none yet)
    step_index: int = 0
    challenged_at: int = -1  # the step of the last challenge (-1: none yet)
    low_before: bool = False  # the previous answer was short, flat or hostile
    ruptured: bool = False  # a rupture was named and the person has not come back yet
    eased_at: int = -1  # the answer whose self-criticism was last met (-1: none yet)

    def may_praise(self, every: int) -> bool:
        return self.praised_at < 0 or self.answers - self.praised_at >= every

    def may_ease(self, every: int) -> bool:
        return self.eased_at < 0 or self.answers - self.eased_at >= every

    def may_challenge(self, every: int) -> bool:
        return self.challenged_at < 0 or self.step_index - self.challenged_at >= every


@dataclass
class Feedback:
    """What the bot says after an answer, and why (for the therapist view and for tests)."""

    kind: str  # reflection | repair | empty | too_short | not_english | declined
    text: str
    reflected: str | None = None  # the marker family named in the reflection
    quotes: list[str] = field(default_factory=list)  # the person's own words quoted back
    invited: str | None = None  # the missing family the invitation asks about
    challenged: str | None = None  # the failure mode taken up
    affirmed: bool = False  # a rich answer: affirmed, nothing more asked
    wants_answer: bool = False  # no usable answer yet: the question stands (empty, too short...)
    validated: bool = False  # a troubled feeling was met first, in the person's words
    praised: bool = False  # a skill was named (a reflection of effort, an affirmation)
    repaired: bool = False  # a rupture was noticed: approach changed (choices, another scenario, a pause)
    low: bool = False  # a short, flat, hostile or avoidant answer
    eased: bool = False  # the person was hard on themselves, and the reply met that gently

    @property
    def asks_follow_up(self) -> bool:
        return bool(self.invited or self.challenged or self.repaired)

    @property
    def reply_kind(self) -> str:
        """The move the reply leads with: repair, validate, challenge, affirm, invite, or other."""
        if self.repaired:
            return "repair"
        if self.validated:
            return "validate"
        if self.challenged:
            return "challenge"
        if self.affirmed:
            return "affirm"
        if self.invited:
            return "invite"
        return "other"

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
    pace: Pace | None = None,
) -> Feedback:
    """A warm, specific reply to the person's answer at `step`, built from the analysis of it.

    `follow_up`: the answer replies to our invitation or challenge. It gets its reflection (or
    affirmation) but no new question, because the next step's question comes straight after.
    """
    if step not in STEPS:
        raise UnknownStep(step)
    catalogue = feedback_catalogue()
    fields = person_fields(scenario)
    pace = pace or Pace()
    text = text or ""
    if not text.strip():
        return _plain("empty", catalogue.empty, seen_sentences, rng, fields)
    if not analysis.language_supported:
        return _plain("not_english", catalogue.not_english, seen_sentences, rng, fields)
    low = is_low(text, analysis)
    if low and (_steps_out(analysis) or pace.low_before) and not pace.ruptured:
        return _repair(scenario, seen_sentences, rng, fields, step)
    if analysis.rf_estimate is not None and analysis.rf_estimate < 0 or (low and pace.ruptured):
        # Declined again after the rupture was named: say a fresh word if there is one and move on.
        feedback = _plain("declined", catalogue.declined, seen_sentences, rng, fields, wants_answer=False, fresh=True)
        feedback.low = True
        return feedback
    if low:
        feedback = _plain("too_short", catalogue.too_short, seen_sentences, rng, fields, fresh=True)
        feedback.low = True
        if not feedback.text:  # every way of asking for more is used up: change approach instead
            return _repair(scenario, seen_sentences, rng, fields, step)
        return feedback

    plan = catalogue.steps[step]
    found_modes = {mode.mode for mode in analysis.failure_modes}
    modes = [name for name in CHALLENGE_ORDER if name in found_modes]
    # Beside a failure of mentalizing only real reflective effort is named ("you held it lightly");
    # praising "you thought about what he felt" and then questioning it in the next breath would jar.
    order = [f for f in plan.reflect if f in catalogue.reflect_beside_challenge] if modes else plan.reflect
    # Never praised: words that showed a failure of mentalizing (the challenge takes them up), a
    # harsh judgement of oneself, and someone else's dismissal that the person is reporting.
    avoid = [e for mode in analysis.failure_modes for e in mode.evidence]
    avoid += list(getattr(analysis, "self_criticism", None) or [])
    avoid += list(getattr(analysis, "reported_dismissals", None) or [])
    parts: list[str | None] = []
    validation = _validation(text, analysis, avoid, seen_sentences, rng, fields)
    if pace.ruptured:
        parts.append(pick_fresh(catalogue.repair.welcome_back, seen_sentences, rng, fields))
    parts.append(validation)
    eased = None
    if getattr(analysis, "self_criticism", None) and pace.may_ease(catalogue.self_criticism_every):
        eased = pick_fresh(catalogue.meet_self_criticism, seen_sentences, rng, fields)
        parts.append(eased)
    may_praise = pace.may_praise(catalogue.praise_every)
    if validation:  # the feeling was met: naming it is not then graded as a skill as well
        order = [f for f in order if f in catalogue.reflect_beside_challenge]
    if getattr(analysis, "self_criticism", None):
        # "I'm too needy, I know that about myself": looking inward there is the harsh voice, not a
        # skill to name; only real reflective effort in the same answer ("because I was anxious",
        # "maybe") may be named, as beside a challenge.
        order = [f for f in order if f in catalogue.reflect_beside_challenge]
    reflection = (_reflection(text, analysis, order, avoid, seen_sentences, rng, fields) if may_praise
                  else _Said(None, None, []))
    feedback = Feedback("reflection", "", reflected=reflection.family, quotes=list(reflection.quotes),
                        validated=bool(validation), praised=bool(reflection.text), eased=bool(eased))
    parts.append(reflection.text)
    acknowledged = bool(reflection.text or validation or eased)

    if modes:
        if not acknowledged:  # validate before exploring
            parts.append(pick_fresh(catalogue.acknowledge[modes[0]], seen_sentences, rng, fields))
        may_challenge = not follow_up and pace.may_challenge(catalogue.challenge_every)
        challenge = _challenge(text, analysis, modes, seen_sentences, rng, fields) if may_challenge else None
        if challenge is not None:
            parts.append(challenge.text)
            feedback.challenged = challenge.family
            feedback.quotes += challenge.quotes
    elif _is_rich(analysis, plan.invite, catalogue.rich_rf):
        # One line of praise at most: a reflection that named the skill already says it.
        affirmation = (pick_fresh(catalogue.affirm_rich, seen_sentences, rng, fields)
                       if may_praise and not reflection.text else None)
        feedback.affirmed = affirmation is not None or bool(reflection.text)
        feedback.praised = feedback.praised or feedback.affirmed
        parts.append(affirmation)
        if not feedback.affirmed and not acknowledged:
            parts.append(_quiet(analysis, plan, seen_sentences, rng, fields))
    else:
        if not acknowledged:
            parts.append(_quiet(analysis, plan, seen_sentences, rng, fields))
        if not follow_up:
            invitation = _invitation(plan, analysis, seen_sentences, rng, fields)
            if invitation is not None:
                parts.append(invitation.text)
                feedback.invited = invitation.family
    feedback.text = " ".join(part for part in parts if part)
    return feedback


def _quiet(analysis, plan, seen, rng, fields) -> str | None:
    """No praise this time: a quiet acknowledgement when something was found, else the step's
    "nothing to name yet" words."""
    if analysis.markers:
        return pick_fresh(feedback_catalogue().acknowledge_plain, seen, rng, fields)
    return pick_fresh(plan.no_finding or feedback_catalogue().no_finding, seen, rng, fields)


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


def _plain(kind: str, templates: list[str], seen, rng, fields, wants_answer: bool = True,
           fresh: bool = False) -> Feedback:
    """`fresh`: say nothing rather than repeat a sentence (the no-repeat rule holds here too)."""
    text = (pick_fresh(templates, seen, rng, fields) or "") if fresh else say_fresh(templates, seen, rng, fields)
    return Feedback(kind, text, wants_answer=wants_answer and bool(text))


def is_low(text: str, analysis: MentalizingAnalysis) -> bool:
    """A short, flat, hostile or avoidant answer: nothing found in it, or it steps out of the exercise."""
    if getattr(analysis, "disengagement", None) is not None:
        return True
    if analysis.rf_estimate is not None and analysis.rf_estimate < 0:
        return True
    if analysis.markers:
        return False
    short = len(text.split()) < feedback_catalogue().min_words or not _has_letters(text)
    return short or bool(getattr(analysis, "disavowals", None))


def _steps_out(analysis: MentalizingAnalysis) -> bool:
    """Hostile to the exercise, or asking to move on: noticed at once. A flat reply ("idk") is
    noticed when it is the second short answer in a row."""
    disengagement = getattr(analysis, "disengagement", None)
    return disengagement is not None and getattr(disengagement, "kind", "") != "flat"


def _repair(scenario: About, seen, rng, fields, step: str = "") -> Feedback:
    """Notice the rupture lightly, own our part, and change approach (MBT: repair, then go on).

    The choices answer the question that was open: about the person's own feeling at that step
    (the scenario's `own_readings`, else the general ones), otherwise readings of the other person."""
    repair = feedback_catalogue().repair
    parts = [pick_fresh(repair.notice, seen, rng, fields), pick_fresh(repair.own_part, seen, rng, fields)]
    if step in OWN_FEELING_STEPS:
        readings = list(getattr(scenario, "own_readings", None) or repair.own_feelings)
        choices = repair.own_choices
    else:
        readings = list(getattr(scenario, "readings", None) or [])
        choices = repair.choices
    if readings:
        chosen = rng.sample(readings, min(3, len(readings)))
        items = [f"({letter}) {_lower_first(r).rstrip('.')}" for letter, r in zip("abc", chosen)]
        listed = ", ".join(items[:-1]) + (", or " if len(items) > 2 else " or ") + items[-1] if len(items) > 1 else items[0]
        parts.append(pick_fresh(choices, seen, rng, {**fields, "readings": listed}))
    parts.append(pick_fresh(repair.change, seen, rng, fields))
    text = " ".join(p for p in parts if p)
    return Feedback("repair", text, repaired=bool(text), low=True)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text.startswith("I ") else text


_STILL = re.compile(r"\b(it|that|this|I)\s+still\s+(?:[\w']+\s+){0,2}$", re.IGNORECASE)
_YOU = {"i": "you"}


def _validation(text, analysis, avoid: list[Evidence], seen, rng, fields) -> str | None:
    """Meet a troubled feeling first, in the person's own words ("that sounds humiliating")."""
    if not getattr(analysis, "validation_needed", False):
        return None
    catalogue = feedback_catalogue()
    words: list[str] = []
    still = None
    for evidence in getattr(analysis, "feeling_words", None) or []:
        if overlaps_any(evidence, avoid):
            continue
        word = evidence.text.strip()
        if word.lower() not in (w.lower() for w in words):
            words.append(word)
        match = _STILL.search(text[:evidence.start])
        if match and still is None:
            subject = match.group(1)
            still = _YOU.get(subject.lower(), subject.lower()) + text[match.start(1) + len(subject):evidence.end]
    if not words:
        return None
    feelings = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    sounds = next((catalogue.sounds_like[w.lower()] for w in reversed(words) if w.lower() in catalogue.sounds_like),
                  None)
    values = {**fields, "feelings": feelings, "Feelings": feelings[:1].upper() + feelings[1:]}
    said = None
    if sounds:
        said = pick_fresh(catalogue.validate_sounds, seen, rng, {**values, "sounds": sounds})
    said = said or pick_fresh(catalogue.validate_feeling, seen, rng, values)
    if still:
        said = " ".join(p for p in (said, pick_fresh(catalogue.validate_still, seen, rng, {**values, "still": still}))
                        if p)
    return said


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
            if not quote or any(e.text.lower() in quote.lower() for e in avoid if e.text.strip()):
                continue
            if len(_WORDS.findall(quote)) < MIN_PRAISED_WORDS:
                continue  # "b probably" (a choice picked, hedged) is too little to name as a skill
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


