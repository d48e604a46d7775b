"""Structures the rules were broadened by (intent frames with any method verb, harm to a group, farewell
acts, finality phrases, anger with a plan detail and a second sign), and both sides of the set-asides
added with them (a question put to the listener, anger held back, everyday letters and goodbyes).
Sentences are our own, not from the labelled files.
"""
from __future__ import annotations

import pytest

from bot.analysis.risk import assess_risk_text

DETECTED = ("flag", "ask")


def outcome(text: str) -> str:
    return assess_risk_text(text).outcome


# ---------------------------------------------------------------- intent frames, any method verb


@pytest.mark.parametrize("text", [
    "planning on hanging myself when the house is empty",
    "I'm going to commit suicide after the wedding.",
    "im about to unalive myself ngl",
    "I will finish my life before the new year.",
])
def test_an_intent_frame_with_any_method_verb_is_flagged(text):
    assert outcome(text) == "flag"


def test_a_request_not_to_interfere_does_not_negate_the_intent():
    # "don't try to stop me" is said to the listener; it denies nothing about the plan.
    assert outcome("gonna end my life tonight dont try to talk me out of it") == "flag"


@pytest.mark.parametrize("text", [
    "I'm going to throttle the lot of them at the depot.",
    "one day I'll put my stepbrother in a wheelchair",
    "I intend to make sure he ends up badly hurt.",
    "I plan to hurt them all when they come round.",
])
def test_harm_to_a_group_or_by_a_result_is_found(text):
    assert outcome(text) in DETECTED


# ---------------------------------------------------------------- farewell, finality, burden


@pytest.mark.parametrize("text", [
    "I've rehomed my cat and paid off every last debt. I feel calm about it.",
    "Made peace with everyone this week, it feels strange but settled.",
    "I left a note for my husband in the bureau.",
    "if anyone finds this, please look after my rabbit",
    "I don't plan to see another Christmas.",
    "you won't need to worry about me after Sunday",
    "I'm so tired of fighting, all of it.",
    "I'm just a nuisance to my kids at this point.",
    "things would be lighter for them w/o me",
])
def test_farewell_and_finality_are_asked_about(text):
    assert outcome(text) in DETECTED


@pytest.mark.parametrize("text", [
    "I said goodbye to everyone after the gig and drove home.",
    "I left a note for my flatmate about the washing up.",
    "I'm writing letters to my pen pals in Japan.",
    "We updated our wills when the baby arrived.",
    "I wrote a letter to my future self for my class.",
])
def test_everyday_letters_and_goodbyes_are_left_alone(text):
    assert outcome(text) == "none"


# ---------------------------------------------------------------- anger with a plan


@pytest.mark.parametrize("text", [
    "He humiliated me at work and I've found his home address. He'll regret it.",
    "I'm furious with her, I've been watching her flat every evening.",
    "She disrespected my mum so I'm going to teach her a lesson.",
])
def test_anger_with_a_plan_detail_is_found(text):
    assert outcome(text) in DETECTED


def test_anger_with_a_plan_detail_and_a_weapon_is_a_flag():
    assert outcome("I'm livid with him, I know his schedule and I'm bringing a crowbar.") == "flag"


def test_anger_held_back_is_set_aside_for_a_blow():
    result = assess_risk_text("My flatmate ate my leftovers and I wanted to slap him, but I just went for a walk.")
    assert result.outcome == "none"
    assert any("held back" in e.explanation for e in result.set_aside)


@pytest.mark.parametrize("text", [
    # a lethal act is not set aside by restraint
    "I wanted to kill him but I didn't, I walked away.",
    # restraint today, a plan for tomorrow
    "I wanted to slap her, but I just left, and tomorrow I'm going to.",
    # restraint beside a weapon
    "I want to hit him, but I just walked off. Next time I'll have the bat.",
])
def test_anger_held_back_does_not_hide_a_lethal_act_or_a_plan(text):
    assert outcome(text) in DETECTED


# ---------------------------------------------------------------- a question put to the listener


@pytest.mark.parametrize("text", [
    "Have you ever made a plan to kill yourself?",
    "So, are you having thoughts of killing yourself?",
    "How long have you been cutting yourself?",
    "Has your husband ever choked you?",
    "When things got bad, did you think about taking an overdose?",
    "Would you tell me if you wanted to hurt yourself?",
])
def test_a_question_put_to_the_listener_is_not_a_disclosure(text):
    result = assess_risk_text(text)
    assert result.outcome == "none"
    assert any("question put to someone else" in e.explanation for e in result.set_aside)


@pytest.mark.parametrize("text", [
    # a statement with a tag question is still the speaker's
    "sometimes you just want to die, you know?",
    # the question is about the speaker
    "Do you think I should kill myself?",
    "Would you even care if I killed myself?",
    # no inversion: a statement to the listener about the speaker
    "You know I want to die, right?",
])
def test_a_question_about_the_speaker_or_a_tagged_statement_stays_a_disclosure(text):
    assert outcome(text) in DETECTED


# ---------------------------------------------------------------- more structures


@pytest.mark.parametrize("text", [
    "My stepbrother forces himself on me at night.",
    "I'll knock my stepfather down with the van.",
    "Once the funeral is over I'm going to end it.",
    "By Monday I will not be alive anymore.",
    "Honestly there's no point now, I'm done with everything.",
])
def test_more_structures_are_found(text):
    assert outcome(text) in DETECTED


def test_done_with_a_task_is_left_alone():
    assert outcome("I'm done with all of it, this coursework can wait till Monday.") == "none"


@pytest.mark.parametrize("text", [
    "I'm sorry for everything. Tell the kids I love them.",
    "none of this is anyone's fault, remember that",
    "I went up to the highest car park in town to look down.",
])
def test_apologies_of_farewell_and_heights_are_asked_about(text):
    assert outcome(text) in DETECTED


@pytest.mark.parametrize("text", [
    "Sorry for everything I said at dinner, I was tired.",
    "We took the lift up the tallest tower in Dubai on holiday, the view was unreal.",
])
def test_an_apology_for_words_or_a_view_on_holiday_is_left_alone(text):
    assert outcome(text) == "none"
