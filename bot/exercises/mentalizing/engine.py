"""The mentalizing exercise's guided flow: steps, questions and feedback, with no Rasa in it.

The flow follows the MBT stance (domain.md section 1): the person's own feeling first, then the
other person's mind, other possible readings of it, how the person looked from the other side, and
what they make of it now. A "my own moment" path starts by asking what happened.

After each answer the person gets a short reflection that names one thing they did, quoting their
own words from the analysis evidence, and at most one of:
- a gentle, curious challenge, when the analysis found a failure of mentalizing (psychic
  equivalence, teleological mode, hypermentalizing, pretend mode);
- an affirmation, when the answer is already rich (nothing more is asked of it);
- one invitation to go further, chosen from what the analysis found missing, in an order that
  depends on the step (feedback.yml, `steps`).
A challenge or invitation is a question, so the flow stays on the step for one follow-up answer
(`ExerciseState`) instead of stacking a second question on top of it.

Wording lives in questions.yml and feedback.yml; every sentence shown is remembered in the session's
`seen` set so nobody reads the same sentence twice.
"""
from __future__ import annotations

import logging
import random
from collections.abc import MutableSet
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Any, Protocol, Union

from bot.analysis.evidence import Evidence
from bot.exercises.content import ContentError
from bot.exercises.mentalizing.library import UNNAMED_OTHER, feedback_catalogue, questions, scenario_by_id
from bot.exercises.mentalizing.schema import STEPS, OtherPerson, Scenario
from bot.exercises.quotes import quote_for
from bot.exercises.wording import pick_fresh

log = logging.getLogger(__name__)

SCENARIO_PATH = "scenario"
OWN_MOMENT_PATH = "own"
PATHS = {SCENARIO_PATH: STEPS[1:], OWN_MOMENT_PATH: STEPS}
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
    """What the engine reads from `bot.analysis.mentalizing.MentalizingResult`."""

    markers: list[MarkerLike]
    failure_modes: list[FailureModeLike]
    rf_estimate: int
    explanation: str
    language_supported: bool

    def to_dict(self) -> dict: ...


class UnknownStep(ValueError):
    pass


def steps_for(path: str) -> tuple[str, ...]:
    """The steps of a path, in order: "scenario" (a moment from the library) or "own"."""
    try:
        return PATHS[path]
    except KeyError:
        raise ValueError(f"unknown path {path!r}; expected one of {sorted(PATHS)}") from None


# Whom the questions are about: a scenario (its other person), the person found in the story of
# the person's own moment ("your sister", see people.py), or nobody known ("the other person").
About = Union[Scenario, OtherPerson, None]


def person_fields(about: About) -> dict[str, str]:
    """Template fields naming the other person."""
    if isinstance(about, Scenario):
        return {**about.other.fields(), "moment": about.moment.strip(), "title": about.title}
    return (about or UNNAMED_OTHER).fields()


def _say(templates: list[str], seen: MutableSet[str], rng: random.Random, fields: dict) -> str:
    """A fresh variant; if a long session has used every one, repeat rather than say nothing."""
    text = pick_fresh(templates, seen, rng, fields)
    if text is None:
        text = pick_fresh(templates, set(), rng, fields) or ""
    return text


def present_scenario(scenario: Scenario, seen: MutableSet[str], rng: random.Random) -> str:
    return _say(questions().introduce_scenario, seen, rng, person_fields(scenario))


def introduce_own_moment(seen: MutableSet[str], rng: random.Random) -> str:
    return _say(questions().introduce_own_moment, seen, rng, person_fields(None))


def offer_another(seen: MutableSet[str], rng: random.Random) -> str:
    """What to say before presenting a different scenario when the person asks for another."""
    return _say(questions().offer_another, seen, rng, {})


def question_for(step: str, scenario: About, seen_sentences: MutableSet[str], rng: random.Random) -> str:
    """The question for `step`, naming the other person, in a variant not yet seen.

    `scenario`: the Scenario, or on the own-moment path the OtherPerson from the story (or None).
    """
    if step not in STEPS:
        raise UnknownStep(step)
    return _say(questions().steps[step], seen_sentences, rng, person_fields(scenario))


# --- feedback ---------------------------------------------------------------------------------

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
            parts.append(_say(catalogue.acknowledge[modes[0]], seen_sentences, rng, fields))
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
            parts.append(_say(plan.no_finding or catalogue.no_finding, seen_sentences, rng, fields))
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
    return Feedback(kind, _say(templates, seen, rng, fields), wants_answer=wants_answer)


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


# --- the record of one answer, and the session's state ---------------------------------------

