"""Pacing rules for the narrative retelling, pure and small (tests/unit/exercises/narrative/).

- A distress rating (SUDS, 0-10) of 8 or more, or a rise of 3 or more since the last rating, stops
  the exercise for today, with containment; 7 brings grounding and a choice (go on, pause, stop).
- Flooding: a long answer, told mostly in the present tense and heavy with sensory detail, reads as
  a memory being relived rather than remembered; the person is oriented back to now and invited to
  say what it meant instead of adding more detail.
- The same rules read the rating given before the first question of a sitting (the check-in's,
  `NarrativeExercise.rated_at_start`): starting at 8 or more, or sharply up since the last sitting,
  stops before any memory is opened. After each memory the rating is asked as a step of its own,
  skippable with one word.
- A sitting never ends on the worst memory: every ending, early or complete, closes with containment
  (`ending`).
See docs/constructs.md#pacing-a-narrative.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from bot.exercises.narrative.phrases import count_words, find
from bot.exercises.narrative.schema import Lexicon

GROUNDING_FROM = 7
STOP_FROM = 8
SHARP_RISE = 3
# A flood is long, mostly present tense and detail-heavy; each threshold alone is ordinary writing.
FLOOD_MIN_WORDS = 80
FLOOD_PRESENT_SHARE = 0.6
FLOOD_MIN_DETAILS = 5


class Pace(str, Enum):
    GO_ON = "go_on"
    GROUND = "ground"
    STOP = "stop"


@dataclass(frozen=True)
class PaceDecision:
    pace: Pace
    reason: str  # for the therapist: "high", "sharp_rise", "raised", "settled"


def after_rating(curve: Sequence[float], rating: float) -> PaceDecision:
    """What a new rating means, given the ratings before it in this exercise."""
    if rating >= STOP_FROM:
        return PaceDecision(Pace.STOP, "high")
    if curve and rating - curve[-1] >= SHARP_RISE:
        return PaceDecision(Pace.STOP, "sharp_rise")
    if rating >= GROUNDING_FROM:
        return PaceDecision(Pace.GROUND, "raised")
    return PaceDecision(Pace.GO_ON, "settled")


@dataclass(frozen=True)
class FloodReading:
    words: int
    present_share: float
    details: int

    @property
    def flooding(self) -> bool:
        return (self.words >= FLOOD_MIN_WORDS and self.present_share >= FLOOD_PRESENT_SHARE
                and self.details >= FLOOD_MIN_DETAILS)


def read_flood(text: str, lexicon: Lexicon) -> FloodReading:
    present = len(find(text, lexicon.present_tense))
    past = len(find(text, lexicon.past_tense))
    share = present / (present + past) if present + past else 0.0
    return FloodReading(count_words(text), round(share, 2), len(find(text, lexicon.sensory_detail)))


def wants_to_stop(text: str, lexicon: Lexicon) -> bool:
    """After grounding, the person's choice: anything naming a stop ends for today."""
    return bool(find(text, lexicon.stop_words))


def ending(stopped_early: bool, high_at_end: bool, before_any_memory: bool = False) -> list[str]:
    """The words keys (words.yml) a sitting ends with, in order: containment always last. Stopped by
    the rating before the first question, no memory was opened: the words say so, and settle."""
    if before_any_memory:
        return ["stop_at_start"] + (["end_high"] if high_at_end else []) + ["containment_at_start"]
    keys = ["stop_for_today"] if stopped_early else []
    if high_at_end:
        keys.append("end_high")
    return keys + ["containment"]
