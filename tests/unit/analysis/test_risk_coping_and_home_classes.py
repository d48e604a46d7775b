"""Classes the third blind set (now tests/data/risk_dev5.jsonl) showed weakest, in our own words (not
from the labelled files), with both sides of every boundary: self-harm told by its coping, its hiding,
a relapse or a wound the speaker owns; being afraid to go home and other abuse told by what happens
(barricading, tracking, punishments, grooming, sextortion, escape plans); watching someone before
hurting them, veiled threats with a day or a promise; suicidal thoughts told by voices, a last
contact, life insurance, calm after a decision or a single step; and the everyday readings that set
such words aside.

These read the rules alone (`assess_risk_rules`), so a pass is the rules' own and not the learned
layer's. `found` means flag or ask.
"""
from __future__ import annotations

import pytest

from bot.nlp import load_nlp
from tests.unit.analysis.risk_rules import category, found, result

# ---------------------------------------------------------------- self-harm told by what it does


@pytest.mark.parametrize("text", [
    "Honestly I only calm down once it bleeds.",
    "I squeezed my fist round the keys until my palm bled.",
    "I deserve the pain after how I spoke to her.",
    "did the thing to my legs again last night",
    "I've been covering the fresh burns with make-up.",
    "The cuts are still raw so I can't go swimming.",
    "I wear a cardigan in July so nobody asks.",
    "Long sleeves at the party because of my wrists, obviously.",
    "I only ever burn where my jeans cover.",
    "My thighs are a mess again.",
    "Got a pack of razors from the chemist and they're not for shaving.",
    "I keep reopening the old cuts until they bleed again.",
    "There are new marks every night and I know it's me.",
    "The scratches? Those are from me.",
    "I get through a box of plasters a week and I'm not that clumsy.",
    "The scars are the only thing that stops the panic.",
])
def test_self_harm_told_by_coping_or_hiding_is_asked_about(text):
    assert found(text) and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "relapsed on friday, 60 days clean down the drain, my wrists look awful",
    "I slipped up again with the sharpener in art.",
])
def test_a_relapse_beside_a_word_of_self_harm_is_asked_about(text):
    assert found(text) and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "gonna cut tonight after everyone's asleep",
    "I need to cut right now, it's bad",
])
def test_an_urge_to_cut_now_is_a_disclosure(text):
    assert result(text).outcome == "flag" and category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "The bruises on my shins are from the warfarin, the nurse checked them.",
    "I slipped up with my diet again this weekend.",
    "I relapsed and had a cigarette at the party.",
    "I cut my thumb on the lid of a tin, only a nick.",
    "I wear a cardigan in the office because the air conditioning is freezing.",
    "We want to cut the grass later if it stays dry.",
    "I feel better when the sun is out.",
    "I did the shopping again because nobody else would.",
    "My calves hurt until I stretched them properly.",
    "The nurse asked whether I'd ever hurt myself and I said no, which is true.",
])
def test_everyday_wounds_slips_and_denials_are_not(text):
    assert not found(text)


# ---------------------------------------------------------------- abuse told by what happens


@pytest.mark.parametrize("text", [
    "I hang around at my friend's because I don't want to go home until my stepmum is asleep.",
    "I dread going home on Fridays.",
    "I'm terrified of what she'll do when she finds the broken plate.",
    "My uncle gets funny when it's just us in the house.",
    "Most nights I wedge a chair under the door handle.",
    "I lock my bedroom door at night because of him.",
    "Whenever he's been drinking we stay upstairs and keep quiet.",
    "I couldn't go to the school gate for days because of my lip.",
    "I rang the police once and he got worse after.",
    "I've hidden some cash at my sister's in case I need to leave in a hurry.",
    "I keep my passport in my locker in case I have to run.",
    "My son has taken over my bank account and I'm not allowed to phone my sister.",
    "He made me sleep on the floor because I was late home.",
    "She gets the belt out when I'm rude.",
    "He installed an app on my phone and goes through my messages.",
    "I get punished if the house isn't spotless.",
    "I keep very quiet when my dad gets home.",
])
def test_abuse_told_by_what_happens_is_found(text):
    assert found(text) and category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "My tutor says it's normal for him to see students alone in his office after class, but it feels off.",
    "he keeps saying he'll share the photos with my whole year unless I send more",
    "The landlord says I can pay him in other ways if I'm short.",
])
def test_grooming_and_sextortion_are_asked_about(text):
    assert found(text) and category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "I don't want to go home yet, the party is just getting started.",
    "I lock my door when I'm revising so my little brother can't barge in.",
    "I keep quiet when the baby is asleep.",
    "My gran moved into a care home, so I'm taking over her bank account for her.",
    "The coach says it's normal for muscles to ache after practice.",
    "I packed a bag in case we stay over at my aunt's.",
    "Can you share the photos from the wedding?",
])
def test_everyday_homes_rules_and_photos_are_not(text):
    assert not found(text)


# ---------------------------------------------------------------- harm to others told by watching


