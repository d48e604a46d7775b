"""Sport and car idioms that name the topic word (the new development sets' hard negatives, in our
own words): a fitness drill called "suicides", a car's "suicide doors", a match lost by a score, a
bout in a combat sport. Each with the other side of its boundary. Rules alone (`assess_risk_rules`).
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import category, found


@pytest.mark.parametrize("text", [
    "hockey practice was grim, we ran suicides until two people were sick",
    "The PE teacher makes us do ten suicides if anyone's late.",
    "My uncle restored a Lincoln with suicide doors and lets me sit in it.",
    "we watched Suicide Squad again, the second one is better",
    "Sunday league: we got hammered 6-1 and the ref was a joke.",
    "Our quiz team was thrashed 40 to 12 by the teachers.",
    "Got battered in judo tonight, the blue belts are brutal.",
])
def test_drills_doors_scores_and_bouts_are_not_risk(text):
    assert not found(text)


@pytest.mark.parametrize("text, category_found", [
    ("I keep thinking about suicide, every night now", "suicidal_ideation"),
    ("I've been reading about suicide methods again", "suicidal_ideation"),
    ("He battered me twice last week and I'm scared to go home", "abuse_or_danger"),
    ("My husband does judo and he throws me against the wall when he's drunk", "abuse_or_danger"),
])
def test_the_topic_said_of_the_speaker_is_still_found(text, category_found):
    assert found(text)
    assert category(text) == category_found
