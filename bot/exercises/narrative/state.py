"""Where a person is in the narrative retelling: the step state that travels in a Rasa slot.

The step, the caregiver (a short name or a kind word, never a sentence of the answer), whether
harm by this caregiver was told, the chosen memory (its number), the distress ratings, and a few
flags for what the last reply asked. The same fields, less the flags, are the progress kept in the
store between sittings (bot/store/exercise_progress.py). Never the person's answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.exercises.narrative.library import step_ids, steps
from bot.exercises.narrative.schema import Step
from bot.exercises.slot_state import SlotState

CAREGIVER_LIMIT = 40
CURVE_LIMIT = 40  # ratings kept; a sitting has far fewer


@dataclass
class NarrativeState(SlotState):
    step_index: int = 0
    caregiver: str = ""
    harmed: bool = False  # harm by this caregiver was told: their side is offered as optional only
    memory_choice: int | None = None  # which memory is retold (its place among the memory steps), 0: described
    curve: list[float] = field(default_factory=list)  # SUDS ratings, in order
    suds_open: bool = False  # after a memory the rating was asked as a step: the next message answers it
    choosing: bool = False  # after grounding: go on, pause or stop
    follow_up: bool = False  # the last reply invited more on the same step
    prompted: bool = False  # the last reply already asked the person something
    stopped: bool = False  # stopped for today by the pacing rules
    stopped_at_start: bool = False  # the rating before the first question stopped the sitting
    high_at_end: bool = False
    harm_noted: bool = False  # after harm was told, the person heard once that the rest is theirs to skip
    harm_choice_open: bool = False  # ...and the next answer may ask for another caregiver
    mind_seen: bool = False  # the caregiver's mind was already noticed aloud once
    resumed: bool = False
    person_id: int | None = None  # whose progress the store keeps (None: nothing is stored)
    started_at: float = 0.0  # epoch seconds, for risk events told since (about this caregiver)

    @property
    def step(self) -> Step | None:
        if self.stopped or self.step_index >= len(steps()):
            return None
        return steps()[self.step_index]

    @property
    def finished(self) -> bool:
        return self.step is None

    @property
    def completed(self) -> bool:
        return not self.stopped and self.step_index >= len(steps())

    def advance(self) -> None:
        self.step_index += 1
        self.suds_open = self.choosing = self.follow_up = self.harm_choice_open = False

    def another_caregiver(self, now: float) -> None:
        """Start again from the choice of caregiver, keeping the ratings (the pacing spans the sitting)."""
        self.step_index = step_ids().index("caregiver")
        self.caregiver, self.memory_choice = "", None
        self.harmed = self.harm_noted = self.harm_choice_open = self.mind_seen = False
        self.suds_open = self.choosing = self.follow_up = False
        self.started_at = now  # harm told about the caregiver before no longer marks the new one

    def progress(self) -> dict[str, Any]:
        """What the store keeps between sittings: no answer texts."""
        step = steps()[self.step_index].id if self.step_index < len(steps()) else None
        return {"step": step, "caregiver": self.caregiver, "harmed": self.harmed, "memory": self.memory_choice,
                "suds": self.curve[-CURVE_LIMIT:]}

    def take_progress(self, progress: Any) -> bool:
        """Go on from stored progress; False when there is none to go on from."""
        if not isinstance(progress, dict) or progress.get("step") not in step_ids():
            return False
        self.step_index = step_ids().index(progress["step"])
        self.caregiver = str(progress.get("caregiver") or "")[:CAREGIVER_LIMIT]
        self.harmed = bool(progress.get("harmed"))
        memory = progress.get("memory")
        self.memory_choice = int(memory) if isinstance(memory, int) else None
        self.curve = [float(v) for v in progress.get("suds") or [] if isinstance(v, (int, float))][-CURVE_LIMIT:]
        self.resumed = True
        return self.step_index > 0

    def check(self) -> None:
        if not 0 <= int(self.step_index) <= len(steps()):
            raise ValueError("step out of range")
        if len(self.caregiver) > CAREGIVER_LIMIT:
            raise ValueError("caregiver too long")
