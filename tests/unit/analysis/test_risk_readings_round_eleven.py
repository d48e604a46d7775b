"""Readings the rules learned from three more development sets, each with the other side of its
boundary, in our own words. Rules alone (`assess_risk_rules`).

- Denying that a risk ended affirms it ("the urges never went away").
- A threat in exasperation's formula with a weapon named beside it is meant.
- "every intention of" is intent; a game named only as a time is not where the act happens.
- Hit by a sparring partner, or by a patient on the ward, is not abuse at home.
- Readings that set words aside do not count when they are denied ("not for a barbecue").
- Grooming told by a request for secrecy; farewell told by things no longer needed; harm told by
  learning someone's routine; self-harm told by a sharp or hot thing on the body; joining someone
  who died.
- Past events: same-spelt past verbs, stages of life, and a later sentence that dates the story.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import category, found, outcome, result


@pytest.mark.parametrize("text", [
    "The urge to cut that I had at school never really went away, and this month it is loud again.",
    "My suicidal thoughts haven't faded at all since Christmas.",
])
def test_a_risk_that_never_ended_is_found(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "Suicidal thoughts have never crossed my mind, I just feel flat.",
    "I don't have thoughts of hurting myself.",
])
def test_a_plain_denial_still_denies(text):
    assert not found(text)


def test_exasperation_with_a_weapon_at_hand_is_meant():
    assert outcome("if my brother takes my charger one more time i'll stab him, i keep a knife under my bed") == "flag"
    assert not found("if my brother takes my charger one more time i'll kill him lol")


def test_every_intention_is_intent():
    assert outcome("I have every intention of hurting my landlord when I see him next.") == "flag"
    assert not found("I hurt my landlord's feelings when I complained about the damp.")


def test_a_game_named_as_a_time_does_not_make_a_threat_a_game():
    assert outcome("we're gonna jump him after the match on friday, he won't see it coming") == "flag"
    assert not found("we're gonna destroy them in the game on saturday, our defence is solid now")


@pytest.mark.parametrize("text", [
    "My sparring partner punched me hard in the ribs tonight, then bought me a drink.",
    "He kicked me in sparring and apologised straight away.",
    "A patient hit me on the ward today because he was confused. Nobody was hurt.",
])
def test_hit_in_a_bout_or_by_a_patient_is_not_abuse(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "My boyfriend does kickboxing and he punched me last night.",
    "My husband hit me again last night.",
])
def test_hit_by_someone_close_is_still_abuse(text):
    assert found(text)
    assert category(text) == "abuse_or_danger"


def test_a_denied_reading_does_not_set_aside():
    assert found("Bought a box of charcoal this morning. Not for a barbecue.")
    assert not found("Bought a box of charcoal this morning for the barbecue on Sunday.")


@pytest.mark.parametrize("text", [
    "my football coach messages me at night and says not to tell anyone we talk",
    "my tutor keeps texting me saying I'm mature for my age and to delete the chats",
    "he told me not to tell my mum about the sleepovers",
])
def test_secrecy_asked_for_is_asked_about(text):
    assert found(text)
    assert category(text) == "abuse_or_danger"


def test_a_friends_news_kept_quiet_is_not_grooming():
    assert not found("my best friend asked me not to tell anyone she got the job")


@pytest.mark.parametrize("text", [
    "I've cancelled the window cleaner and the papers. I won't be needing them.",
    "Didn't renew my season ticket. I'm not planning on needing it.",
    "posted a goodbye message on my story last night",
    "Since I decided on an end date everything feels quieter.",
])
def test_farewell_by_things_no_longer_needed_is_asked_about(text):
    assert found(text)
    assert category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "I won't be needing the car this week, I'm working from home.",
    "We decided on the date for the wedding.",
])
def test_everyday_arrangements_are_not_farewell(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I know which train he takes home on Fridays. He'll be sorry.",
    "I found out where Kieran works and which door he uses for his smoke breaks.",
    "we know when his mum works late. friday it happens",
])
def test_learning_someones_routine_is_asked_about(text):
    assert found(text)
    assert category(text) == "harm_to_others"


def test_a_friends_routine_for_a_kind_reason_is_not_a_threat():
    assert not found("I know what time my nan gets up so I ring her after breakfast.")


@pytest.mark.parametrize("text", [
    "I use a sewing needle on my thigh when the house is empty.",
    "After the argument I held my hand over the hob until I couldn't stand it.",
    "can't wear short sleeves to the barbecue, people will see",
])
def test_sharp_or_hot_things_on_the_body_and_hiding_are_asked_about(text):
    assert found(text)
    assert category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "I use a pin on my sleeve to keep the badge straight.",
    "I put my hand on the hob by accident and it blistered.",
    "I cut myself on the brambles while clearing the allotment.",
])
def test_everyday_pins_burns_and_scratches_are_not(text):
    assert not found(text)


def test_joining_someone_who_died_is_asked_about():
    assert found("I wrote to my late husband tonight. I told him I'll see him soon.")
    assert not found("I wrote to my sister tonight. I told her I'll see her soon at Easter.")


@pytest.mark.parametrize("text", [
    "When I was fifteen I hurt people in fights. Now I work with kids at a boxing club.",
    "I was suicidal in my late twenties after the divorce. It's a closed chapter.",
    "I had thoughts of ending my life during my first year at university. I got help. That was twelve years ago.",
    "in like year 8 i self harmed. im at college now and i'm doing good",
])
def test_stories_dated_in_the_past_are_past(text):
    r = result(text)
    assert found(text)
    assert r.past_only, r.to_dict()


@pytest.mark.parametrize("text", [
    "When I was fifteen my dad hit me and he still hits me when he drinks.",
    "I was suicidal in my late twenties and it has come back this month.",
])
def test_a_past_that_came_back_is_not_past(text):
    r = result(text)
    assert found(text)
    assert not r.past_only, r.to_dict()


@pytest.mark.parametrize("text", [
    "My cousin self-harms and I found the plasters. How can I be there for him?",
    "My daughter searched for how to hurt herself on the school laptop. What should I say to her?",
    "My neighbour is leaving her violent husband tomorrow and I'm driving her to her sister's.",
])
def test_someone_elses_risk_told_by_a_worried_speaker_is_not_theirs(text):
    r = result(text)
    assert r.outcome == "none", r.to_dict()
    assert any(f.category == "third_party_concern" for f in r.findings)


@pytest.mark.parametrize("text", [
    "I self-harm and I don't know how to stop.",
    "I've been searching for ways to kill myself.",
    "My violent husband is coming home tonight and I'm scared.",
])
def test_the_speakers_own_risk_beside_them_is_still_found(text):
    assert found(text)


def test_just_kidding_marks_a_threat_as_a_figure():
    assert not found("my brother ate my birthday cake, i'm going to kill him jk he's the best")
    assert found("my brother ate my birthday cake, i'm going to kill him, i'm not kidding")
