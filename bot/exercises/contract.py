"""The contract every practice exercise plugs into, with no Rasa in it.

An exercise is a guided flow of questions and free-text answers. The generic Rasa actions
(actions/exercise.py) run any registered exercise through this interface, so an exercise never
touches slots, forms or the store; it declares what it needs and returns plain data:

- who it is (its `Declaration`, readable without loading the engine): `name`, `title`, its `menu`
  buttons, the intents that start it (each naming a path), its message catalogue;
- its flow: `steps(path)`, `start`, `ask`, `answer`, `skip`, `swap`, `resume`, `close`. The state
  between turns is a small JSON-able dict (the step state only, never past turns: Rasa stores the
  slot again each time it is set, see docs/architecture.md);
- what it records per answer: an `Annotation` (kind, step, evidence, named scores) whose score
  names are declared in `scores` with a label, a scale and the audiences allowed to see them;
- what it offers the therapist: `summary` over a session's annotations, and `chart_series`.

Per-person state (e.g. which scenarios someone already did) is the exercise's `profile`: a JSON
value kept across sessions in one slot for all exercises, and erased with the person.
"""
from __future__ import annotations

import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, Mapping, Sequence

State = dict[str, Any]  # an exercise's step state, as it travels in a slot
Profile = Any  # an exercise's per-person state (JSON), as it travels in a slot


class Audience(str, Enum):
    """Who may see a score. Numbers are for therapists and trainees, words for clients
    (docs/constructs.md, "Numbers for therapists")."""

    THERAPIST = "therapist"
    TRAINEE = "trainee"
    CLIENT = "client"


@dataclass(frozen=True)
class ScoreSpec:
    """A named score an exercise puts on its annotations."""

    name: str  # the key in `Annotation.scores`, e.g. "rf_estimate"
    label: str  # "RF-style estimate"
    short: str  # a column header, "RF"
    scale: tuple[float, float]  # the lowest and highest value, for charts
    audience: frozenset[Audience] = frozenset({Audience.THERAPIST, Audience.TRAINEE})
    construct: str = ""  # where the construct is explained (a file in the repository)

    def visible_to(self, audience: Audience) -> bool:
        return audience in self.audience


@dataclass(frozen=True)
class MenuEntry:
    title: str
    payload: str  # "/start_mentalizing"


@dataclass
class Annotation:
    """What an exercise records about one answer, for the transcript.

    `evidence`: the spans of the answer that produced the findings (dicts with start, end, text,
    marker, explanation; offsets into the answer). `scores`: numbers under names the exercise
    declares in `Exercise.scores`. `result`: the exercise's own detail, which its `summary` and
    `close` read back (it may refer to evidence by index rather than repeat it).
    """

    kind: str
    step: str
    evidence: list[dict] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    result: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "step": self.step, "evidence": self.evidence,
                "scores": self.scores, "result": self.result}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Annotation":
        return cls(kind=str(data.get("kind") or ""), step=str(data.get("step") or ""),
                   evidence=list(data.get("evidence") or []), scores=dict(data.get("scores") or {}),
                   result=dict(data.get("result") or {}))


@dataclass
class AnsweredTurn:
    """An annotation with the words it annotates (the user's message, read back from the
    conversation rather than stored a second time in the annotation)."""

    annotation: Annotation
    answer: str
    question: str = ""


@dataclass
class Reply:
    """What to say now and the state to keep.

    `question`: the question asked in `messages` (kept so the next answer knows what it answers).
    `annotation`: set by `answer` when the answer was recorded. `finished`: the flow is over.
    """

    state: State
    messages: list[str] = field(default_factory=list)
    step: str | None = None
    question: str | None = None
    annotation: Annotation | None = None
    finished: bool = False


@dataclass
class Closing:
    """The end of an exercise: words for the person and the person's updated profile."""

    messages: list[str]
    profile: Profile = None


@dataclass
class Admission:
    """Whether a person may start an exercise now: when not, the words that say why and how to
    get it (an exercise a therapist must enable, say); when so, the profile to start with."""

    allowed: bool
    messages: list[str] = field(default_factory=list)
    profile: Profile = None


