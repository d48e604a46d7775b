"""Answers from mentalizing practice that the analysis misread, each pinned with neighbours on both
sides of its boundary. Real spaCy pipeline.

- A feeling verb the speaker does ("I value it more", "I mind", "I care about him") is a mental state
  but not a feeling word that could follow "you felt"; a participle or feeling adjective still is.
- A wish set against what the same person did instead ("I wanted to say something sharp but I just
  smiled"), and an act named as the means to an aim ("a way to skip past that"), link a state to an
  act; a different subject or a wish with no act does not.
- Change over time in the speaker's own mind ("I used to replay it, now I can let it go") is credited
  in the estimate; the same words with no change, or about someone else, are not.
"""
from __future__ import annotations

import pytest

from bot.analysis.mentalizing import analyze_mentalizing, rf_band
from bot.nlp import load_nlp


@pytest.fixture(scope="module")
def analyse():
    nlp = load_nlp()
    return lambda text: analyze_mentalizing(nlp(text))


def feeling_words(result) -> list[str]:
    return [e.text for e in result.feeling_words]


def quoted(result, family: str) -> list[str]:
    return [m.evidence.text for m in result.markers if m.family == family]


# -- feeling verbs are not feeling words -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A bit. When we were younger I'd just laugh it off. Now it matters more, maybe because I have less "
    "free time and I value it more.",
    "I value our time together.",
    "I mind a lot when she's late.",
    "I care about him.",
    "I hate it when he does that.",
    "I worry about her all the time.",
])
def test_a_feeling_verb_the_speaker_does_is_no_feeling_word(analyse, text):
    result = analyse(text)
    assert "self_mind" in {m.family for m in result.markers}  # still the speaker's mind
    assert feeling_words(result) == []


@pytest.mark.parametrize(("text", "word"), [
    ("I felt small and I hate it.", "small"),
    ("I was hurt and I miss him.", "hurt"),
    ("I panicked.", "panicked"),
    ("It still hurts.", "hurts"),
    ("I felt worried.", "worried"),
])
def test_a_feeling_named_as_a_state_is_still_a_feeling_word(analyse, text, word):
    result = analyse(text)
    assert feeling_words(result) == [word]
    assert result.validation_needed


def test_valuing_something_needs_no_meeting_as_a_painful_feeling(analyse):
    assert not analyse("I value it more now.").validation_needed
    assert analyse("I feel hurt now.").validation_needed


# -- a state linked to an act ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "link"), [
    ("Annoyed, and a bit small, like my time doesn't count. I wanted to say something sharp but I just "
     "smiled and let it go.", "I wanted to say something sharp but I just smiled and let it go"),
    ("I wanted to leave but I stayed.", "I wanted to leave but I stayed"),
    ("He wanted to shout but he kept quiet.", "He wanted to shout but he kept quiet"),
])
def test_a_wish_set_against_what_the_same_person_did_is_a_causal_link(analyse, text, link):
    assert link in quoted(analyse(text), "causal_link")


@pytest.mark.parametrize("text", [
    "I wanted to say something sharp but the bus came.",  # not what the wisher did
    "I wanted a coffee but I had tea.",  # no act was wished for
    "I didn't want to say anything but I smiled.",  # no wish held back
    "I wanted to say something sharp.",  # nothing done instead
])
def test_a_wish_without_the_wishers_act_against_it_is_no_link(analyse, text):
    assert quoted(analyse(text), "causal_link") == []


@pytest.mark.parametrize(("text", "link"), [
    ("Maybe he honestly doesn't notice time the way I do. He might have felt a bit guilty walking in, and "
     "the traffic line was a way to skip past that.", "to skip past that"),
    ("He felt embarrassed, so the joke was an excuse to change the subject.", "to change the subject"),
])
def test_an_act_named_as_the_means_to_an_aim_beside_a_state_is_a_causal_link(analyse, text, link):
    assert any(link in q for q in quoted(analyse(text), "causal_link"))


@pytest.mark.parametrize("text", [
    "The traffic line was a way to skip the queue.",  # no state anywhere
    "She found a way to fix the car.",
])
def test_a_means_to_an_aim_with_no_state_is_no_link(analyse, text):
    assert quoted(analyse(text), "causal_link") == []


# -- change over time in the speaker's own mind ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "A bit. I used to replay stuff like this all evening. Now I can mostly let it go after a while.",
    "I used to dwell on things like this for days. These days I shrug it off.",
    "I used to laugh it off. Now I can't let it go any more.",
])
def test_the_speakers_own_mind_changing_is_credited(analyse, text):
    result = analyse(text)
    families = {m.family for m in result.markers}
    assert {"change_over_time", "self_mind", "mental_state_term"} <= families
    assert result.rf_estimate >= 4 and rf_band(result.rf_estimate) in {"low", "ordinary"}
    assert "change over time" in result.explanation and "self mind" in result.explanation


@pytest.mark.parametrize("text", [
    "I used to drive this road all evening. Now I can mostly take the bus.",  # a change, not of mind
    "My brother used to replay old matches all evening. Now he can let it go.",  # not the speaker
    "I just smiled and let it go.",  # the speaker's mind, but no change over time
])
def test_change_or_inner_words_alone_are_not_credited(analyse, text):
    result = analyse(text)
    assert "self_mind" not in {m.family for m in result.markers}
    assert result.rf_estimate <= 2


def test_a_wish_set_against_not_knowing_how_is_two_states_not_a_link(analyse):
    assert quoted(analyse("I think he wanted to help but didn't know how."), "causal_link") == []
    assert quoted(analyse("He wanted to help but he stayed out of it."), "causal_link") != []
