"""Veiled classes the second blind set (now tests/data/risk_dev4.jsonl) showed weakest, in our own
words (not from the labelled files), with both sides of every boundary: hopelessness about the
future, farewell acts, method questions, hidden or tended wounds and pain sought, injuries explained
away, abuse told by what happens, veiled threats with a sign of a plan, disguised spellings, and the
curated readings that set such words aside.

These read the rules alone (`assess_risk_rules`), so a pass is the rules' own and not the learned
layer's. `found` means flag or ask.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import DETECTED, category, found, result


@pytest.mark.parametrize("text", [
    "Things are never going to get better for me, I know that now.",
    "nothing will ever change or get better, whatever I do",
    "I can't picture myself getting older. There's just nothing there.",
    "Honestly, what's left for me now?",
    "I don't know why I should keep going.",
    "I have no strength left to keep fighting.",
    "I just want my mind to be still forever.",
    "I want the thoughts to stop for good.",
    "I've been planning my own funeral in my head, the songs and everything.",
    "I keep thinking about a way out, and I don't mean a new job.",
])
def test_hopelessness_about_the_future_is_asked_about(text):
    assert found(text) and category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "My knee is never going to get better if I keep running on it.",
    "The weather never gets better in November.",
    "I can't picture myself living in London, it's too big.",
    "What's left for me to do on the project?",
    "I have no energy left to go out tonight.",
    "I want the baby to be quiet for five minutes.",
    "We've been planning my dad's funeral, the songs and everything.",
    "We're thinking about a way out of the contract.",
])
def test_everyday_complaints_about_the_future_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I won't be needing the appointments after Friday. Thank you for all of it.",
    "I've shown my son where the insurance documents are and tidied everything up.",
    "deleted all my accounts and gave my guitar to my cousin. it feels right",
])
def test_farewell_acts_are_asked_about(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I won't be needing the car after Friday, you can borrow it.",
    "I showed my son where the fuse box is.",
])
def test_everyday_arrangements_are_not_farewells(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "What floor would you need to fall from for it to be fatal?",
    "Which tablets are the most dangerous if you take loads?",
    "Can you tell me which medicines are deadly in big amounts?",
])
def test_method_questions_are_asked_about_even_when_put_to_the_listener(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "What floor is the dentist on?",
    "Which tablets are best for hay fever?",
    "I've been reading up on knots for my sailing course.",
])
def test_ordinary_questions_about_floors_tablets_and_knots_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I wear a hoodie even in the heat so nobody sees my wrists.",
    "need these cuts healed before swimming on monday",
    "mum noticed I keep buying plasters and asked why",
    "I keep a razor in my make-up bag now. You know what it's for.",
    "I need to feel pain to calm down when it gets too much.",
    "I deserve to bleed for what I did.",
    "the wall takes the blame but my knuckles are split again",
    "reset my clean streak last night. back to day one",
    "got the urge again tonight and I'm fighting it",
    "I've been c*tting again",
    "s/h'd last night",
    "sh'd again and it might need stitches",
])
def test_veiled_and_disguised_self_harm_is_found(text):
    assert found(text) and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "I wear long sleeves in the garden so the nettles don't sting me.",
    "I keep plasters in my bag because my new shoes rub.",
    "The razor in my make-up bag is for my legs.",
    "I need to feel the sun on my face.",
    "I deserve a holiday after this month.",
    "my knuckles are split from the cold weather",
    "I got the urge to clean the whole house this morning.",
    "I cut deeper into the cake than I meant.",
    "I took more ibuprofen than I should have for my back, is that ok?",
])
def test_everyday_wounds_plasters_and_urges_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I told the nurse I fell down the stairs. Again.",
    "my teacher asked about my black eye, i said i fell off my bike, which isnt true",
    "I told my boss I walked into a cupboard door.",
])
def test_injuries_explained_away_are_asked_about(text):
    assert found(text) and category(text) == "abuse_or_danger"


def test_a_fall_told_once_is_not():
    assert not found("I told the nurse I fell down the stairs last week and she checked my ankle.")


@pytest.mark.parametrize("text", [
    "I always check what mood he's in before I say anything.",
    "I flinch every time I hear his footsteps on the stairs.",
    "He says if I tell my mum he'll hurt my little sister.",
    "she gets violent when she drinks and I just stay in my room",
    "I'm not allowed any money of my own, he keeps the cards.",
    "this man online keeps asking me to send pics and meet up, he says I'm mature for my age",
    "my coach says its our little secret and I can't tell my mum",
    "my brother pointed a gun at me last week and he's still living here",
])
def test_abuse_told_by_what_happens_is_found(text):
    assert found(text) and category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "I always check what mood the boss is in before I ask for leave, he's grumpy on Mondays haha.",
    "I jump every time I hear thunder.",
    "If I tell my mum about the party she'll be so excited.",
    "I'm not allowed my phone at work, it's a rule for everyone.",
    "My mum asked me to send pics of the baby to gran.",
    "It's our little secret, don't tell Dad about the surprise party!",
    "Boxing sparring tonight, got punched in the face twice but loved it.",
])
def test_everyday_moods_rules_and_secrets_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "He's going to regret crossing me. I know where he parks every night.",
    "That lot at the pub will be sorry on Saturday, I've told my mates to be ready.",
    "Someone should teach my ex's new man a lesson and I've got my bat ready.",
    "I've found her address. Now I wait for the right moment, she'll get what's coming.",
])
def test_veiled_threats_with_a_sign_of_a_plan_are_asked_about(text):
    assert found(text) and category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "He'll regret not coming to the party, it was amazing.",
    "You'll be sorry you missed the match.",
    "That team is going to be sorry on Saturday, we've been training hard.",
    "My girlfriend is just waiting for the right moment to tell her parents.",
])
def test_regret_and_sorry_without_a_plan_are_not_threats(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "gonna st@b him tmrw. i mean it",
    "my stepdad keeps h1tting me",
])
def test_disguised_spellings_of_violence_are_found(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "What does the word unalive mean? I keep seeing it online.",
    "What's the difference between passive and active suicidal ideation?",
    "unalive is such a weird word, why not just say die",
    "kill me, the wifi is down again",
    "this essay made me want to unalive my laptop",
    "I killed the final boss in like three tries",
])
def test_words_about_words_games_and_things_are_set_aside(text):
    assert not found(text)


def test_a_question_about_words_that_names_the_speaker_is_still_read():
    assert found("What's the word for when I keep wanting to die?")


@pytest.mark.parametrize("text", [
    "im trying so hard not to hurt myself rn",
    "I try not to think about killing myself but it keeps coming back.",
])
def test_an_urge_resisted_is_not_a_denial(text):
    assert result(text).outcome == "flag"


@pytest.mark.parametrize("text", [
    "I would never hurt myself, I'm just tired.",
    "I'm trying not to hurt his feelings when I say no.",
])
def test_a_denial_is_still_a_denial(text):
    assert not found(text)


def test_thinking_about_it_is_a_thought_and_about_to_is_intent():
    assert result("I keep thinking about killing myself.").level == "concern"
    assert result("I'm about to kill myself.").level == "imminent"


def test_a_chat_word_of_intent_before_a_harm_verb_is_the_speakers_intent():
    assert category("gonna k1ll my stepdad one day, he has it coming") == "harm_to_others"
    assert not found("my stepdad got k1lled in the film")


@pytest.mark.parametrize("text", [
    "this is my last weekend. i've decided.",
    "I've made up my mind to end it before the new year.",
    "I've collected all my tablets for weeks and they're in my drawer.",
    "They'd all be more relaxed without me around.",
    "I won't be a problem for anyone much longer.",
    "I'm going to make the lads who jumped me pay. after friday they'll know",
])
def test_intent_hoarding_burden_and_threats_in_fresh_words(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "This is my last week at work before the baby comes.",
    "They make me pay for parking at the hospital.",
    "I need to end my gym membership early.",
])
def test_last_weeks_at_work_and_paying_for_parking_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I used to cut but I'm three years clean now.",
    "When I was sixteen I tried to overdose. I'm in a far better place now.",
    "My stepdad hit me when I was little. I'm an adult now and far away from him.",
    "In the eighties I thought about killing myself. That's behind me, I made my peace.",
    "There was a summer when I wanted to die. I got help and I stopped.",
])
def test_a_past_that_is_over_is_found_as_past(text):
    found_result = result(text)
    assert found_result.outcome in DETECTED and found_result.past_only


@pytest.mark.parametrize("text", [
    "I used to cut and I started again last night.",
    "When I was sixteen I tried to overdose, and I keep thinking about doing it again.",
])
def test_a_past_that_comes_back_is_current(text):
    found_result = result(text)
    assert found_result.outcome == "flag" and not found_result.past_only


@pytest.mark.parametrize("text", [
    "I self-harm most nights and I can't stop.",
    "I've got a blade in my coat and I'm going to use it on Dean after school.",
    "He comes into the spare room at night and forces me.",
    "My husband pushes me when I don't answer fast enough.",
])
def test_explicit_disclosures_in_plain_words_are_flagged(text):
    assert result(text).outcome == "flag"


@pytest.mark.parametrize("text", [
    "I've got a new lotion and I'm going to use it on my son's eczema.",
    "My mum forces me to eat vegetables.",
    "Self-harm awareness week starts on Monday.",
])
def test_plain_words_without_the_disclosure_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I'm being mistreated by the staff where I live.",
    "that's coercive control isn't it. what she does with my money",
    "Violence is going on at home most nights.",
    "Being slapped is just normal in our house.",
    "I'm always checking his mood before I open my mouth.",
    "I drove up to the top floor of the car park to see if there were railings.",
    "thanked my sister for everything. just wanted her to know that",
])
def test_abuse_named_heights_checked_and_thanks_in_fresh_words(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "It isn't domestic abuse, we just argue about the dishes.",
    "It's domestic abuse awareness week at work.",
    "I went to check if there's a fence around the new pool for the kids.",
    "we learned about self harm in pshe today and it was actually useful",
    "For my criminology essay I'm researching the warning signs of suicide.",
])
def test_denials_teaching_and_a_pool_fence_are_not(text):
    assert not found(text)


def test_research_for_a_method_is_still_found():
    assert result("I've been researching how many paracetamol would be lethal.").outcome == "flag"


def test_sorry_for_the_essay_is_not_study():
    assert found("sorry for the essay, uni is a mess, and I've been looking up which bridges have no railings")
