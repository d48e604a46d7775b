"""Harm to others told without the usual verbs: a threat told as the other's fate, a possessed body
part, a weapon taken to someone, a beating given, a carer's hands on the one cared for. Each has its
other side (illness, a parent's joke, a card game, ordinary care). In our own words; rules alone.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import result


@pytest.mark.parametrize("text, outcome", [
    ("I'm going to snap that lad's wrist when he comes round tomorrow.", "flag"),
    ("I'm going to take the cricket bat to him when he gets home tonight.", "flag"),
    ("I'm going to give my neighbour a proper hiding when he's back from work.", "flag"),
    ("If he talks to my sister like that one more time, he won't be getting home in one piece.", "ask"),
    ("she'll not live to see her birthday if she keeps on.", "ask"),
    ("told him ur dead when i see u, not joking", "ask"),
    ("If that man tries it again he'll get it across his head.", "ask"),
    ("He'll find out what it feels like on Friday, I've got it all planned.", "ask"),
])
def test_threats_and_attacks_told_without_the_usual_verbs(text, outcome):
    r = result(text)
    assert r.outcome == outcome and "harm_to_others" in r.categories(), r.to_dict()


@pytest.mark.parametrize("text", [
    "The vet says our old dog won't live to see Christmas.",
    "My gran is very poorly and the nurses say she won't see the spring.",
    "you're dead when mum finds out you ate her chocolate lol",
    "We're having a poker night on Friday and my brother-in-law always takes the poker to bed with him as a joke.",
    "We play poker every Friday and I'm going to take the poker chips to him tonight.",
    "I gave the dog a good brushing and took the car to the garage.",
    "I'm going to break the news to that man's wife gently.",
])
def test_the_same_words_in_ordinary_life(text):
    r = result(text)
    assert "harm_to_others" not in r.categories(), r.to_dict()


@pytest.mark.parametrize("text", [
    "Dad has dementia and tonight I held his wrists down until he stopped screaming.",
    "I've shaken him twice this week when he wouldn't settle and I'm scared of myself.",
    "She keeps getting up at night so I've been locking her in her room.",
    "The baby wouldn't stop and I put her down hard and walked away.",
])
def test_a_carers_hands_on_the_one_cared_for_are_asked_about(text):
    r = result(text)
    assert r.outcome == "ask" and "harm_to_others" in r.categories(), r.to_dict()


@pytest.mark.parametrize("text", [
    "I held her hand and put her down for a nap.",
    "I lock my front door at night and tie the gate shut for the dog.",
    "The physio held his arms up while he did the stretches.",
])
def test_ordinary_care_is_not(text):
    assert result(text).outcome == "none", result(text).to_dict()


def test_a_body_part_broken_long_ago_is_past():
    r = result("When I was nineteen I broke a lad's nose outside a club. I've not been in a fight since.")
    assert r.outcome == "flag" and r.past_only, r.to_dict()
