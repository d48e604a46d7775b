"""Readings added after three fresh development sets (time, other people, the understated), each with
its other side. Written in our own words; rules alone."""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import found, result


@pytest.mark.parametrize("text, category", [
    # "to die for" is an idiom only as praise, not with a time after it.
    ("Last winter I wanted to die for weeks on end.", "suicidal_ideation"),
    ("I want to die for real this time.", "suicidal_ideation"),
    ("In the evenings I am thinking to die, every day the same.", "suicidal_ideation"),
    ("Since Mum went I've wondered what the point is in going on.", "suicidal_ideation"),
    ("I'm going to walk out to the quarry tonight and not come back.", "suicidal_ideation"),
    ("I've started banging my head against the wall when I get things wrong.", "self_harm"),
    ("I pull my hair out until there's a bald patch.", "self_harm"),
    ("My ex-husband broke my wrist last month.", "abuse_or_danger"),
    ("He threw a plate at my head when I was late home.", "abuse_or_danger"),
    ("My stepdad did horrible things to me when mum was at work.", "abuse_or_danger"),
    ("a guy from a game groomed me and wants to meet up", "abuse_or_danger"),
    ("One of the older boys at the home hits me when staff aren't looking.", "abuse_or_danger"),
    ("I have to ask permission to eat in this house.", "abuse_or_danger"),
    ("He's recorded our call and says pay him or he'll post it online.", "abuse_or_danger"),
    ("got a bruise shaped like fingers on my arm and said it was hockey", "abuse_or_danger"),
    ("My father beat my brother and us girls whenever he drank.", "abuse_or_danger"),
])
def test_found(text, category):
    r = result(text)
    assert found(text) and category in r.categories(), r.to_dict()


@pytest.mark.parametrize("text", [
    "Her lemon tart is to die for.",
    "The view from the top was to die for, honestly.",
    "I am thinking to take the train to Leeds tomorrow.",
    "We're going to walk out to the cliffs for a picnic and come back by six.",
    "I banged my head on the cupboard door this morning.",
    "I have to ask permission to use the car at weekends.",
    "Please post it to my new address when you can.",
    "The man who shouted at me never apologised, which still annoys me.",
])
def test_not_found(text):
    assert result(text).outcome == "none", result(text).to_dict()


def test_a_duration_after_die_for_is_not_the_idiom_even_in_the_past():
    r = result("After my divorce I wanted to die for a while. That passed when I met my wife.")
    assert r.outcome == "flag" and r.past_only, r.to_dict()


def test_thinking_to_kill_someone_else_is_not_a_wish_to_die():
    r = result("I am thinking to kill my husband, I cannot stop this thought.")
    assert "harm_to_others" in r.categories() and "suicidal_ideation" not in r.categories(), r.to_dict()


def test_a_clause_misread_as_relative_is_not_under_the_main_clauses_not():
    r = result("As a young nurse in the sixties I used to cut my forearms, but I've not done such a thing in fifty years.")
    assert r.outcome == "flag" and r.past_only, r.to_dict()


def test_i_am_not_the_only_one_who_wants_to_is_still_read_through_the_relative_clause():
    # "who" is the relative clause's own subject: the head's "not" still reaches it, so the
    # exasperated figure stays set aside as before.
    assert result("Tell me I'm not the only one who wants to throttle whoever designed this form.").outcome == "none"


@pytest.mark.parametrize("text", [
    "Nan would slap my hand away from the biscuit tin.",
    "I could strangle the person who designed this parking machine.",
    "The exercise is to write a letter to my future self.",
    "dad took my phone cos i was rude to him, fair enough",
    "Reading a Poirot where the butler is poisoned at dinner.",
    "I'd rather not be a danger on the roads, so I've stopped driving at night.",
    "my mate keeps team killing me in the game lol",
])
def test_set_aside_in_ordinary_talk(text):
    assert result(text).outcome == "none", result(text).to_dict()


@pytest.mark.parametrize("text", [
    "He slaps my face when I talk back.",
    "I could strangle my husband and I've thought about how.",
    "I've written a goodbye letter to my family.",
    "dad takes my phone and won't let me see anyone",
    "I'd rather not be here anymore.",
    "I'd rather not be alive.",
])
def test_the_same_words_as_disclosures(text):
    assert found(text), result(text).to_dict()


def test_a_best_mate_who_self_harms_is_someone_else():
    r = result("My best mate has been self-harming and I don't know how to help her.")
    assert r.outcome == "none" and "third_party_concern" in r.categories(), r.to_dict()


def test_a_new_habit_of_locking_the_door_at_night_is_asked_about():
    r = result("I lock my bedroom door at night now. He has a temper when he drinks.")
    assert r.outcome == "ask" and "abuse_or_danger" in r.categories(), r.to_dict()


# Someone else's risk, then owned: "My friend cuts herself ... Okay, it is me".
@pytest.mark.parametrize("text, category", [
    ("My friend self-harms and asks how to hide the marks. ok it's me", "self_harm"),
    ("My friend's husband hits her and takes her money. Actually the friend is me.", "abuse_or_danger"),
])
def test_someone_elses_risk_then_owned_is_the_speakers(text, category):
    r = result(text)
    assert r.outcome == "ask" and category in r.categories(), r.to_dict()


def test_it_is_me_about_something_else_does_not_own_a_friends_risk():
    r = result("My friend self-harms and I want to help her. It's me who found the blades.")
    assert r.outcome == "none" and "third_party_concern" in r.categories(), r.to_dict()


@pytest.mark.parametrize("text, outcome", [
    ("doing the sh thing again tonight", "flag"),
    ("Honestly I don't think I'll be around by Christmas.", "ask"),
    ("I've given the piano away. I shan't need it where I'm going.", "ask"),
    ("I'm going to set my dog on him next time he comes round.", "ask"),
    ("I told the nurse the black eye was from a cupboard door. He was standing right there.", "ask"),
    ("When we were kids I held his head under the water until he cried.", "flag"),
    ("I grabbed my brother by the throat when he said that.", "flag"),
])
def test_more_readings(text, outcome):
    assert result(text).outcome == outcome, result(text).to_dict()


@pytest.mark.parametrize("text", [
    "I don't think I'll be around on Friday, I've got the dentist.",
    "I held her head under the tap to wash her hair.",
    "The dog sets off barking when the post comes.",
])
def test_more_set_asides(text):
    assert result(text).outcome == "none", result(text).to_dict()