@pytest.mark.parametrize("text", [
    "I've been parked outside her new flat three nights running.",
    "I've learned his routine, the gym, the pub, the walk home.",
    "I know which way she walks after work now.",
    "Some nights I stand over the crib and think how easy it would be.",
    "I was holding the cushion over his face and thinking.",
])
def test_watching_someone_or_harm_in_care_is_asked_about(text):
    assert found(text) and category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "They'll pay for what they did to my brother, I've got it all sorted.",
    "my flatmate won't be laughing after friday",
    "they're all going to regret how they laughed at me. mark my words",
    "gonna kick the crap out of him on saturday",
])
def test_veiled_threats_with_a_day_or_a_promise_are_asked_about(text):
    assert found(text) and category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "If my husband forgets the bins again I'll kill him.",
    "I've been sitting outside the cafe in the sun all afternoon.",
    "I know his routine because I do his care visits.",
    "The kids will pay for the ice creams with their pocket money.",
    "I stand over the cot and think how lucky we are.",
])
def test_exasperation_and_everyday_routines_are_not_threats(text):
    assert not found(text)


def test_a_threat_that_ends_in_danger_is_not_read_as_exasperation():
    text = "A man keeps waiting for me after work and he has threatened to kill me. I am in danger."
    assert result(text).outcome == "flag" and category(text) == "abuse_or_danger"


def test_someone_showing_up_again_is_not_a_tv_show():
    assert result("if he shows up at my door again im going to stab him").outcome == "flag"


# ---------------------------------------------------------------- suicidal thoughts told by what surrounds them


@pytest.mark.parametrize("text", [
    "The voice keeps telling me I should walk into the sea.",
    "Probably the last time I'll speak to anyone, so thank you.",
    "I've left a card for my dad that he'll read later.",
    "I looked up whether my life insurance pays out if it's me who does it.",
    "They'd rather have the payout than have me.",
    "I've made my choice and I feel calm about it, properly calm.",
    "Standing on the platform when the fast train comes, just one step.",
    "I keep cycling through red lights hoping something hits me.",
    "My life is over. Nothing is there for me now.",
    "I'm tired of being alive, to be honest.",
    "ending it is the only thing on my mind",
    "i wanna commit die fr",
    "Who'd have the dog if something happened to me? I'd like that sorted.",
])
def test_suicidal_thoughts_told_by_what_surrounds_them_are_found(text):
    assert found(text) and category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "I handed in my notice this morning. Saying goodbye to everyone at the leaving do on Thursday.",
    "My exchange year is finished and I fly back home on Monday. I gave my bike to my flatmate.",
    "There's no point in me booking a table, we'll just get chips.",
    "I feel there's no way out of this problem with the council about the parking permit.",
    "It's the last time I'll see you before the holidays, have a lovely break!",
    "We made a decision about the nursery and everything is booked.",
    "I'm tired of living in this flat with the damp.",
    "Ending it was the best thing for both of us, we were miserable together.",
    "The voices in the choir were telling a story, it was beautiful.",
])
def test_leaving_jobs_homes_and_relationships_are_not(text):
    assert not found(text)


# ---------------------------------------------------------------- the lexicon and the parse checks


def test_every_word_in_a_word_list_is_a_string():
    """YAML reads a bare on, off, no, yes or true as a boolean, which never equals a token's text."""
    from bot.analysis.patterns import load_lexicon

    odd = []
    for label, patterns in load_lexicon("risk")["token_patterns"].items():
        for pattern in patterns:
            for token in pattern:
                for attribute in token.values():
                    if isinstance(attribute, dict):
                        odd += [(label, w) for words in attribute.values() if isinstance(words, list)
                                for w in words if not isinstance(w, str)]
    assert odd == []


@pytest.mark.parametrize(("text", "label", "words"), [
    ("The story he told the doctor is not true.", "cue/excuse", "not true"),
    ("I stood on the edge for a while.", "cue/means_support", "stood on the edge"),
])
def test_words_once_read_as_booleans_now_match(text, label, words):
    from bot.analysis.risk import _pattern_sets

    doc = load_nlp()(text)
    assert (label, words) in {(m.label, m.span.text) for m in _pattern_sets(doc.vocab)[1].find(doc)}


def test_a_condition_s_not_does_not_negate_the_threat():
    assert found("he keeps saying he'll post my pictures online if I don't do what he says")


def test_the_speaker_s_own_not_still_negates():
    assert not found("I won't hurt myself, I promise.")


def test_a_move_told_a_sentence_before_sets_the_goodbyes_aside_but_not_further():
    assert not found("My contract is over and I'm going back home. Said goodbye to everyone at work today.")
    assert found("Said goodbye to everyone who matters today. I won't need these sessions anymore.")


def test_harm_stopped_short_is_found_and_a_strained_back_is_not():
    assert category("Years back I almost hurt my brother really badly, I had a bottle in my hand.") == "harm_to_others"
    assert not found("I nearly hurt my back really badly moving the wardrobe.")


def test_a_burden_answered_by_a_reassurance_believed_is_not_asked_about():
    assert not found("I feel a burden when my daughter does my shopping, but she says she's glad to, and I believe her.")
    assert found("I feel a burden when my daughter does my shopping, she says she's glad to but I know better.")


def test_death_thought_about_with_no_hurry_is_not_a_disclosure():
    assert not found("Once you pass eighty you think about death now and then, but I'm in no hurry.")
    assert found("I think about death every day and I wish it would hurry up.")
