"""Where a person is in the mentalizing exercise: the step state that travels in a Rasa slot.

It holds the path, the scenario (or who an own moment is about), the step, whether a follow-up or a
retry is pending, the scenarios offered and digests of the sentences already said; never the
answers. Rasa stores the slot again every time it is set, so past turns live once, in the
annotations of the conversation (bot/exercises/contract.py), not here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.exercises.mentalizing.asking import About
from bot.exercises.mentalizing.library import scenario_by_id
from bot.exercises.mentalizing.paths import OWN_MOMENT_PATH, SCENARIO_PATH, steps_for
from bot.exercises.mentalizing.schema import OtherPerson
from bot.exercises.slot_state import SlotState

if TYPE_CHECKING:
    from bot.exercises.mentalizing.feedback import Feedback, Pace


@dataclass
class ExerciseState(SlotState):
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
    # Pacing (feedback.py, `Pace`): answers so far, the last praised answer and challenged step,
    # whether the last answer was short or flat, and a rupture named and not yet mended.
    answers: int = 0
    praised_at: int = -1
    challenged_at: int = -1
    low: bool = False
    ruptured: bool = False
    eased_at: int = -1
    # Relationships the person asked to leave out (leave_out.py), the scenarios their profile says
    # were used recently (so a scenario changed mid-answer is not one of those), and how many of
    # this run's answers belong to a scenario changed away from (not summarised with the new one).
    left_out: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)
    earlier_answers: int = 0

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

    def pace(self) -> "Pace":
        from bot.exercises.mentalizing.feedback import Pace

        return Pace(answers=self.answers, praised_at=self.praised_at, step_index=self.step_index,
                    challenged_at=self.challenged_at, low_before=self.low, ruptured=self.ruptured,
                    eased_at=self.eased_at)

    def note_reply(self, feedback: "Feedback") -> None:
        """Remember what this reply did, for the pacing of the next ones."""
        if feedback.praised:
            self.praised_at = self.answers
        if feedback.challenged:
            self.challenged_at = self.step_index
        if feedback.eased:
            self.eased_at = self.answers
        if feedback.repaired:
            self.ruptured = True
        elif not feedback.low:
            self.ruptured = False
        self.low = feedback.low
        self.answers += 1

    def advance(self, feedback: "Feedback") -> None:
        if feedback.repaired:
            # The repair's choices are the next thing asked: no question stacked on top of them.
            if self.follow_up:
                self.skip()
            self.follow_up, self.retried = True, False
            return
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

    @classmethod
    def coerce(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "seen": {str(item) for item in values.get("seen") or []},
                "offered": [str(item) for item in values.get("offered") or []],
                "left_out": [str(item) for item in values.get("left_out") or []],
                "avoid": [str(item) for item in values.get("avoid") or []]}

    def check(self) -> None:
        self.about()  # the scenario still exists, the other person still parses
        if not isinstance(self.step_index, int) or not 0 <= self.step_index <= len(steps_for(self.path)):
            raise ValueError(f"step index {self.step_index!r}")
