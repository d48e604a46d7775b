"""Past events read as past, and the boundary that keeps the present current.

A past event gets the past check (validation and one question about now), not the crisis script, so
each reading here has its other side: the same words with something current stay current. Written in
our own words; rules alone.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import found, result


def _past(text: str) -> None:
    r = result(text)
    assert found(text)
    assert r.past_only, r.to_dict()


def _current(text: str) -> None:
    r = result(text)
    assert found(text)
    assert not r.past_only, r.to_dict()


# An age or a date holds even with a bare present-tense verb, the way English learners often tell
# the past; "he hits", "I am cutting" and an intent are never bare.
@pytest.mark.parametrize("text", [
    "Twelve years ago I try to kill myself in my home town. Now I have a wife and a good job.",
    "When I was student I try to hang myself, my sister stop me.",
    "When I was young, before I marry, I cut my arms with a razor.",
])
def test_a_date_or_an_age_dates_a_bare_verb(text):
    _past(text)


@pytest.mark.parametrize("text", [
    "Twelve years ago my husband started this and he hits me every week.",
    "When I was student I tried to hang myself and tonight I try again.",
    "Since I was twelve I cut my arms when it gets bad.",
    "I've cut myself since age 12.",
])
def test_a_present_verb_an_again_or_a_since_stays_current(text):
    _current(text)


# "since age 12" says it began then; "I've been suicidal since" is not a recovery.
@pytest.mark.parametrize("text", [
    "I've been suicidal since the divorce.",
    "I've cut myself since I was thirteen and I still do.",
])
def test_since_is_a_beginning_not_an_end(text):
    _current(text)


# Periods of life that are over.
@pytest.mark.parametrize("text", [
    "When my son was a baby I had frightening thoughts of hurting him. It was postnatal and it passed.",
    "In my first marriage my husband beat me. I left in 1998.",
    "Throughout my childhood my father hit my mother and me.",
    "Before I met my husband I tried to take my own life.",
    "I once held a knife to my brother's throat during a fight. That was 1979.",
    "In the winter of 1985 I took an overdose. I've had a good life since.",
    "When we was children our uncle beat us with a stick, he is dead now.",
])
def test_a_period_that_is_over(text):
    _past(text)


@pytest.mark.parametrize("text", [
    "Since my son was born I have frightening thoughts of hurting him.",
    "My husband beats me. In my first marriage it was the same.",
    "My father hit me last night, like he did throughout my childhood.",
])
def test_the_same_periods_with_the_present(text):
    _current(text)


# Over, said after the story: it passed, helped me stop, not anymore, never again, clean today.
@pytest.mark.parametrize("text", [
    "When I was fifteen I used to scratch my arms till they bled. Not anymore.",
    "At sixteen I put my cousin in hospital in a fight. I never raised a hand to anyone again.",
    "used to sh in yr 8, the scars r mostly faded now",
    "back in yr 7 i wanted to die a lot but im in yr 11 now and things r way better",
    "My late husband hit me for thirty years.",
])
def test_told_as_over(text):
    _past(text)


@pytest.mark.parametrize("text", [
    "I've got my late husband's shotgun cleaned and loaded in the wardrobe.",
    "When I was fifteen I used to scratch my arms. I did it again yesterday.",
    "Years ago my dad left. I took an overdose yesterday.",
])
def test_a_dead_mans_gun_or_yesterday_is_not_over(text):
    _current(text)


# "still" of the aftermath (flinching, shame, not knowing) is not a recurrence; "still" of the act is.
@pytest.mark.parametrize("text", [
    "My stepfather hit me when I was small. I still flinch when someone raises their voice.",
    "I tried to kill myself before I met my wife. She still doesn't know.",
])
def test_still_of_the_aftermath(text):
    _past(text)


@pytest.mark.parametrize("text", [
    "My stepfather hit me when I was small. He still hits me when he's drunk.",
    "When I was 15 I cut my arms. I still cut them when it gets bad.",
    "My dad beat me when I was a kid and he's still here.",
])
def test_still_of_the_act(text):
    _current(text)


# A plan had then is not an intent now; a plan said now is.
def test_a_plan_had_then_is_past():
    _past("Back in my twenties I had a plan to end things, but I got help and those thoughts went away.")


def test_a_plan_now_is_current():
    r = result("I had a plan to end it all and I'm going to do it tonight.")
    assert r.outcome == "flag" and not r.past_only and r.level == "imminent", r.to_dict()


# Recoveries that are not: escaping a car, "it's all over", a different person who is someone else,
# "I've just learned", a weekday.
@pytest.mark.parametrize("text", [
    "I'm being abused by my boyfriend and I don't know how to get out.",
    "When I was ten my dad hit me. On Monday he hit me again.",
    "My husband hit me when I was pregnant in 2019 and he has just done it again.",
    "Self-harm is back in my life. I cut three times since Sunday.",
])
def test_false_recoveries_stay_current(text):
    _current(text)


def test_a_clock_time_is_not_a_past_that_holds_intent_back():
    # "at 3am" is a time, not an age: the intent beside it stays intent.
    r = result("He keeps coming back at 3am and I've decided I'm going to hurt him, properly.")
    assert r.level == "imminent" and not r.past_only, r.to_dict()
