"""Readings the rules learned from three more development sets (health and care, life online, harm
to others and abuse), each with the other side of its boundary, in our own words. Rules alone
(`assess_risk_rules`).

- Self-harm told by what is done: a wound kept open, "something to myself", making oneself ill on
  purpose, cutting "again" or "deeper than usual", a content warning put on one's own message.
- Abuse: forced to sex, in plain or non-native grammar.
- Burden: "better off without the bills and me", "less stressed if I wasn't around".
- Harm to others: someone silenced "for good".
- Set aside: exasperation told with an adverb ("could cheerfully strangle"), the act disowned right after ("I'm not going to, obviously"), exertion's figure,
  a haircut, toy guns, someone else scared for the speaker, the exercise asking about something,
  and a means kept for a named everyday job or safe from children.
- "she self harms" is someone else's; "asked if I was okay" is not a death welcomed.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import category, found, outcome, result


@pytest.mark.parametrize("text", [
    "The dressing on my shin keeps coming off because I reopen it at night.",
    "Some evenings I do something to myself that I can't tell anyone about.",
    "I did something to my arms again after the phone call.",
    "I've been deliberately skipping my heart tablets so that I make myself ill.",
])
def test_self_harm_told_by_what_is_done_is_asked_about(text):
    assert outcome(text) == "ask" and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "We reopen the cafe after the holidays.",
    "I did something to my hair and my mum hates it.",
    "Did something to my back lifting the sofa.",
])
def test_everyday_doing_and_reopening_is_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "cut again after tea. it was deeper than usual",
    "I cut again on Sunday, nobody knows.",
    "i cut deeper than last time and it scared me",
])
def test_cutting_again_is_flagged(text):
    assert outcome(text) == "flag" and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "The power cut again during the storm.",
    "This new bread knife cuts deeper than the old one.",
])
def test_other_cuts_are_not(text):
    assert not found(text)


def test_a_content_warning_for_self_harm_is_asked_about():
    assert outcome("tw sh. not sure who to tell") == "ask"
    assert not found("tw: spiders in the photo lol")


@pytest.mark.parametrize("text", [
    "My boyfriend forcing me to sex when I am too tired, he say it is my duty.",
    "He forces me into sex when I say no.",
])
def test_forced_sex_is_flagged_as_abuse(text):
    assert outcome(text) == "flag" and category(text) == "abuse_or_danger"


def test_forced_to_do_other_things_is_not_abuse():
    assert not found("Mum forced me to go to the dentist.")


@pytest.mark.parametrize("text", [
    "My family would be better off without the care bills and me.",
    "honestly my flatmates would be less stressed if i wasnt around",
])
def test_burden_told_with_what_others_would_lose_is_asked_about(text):
    assert outcome(text) == "ask" and category(text) == "suicidal_ideation"


def test_better_off_without_a_thing_is_not():
    assert not found("We'd all be better off without the car and the insurance.")


@pytest.mark.parametrize("text", [
    "Someone needs to shut him up for good.",
    "I've wondered how much of her sleeping tablets would keep her quiet forever.",
])
def test_someone_silenced_for_good_is_asked_about(text):
    assert found(text) and category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "Told my niece she could keep them forever, the old comics.",
    "The baby monitor keeps him quiet for an hour at most.",
])
def test_keeping_things_or_quiet_for_a_while_is_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I could cheerfully strangle the plumber who left the tap dripping.",
    "My ex cancelled on the kids again. I could throttle him. I'm not going to, obviously, the solicitor has it.",
])
def test_exasperation_told_with_an_adverb_or_disowned_is_set_aside(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I could have killed him, I had the knife in my hand when he came in.",
    "I want to kill him. I'm not going to lie, I've thought about how.",
])
def test_the_same_words_with_a_weapon_or_a_plan_are_still_flagged(text):
    assert outcome(text) == "flag"


@pytest.mark.parametrize("text", [
    "The coach made us do sprints until we wanted to die, best session all year.",
    "Hill repeats in the rain till I wanted to puke.",
])
def test_exertion_until_one_wanted_to_die_is_a_figure(text):
    assert not found(text)


def test_wanting_to_die_after_something_said_is_not_exertion():
    assert found("He kept on at me about the money until I wanted to die.")


@pytest.mark.parametrize("text", [
    "i cut my fringe myself and now i look like a mushroom",
    "We played laser tag with the toy guns at my nephew's party.",
    "My husband felt scared for me when I told him about the break-in at work.",
])
def test_haircuts_toys_and_others_worry_are_not_disclosures(text):
    assert not found(text)


def test_cutting_myself_is_still_self_harm():
    assert found("i cut myself again last night")


def test_the_exercise_asking_about_something_is_not_a_search():
    text = "The exercise asked about a time I felt safe. We were learning knots for hanging a hammock."
    assert not found(text)
    assert found("I asked about how many of my pills it would take to overdose.")


@pytest.mark.parametrize("text", [
    "I need a rope to hoist the new mattress up to the loft.",
    "Keep a sharp knife for the Sunday roast, my dad always said.",
    "We keep the medicine in a locked tin because the kids are little.",
    "Took my blood pressure tablets as usual with breakfast, then the walk.",
])
def test_a_means_kept_for_a_named_job_is_not_access(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I keep a rope in the loft and I think about it every night.",
    "I've been keeping my tablets in a box at the back of the wardrobe and I look at them a lot.",
])
def test_a_means_kept_and_brooded_on_is_still_asked_about(text):
    assert found(text)


def test_she_self_harms_is_someone_elses():
    assert not found("my best mate told me she self harms, how do i help her")
    assert found("she knows i self harm")
    assert result("my best mate told me she self harms, how do i help her").findings  # kept as a concern


def test_asked_if_i_was_okay_is_not_a_death_welcomed():
    assert not found("My manager asked if I was okay after the meeting, which was kind.")
    assert found("If I was gone it would be a relief for everyone.")