@dataclass
class Turn:
    """One answered question: what was asked and said, what the analysis found, what we replied.

    Serialisable (`to_dict`/`from_dict`) so a Rasa slot can carry the session's turns, and complete
    enough for the closing summary and the therapist view without re-running the analysis.
    """

    step: str
    question: str
    answer: str
    markers: list[dict]  # {"family": ..., "evidence": Evidence.to_dict()}
    failure_modes: list[dict]  # {"mode": ..., "evidence": [...], "explanation": ...}
    rf_estimate: int | None
    explanation: str
    language_supported: bool
    feedback: dict
    follow_up: bool = False  # an answer to an invitation or challenge rather than the step question

    @classmethod
    def record(
        cls,
        step: str,
        question: str,
        answer: str,
        analysis: MentalizingAnalysis,
        feedback: Feedback,
        follow_up: bool = False,
    ) -> "Turn":
        return cls(
            step=step,
            question=question,
            answer=answer,
            markers=[{"family": m.family, "evidence": m.evidence.to_dict()} for m in analysis.markers],
            failure_modes=[
                {"mode": f.mode, "evidence": [e.to_dict() for e in f.evidence], "explanation": f.explanation}
                for f in analysis.failure_modes
            ],
            rf_estimate=analysis.rf_estimate,
            explanation=analysis.explanation,
            language_supported=analysis.language_supported,
            feedback=feedback.to_dict(),
            follow_up=follow_up,
        )

    def families(self) -> set[str]:
        return {m["family"] for m in self.markers}

    def evidence_for(self, family: str) -> list[Evidence]:
        return [Evidence(**m["evidence"]) for m in self.markers if m["family"] == family]

    @property
    def counted(self) -> bool:
        """Did this turn carry an answer the analysis could read (not empty, declined, other language)?"""
        return self.feedback.get("kind") == "reflection"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Turn":
        known = {f.name for f in dataclass_fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class ExerciseState:
    """Where a person is in the exercise; a plain dict in a Rasa slot between turns.

    After each answer `advance(feedback)` decides what comes next: the same question again when
    there was no usable answer (once only, so nobody gets stuck), a follow-up when the feedback
    asked something (once per step), otherwise the next step.
    """

    path: str = SCENARIO_PATH
    scenario_id: str | None = None
    other: dict | None = None  # own-moment path: the OtherPerson found in the story, as a dict
    step_index: int = 0
    follow_up: bool = False
    retried: bool = False
    offered: list[str] = field(default_factory=list)  # scenario ids offered this session
    seen: set[str] = field(default_factory=set)
    turns: list[Turn] = field(default_factory=list)

    @property
    def step(self) -> str | None:
        steps = steps_for(self.path)
        return steps[self.step_index] if self.step_index < len(steps) else None

    @property
    def finished(self) -> bool:
        return self.step is None

    def about(self) -> About:
        """Whom the questions and feedback name: the scenario, or the person in the own moment."""
        if self.scenario_id:
            return scenario_by_id(self.scenario_id)
        return OtherPerson(**self.other) if self.other else None

    def note_other(self, other: OtherPerson | None) -> None:
        """Remember who the own moment is about (from `people.other_person_in(story)`)."""
        self.other = other.dict() if other else None

    def advance(self, feedback: Feedback) -> None:
        if feedback.wants_answer and not self.retried:
            self.retried = True
            return
        if feedback.asks_follow_up and not self.follow_up:
            self.follow_up, self.retried = True, False
            return
        self.skip()

    def skip(self) -> None:
        """Move to the next step (the person said "skip", or the step is done)."""
        self.step_index += 1
        self.follow_up = self.retried = False

    def start_scenario(self, scenario_id: str) -> None:
        """Begin (or switch to) a scenario: another scenario restarts the steps, keeps `seen`."""
        self.path, self.scenario_id = SCENARIO_PATH, scenario_id
        self.step_index, self.follow_up, self.retried = 0, False, False
        if scenario_id not in self.offered:
            self.offered.append(scenario_id)

    def start_own_moment(self) -> None:
        self.path, self.scenario_id, self.other = OWN_MOMENT_PATH, None, None
        self.step_index, self.follow_up, self.retried = 0, False, False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seen"] = sorted(self.seen)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "ExerciseState":
        """The state from a slot. A damaged or out-of-date state (a field renamed in a later
        version, a scenario since removed from the library) starts the exercise afresh rather than
        crash the conversation; unknown keys are ignored."""
        if not isinstance(data, dict) or not data:
            return cls()
        known = {f.name for f in dataclass_fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        try:
            values["seen"] = {str(item) for item in values.get("seen") or []}
            values["turns"] = [Turn.from_dict(t) for t in values.get("turns") or []]
            values["offered"] = [str(item) for item in values.get("offered") or []]
            state = cls(**values)
            state.about()  # the scenario still exists, the other person still parses
            if not isinstance(state.step_index, int) or not 0 <= state.step_index <= len(steps_for(state.path)):
                raise ValueError(f"step index {state.step_index!r}")
        except (TypeError, ValueError, KeyError, ContentError):
            log.warning("mentalizing exercise state could not be read; starting afresh")
            return cls()
        return state
