"""Where a person is in the rehearsal: the step state that travels in a Rasa slot.

The persona (or the shape of one from the person's own rupture), the step, the character's level
and the needs heard, one small entry per kept attempt (the level and needs before it, so a rewind
can restore them), the rewinds used, and digests of the lines already said. Never the person's
words: those live once, in the conversation's annotations (bot/exercises/contract.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.exercises.repair.character import start_level
from bot.exercises.repair.declaration import OWN_PATH, PERSONA_PATH
from bot.exercises.repair.library import persona_by_id
from bot.exercises.repair.own import Shape, persona_for
from bot.exercises.repair.schema import Persona
from bot.exercises.slot_state import SlotState

MAX_ATTEMPTS = 6
MAX_REWINDS = 3
LAST_WORDS_LIMIT = 300  # characters of the last attempt kept for a time out's quote
OWN_STEPS = ("who", "what_happened", "how_they_react")
ATTEMPT_STEPS = tuple(f"attempt_{n}" for n in range(1, MAX_ATTEMPTS + 1))


def steps_for(path: str) -> tuple[str, ...]:
    return (OWN_STEPS if path == OWN_PATH else ()) + ATTEMPT_STEPS


@dataclass
class RehearsalState(SlotState):
    path: str = PERSONA_PATH
    persona_id: str | None = None
    shape: dict | None = None  # own path: Shape as a dict
    step_index: int = 0
    level: int = 2
    met: list[str] = field(default_factory=list)
    # Per kept attempt or skipped turn: [level before, needs before] (and "skipped" for a skip).
    history: list[list] = field(default_factory=list)
    rewinds: int = 0
    last_found: list | None = None  # the last attempt's component and blocker names
    # The last attempt's words (only the last, cut short), so a time out can quote them; the
    # attempts themselves live in the annotations.
    last_words: str = ""
    reflecting: bool = False  # perspective swap: the person is saying how the modelled repair felt
    swapped: bool = False  # a perspective swap happened in this rehearsal (for the debrief)
    prompted: bool = False  # the last reply already gave the person their turn
    finished_early: bool = False  # repaired, or the rupture was not one to rehearse
    offered: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    @property
    def step(self) -> str | None:
        steps = steps_for(self.path)
        if self.finished_early or self.step_index >= len(steps):
            return None
        return steps[self.step_index]

    @property
    def finished(self) -> bool:
        return self.step is None

    @property
    def rehearsing(self) -> bool:
        return self.step is not None and self.step.startswith("attempt_")

    @property
    def attempt_number(self) -> int:
        return len(self.history) + 1

    def persona(self) -> Persona:
        if self.persona_id:
            return persona_by_id(self.persona_id)
        return persona_for(Shape.from_dict(self.shape))

    def begin_persona(self, persona: Persona) -> None:
        self.path, self.persona_id, self.shape = PERSONA_PATH, persona.id, None
        self.step_index, self.level, self.met, self.history, self.rewinds = 0, start_level(persona), [], [], 0
        self.prompted, self.finished_early = True, False
        if persona.id not in self.offered:
            self.offered.append(persona.id)

    def begin_own(self) -> None:
        self.path, self.persona_id, self.shape = OWN_PATH, None, Shape().to_dict()
        self.step_index, self.met, self.history, self.rewinds = 0, [], [], 0
        self.prompted, self.finished_early = False, False

    @classmethod
    def coerce(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "seen": {str(item) for item in values.get("seen") or []}}

    def check(self) -> None:
        if self.persona_id or self.shape:
            self.persona()
        if not 0 <= int(self.step_index) <= len(steps_for(self.path)) or not 0 <= int(self.level) <= 4:
            raise ValueError("step or level out of range")
        if any(not isinstance(entry, list) or len(entry) < 2 or not isinstance(entry[1], list)
               for entry in self.history):
            raise ValueError("history entry")
