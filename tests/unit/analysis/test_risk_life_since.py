"""The past told with life since: "When I was a teenager I cut my arms. Now I have only the scars."
A "now" in a later sentence, said of life since the event (scars, a divorce, where one lives), dates
the speaker and leaves the event in the past; a "now" in the event's own sentence, of a duration,
beside an intent or with a verb of the act itself keeps it current. In our own words; rules alone.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import found, result


@pytest.mark.parametrize("text", [
    "When I was fourteen I used to cut my legs. Now I only have the marks.",
    "As a teenager I burned my wrists with matches. The scars have faded now.",
    "My stepdad used to beat me when I was little. Now I live with my gran in Leeds.",
    "At uni I used to starve myself for days. Now I am a mum of two.",
])
def test_life_since_leaves_the_event_in_the_past(text):
    r = result(text)
    assert found(text)
    assert r.past_only, r.to_dict()


@pytest.mark.parametrize("text", [
    "When I was fourteen I used to cut my legs. Now I do it every night again.",
    "My stepdad used to beat me when I was little. Now he beats my sister.",
    "I've been suicidal for a while now and I'm tired of hiding it.",
    "I used to hurt myself at school. I know what I'm going to do now and I feel calm.",
    "When I was at school I used to cut. Now I'm cutting deeper than before.",
])
def test_now_of_the_act_a_duration_or_an_intent_stays_current(text):
    r = result(text)
    assert found(text)
    assert not r.past_only, r.to_dict()