@dataclass(frozen=True)
class ChartSeries:
    """One line on the therapist's chart: (x, y) points under a declared score."""

    score: ScoreSpec
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Declaration:
    """What the rest of Attune knows of an exercise without loading its engine (the store, the
    exports and the review command read only this; the engine may load spaCy)."""

    name: str  # also the `exercise` slot's value and the annotations' kind
    title: str  # for people: "Mentalizing practice"
    engine: str  # "package.module:Class", the Exercise subclass, imported on first use
    starts: Mapping[str, str]  # start intent -> path
    catalogue: Path  # messages.yml: the words the generic actions say for it ("skipped", ...)
    menu: tuple[MenuEntry, ...] = ()
    scores: tuple[ScoreSpec, ...] = ()
    marker_styles: Mapping[str, str] = field(default_factory=dict)  # evidence marker -> terminal style
    # Opened to a client only by their therapist (`attune enable`, the web review's person page);
    # its engine's `admit` checks it.
    opened_by_therapist: bool = False
    # A simulated client speaks in this exercise: every transcript shown or exported labels its
    # sessions as simulated practice, so a simulated client's words are never taken for a real one's.
    simulated: bool = False
    # "package.module:function" building the supervisor's report of a session from its annotations
    # (light: no engine, no spaCy; see `ReportSection`), shown in review and exports; "" for none.
    report: str = ""


@dataclass(frozen=True)
class ReportSection:
    """A part of an exercise's whole-session report for therapists and supervisors: a heading and
    lines of plain text (scores may appear: the audience is the reviewer)."""

    heading: str
    lines: tuple[str, ...]


class Exercise(ABC):
    """One practice exercise: its `declaration` and its flow."""

    declaration: ClassVar[Declaration]

    @property
    def name(self) -> str:
        return self.declaration.name

    @property
    def starts(self) -> Mapping[str, str]:
        return self.declaration.starts

    @property
    def scores(self) -> tuple[ScoreSpec, ...]:
        return self.declaration.scores

    @abstractmethod
    def steps(self, path: str) -> tuple[str, ...]:
        """The steps of a path, in order."""

    def admit(self, sender_id: str, path: str, profile: Profile) -> Admission:
        """Before `start`: whether this chat's person may start it; by default anyone may."""
        return Admission(True, profile=profile)

    @abstractmethod
    def start(self, path: str, profile: Profile, rng: random.Random) -> Reply:
        """Begin the exercise on `path` (one of `starts`' values) for a person with `profile`."""

    @abstractmethod
    def ask(self, state: State, rng: random.Random) -> Reply:
        """The current step's question; no message when the last reply already asked one."""

    @abstractmethod
    def answer(self, state: State, text: str, rng: random.Random, question: str = "") -> Reply:
        """Take an answer: reply to it, annotate it, move the flow on."""

    @abstractmethod
    def skip(self, state: State, rng: random.Random) -> Reply:
        """Leave the current step unanswered."""

    def swap(self, state: State, profile: Profile, rng: random.Random) -> Reply:
        """Replace the content (another scenario, another persona); by default start afresh."""
        return self.start(next(iter(self.starts.values())), profile, rng)

    def help(self, state: State, rng: random.Random) -> Reply:
        """After the frame's help in the middle of this exercise; by default the usual `ask`."""
        return self.ask(state, rng)

    def resume(self, state: State) -> State:
        """The state to go on with after a pause or a safety interrupt."""
        return state

    def rated_at_start(self, state: State, rating: float, rng: random.Random) -> Reply | None:
        """A distress rating given at the check-in before the first question (bot/checkin/around.py),
        read by the exercise's own pacing. None (the default): the check-in's usual reading, nothing
        more. A reply: its state is kept and its annotation recorded; a `finished` one ends the
        exercise there (its messages instead of the check-in's, then its `close`)."""
        return None

    @abstractmethod
    def close(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
              rng: random.Random) -> Closing:
        """The words-only ending for the person, and their profile after this exercise."""

    def stopped(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
                rng: random.Random) -> Closing | None:
        """What to say when the person stops part-way ("stop"); by default nothing, as the frame's
        own words already end it. An exercise whose ending matters even then returns its `close`."""
        return None

    @abstractmethod
    def summary(self, turns: Sequence[AnsweredTurn], state: State | None = None) -> dict:
        """The session view for therapists and trainees (JSON)."""

    def chart_series(self, turns: Sequence[AnsweredTurn]) -> list[ChartSeries]:
        """One series per declared score, over the answers that carry it."""
        series = []
        for spec in self.scores:
            points = tuple((float(i), float(t.annotation.scores[spec.name]))
                           for i, t in enumerate(turns, start=1) if spec.name in t.annotation.scores)
            series.append(ChartSeries(spec, points))
        return series
