"""The narrative retelling's pacing rules on written examples (bot/exercises/narrative/pacing.py)."""
from __future__ import annotations

import pytest

from bot.exercises.narrative.library import lexicon
from bot.exercises.narrative.pacing import Pace, after_rating, ending, read_flood, wants_to_stop

REMEMBERED = (
    "When I was about seven my dad lost his job and things were tense at home for a long time. He was "
    "often angry and we kept out of his way. Looking back I think he was frightened about money, and I "
    "learned to read his moods before I walked into a room. It was a hard year, and we never talked "
    "about it afterwards, though later I understood more of what he had been going through then, and "
    "why my mum was so quiet in those months. I was lonely but I had my friend next door."
)


@pytest.mark.parametrize("curve, rating, pace, reason", [
    ([], 3, Pace.GO_ON, "settled"),
    ([], 6, Pace.GO_ON, "settled"),
    ([], 7, Pace.GROUND, "raised"),
    ([6], 7, Pace.GROUND, "raised"),
    ([], 8, Pace.STOP, "high"),
    ([2], 10, Pace.STOP, "high"),
    ([2], 5, Pace.STOP, "sharp_rise"),  # a rise of three stops even at a moderate level
    ([3], 5, Pace.GO_ON, "settled"),  # a rise of two does not
    ([9, 4], 6, Pace.GO_ON, "settled"),  # the rise counts from the latest rating only
    ([5], 3, Pace.GO_ON, "settled"),
])
def test_a_rating_paces_the_next_step(curve, rating, pace, reason):
    decision = after_rating(curve, rating)
    assert (decision.pace, decision.reason) == (pace, reason)


def test_a_long_present_tense_answer_full_of_detail_is_flooding(flood_text):
    reading = read_flood(flood_text, lexicon())
    assert reading.flooding, reading


def test_a_long_memory_told_from_now_is_not_flooding():
    reading = read_flood(REMEMBERED, lexicon())
    assert reading.words >= 80 and not reading.flooding, reading


def test_a_short_vivid_answer_is_not_flooding():
    assert not read_flood("He is shouting and the door is loud and the floor is cold and wet.", lexicon()).flooding


@pytest.mark.parametrize("text, stop", [
    ("stop", True), ("I think that's enough for today", True), ("not today", True),
    ("go on", False), ("yes, let's carry on", False), ("okay", False),
])
def test_after_grounding_the_choice_is_read(text, stop):
    assert wants_to_stop(text, lexicon()) is stop


@pytest.mark.parametrize("stopped, high", [(False, False), (True, False), (False, True), (True, True)])
def test_every_ending_closes_with_containment_never_on_a_memory(stopped, high):
    keys = ending(stopped, high)
    assert keys[-1] == "containment"
    assert ("stop_for_today" in keys) is stopped and ("end_high" in keys) is high
