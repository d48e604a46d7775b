"""The check-in around an exercise, the same for every exercise (actions/exercise.py).

With the first question of an exercise the person is offered a 0-10 rating of how stirred up they
feel (SUDS, bot/checkin/suds.py). It is skippable by simply answering the question: only a clear
rating is taken as a check-in, anything else goes to the exercise as its first answer. From 7 up,
grounding is offered, and given one step at a time (each reply brings the next step); at 9-10,
support as well. After the exercise the usual check-in is offered again (`offer_after_exercise`).
The phase travels in the `exercise_checkin` slot; words live in bot/checkin/messages.yml.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.checkin.suds import is_high_distress, is_moderate_distress, is_very_high_distress, parse_offered_rating

START = "start"  # the exercise has started: offer the check-in with its first question
OFFERED = "offered"  # the offer stands until the first answer
GROUNDING_OFFERED = "grounding_offered"
GROUNDING_STEPS = ("grounding_step_1", "grounding_step_2", "grounding_step_3")


def grounding_phase(step: int) -> str:
    return f"grounding:{step}"


def in_grounding(phase: str | None) -> bool:
    return phase == GROUNDING_OFFERED or bool(phase and phase.startswith("grounding:"))


@dataclass
class CheckinTurn:
    """What the check-in makes of one answer given while it is open."""

    consumed: bool  # the answer was the check-in's (the exercise does not see it)
    phase: str | None = None
    suds: float | None = None
    keys: list[str] = field(default_factory=list)  # messages (bot/checkin/messages.yml), in order


def checkin_turn(phase: str | None, text: str, said_yes: bool | None) -> CheckinTurn:
    """The check-in's reading of an answer in `phase`; not consumed when it is the exercise's."""
    if phase == OFFERED:
        reading = parse_offered_rating(text)
        if reading.value is None:
            return CheckinTurn(consumed=False)
        rating = float(reading.value)
        if is_high_distress(rating):
            keys = (["suds_very_high"] if is_very_high_distress(rating) else []) + ["offer_grounding_step_by_step"]
            return CheckinTurn(True, GROUNDING_OFFERED, rating, keys)
        return CheckinTurn(True, None, rating, ["suds_moderate" if is_moderate_distress(rating) else "suds_low"])
    if phase == GROUNDING_OFFERED:
        if said_yes is None:
            return CheckinTurn(consumed=False)
        if not said_yes:
            return CheckinTurn(True, None, None, ["offer_declined"])
        return CheckinTurn(True, grounding_phase(1), None, [GROUNDING_STEPS[0]])
    if phase and phase.startswith("grounding:"):
        try:
            done = int(phase.split(":", 1)[1])
        except ValueError:
            done = len(GROUNDING_STEPS)
        if 0 < done < len(GROUNDING_STEPS):
            return CheckinTurn(True, grounding_phase(done + 1), None, [GROUNDING_STEPS[done]])
        return CheckinTurn(True, None, None, ["grounding_done"])
    return CheckinTurn(consumed=False)
