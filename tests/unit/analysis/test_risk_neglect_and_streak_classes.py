"""Classes the fourth blind set (now tests/data/risk_dev6.jsonl) showed weakest, in our own words (not
from the labelled files), with both sides of every boundary: a self-harm streak broken or started
again, wounds hidden or explained away; ideation that hangs on a condition, a future cancelled or a
river brooded over; elder abuse and neglect, childhood neglect, coercion told by money, marriage,
captivity or being followed, grooming; harm to others told by watching, poisoning or violent
imagery; and the everyday readings that must stay quiet (a puzzle too hard, a court case, a pet's
scratch, a parent's short sanction).

These read the rules alone (`assess_risk_rules`), so a pass is the rules' own and not the learned
layer's. `found` means flag or ask.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import category, found


@pytest.mark.parametrize("text", [
    "Lost my streak on Sunday, ninety days gone.",
    "back to day one.",
    "I made it hurt so the noise in my head would stop.",
    "I've started hiding my wrists from my flatmates.",
    "Wearing a jumper in this heatwave again so nobody sees.",
    "Added a couple of fresh ones last night.",
    "I deserve to starve after what I said.",
    "I'm getting quick at dressing them up before school.",
])
def test_self_harm_told_by_streaks_hiding_and_care(text):
    assert found(text)
    assert category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "My long run streak ended when I twisted my ankle.",
    "Back to day one of the couch-to-5k plan, ugh.",
    "The dog scratched my leg when I trimmed his claws.",
    "I wear a hoodie in winter because the office is cold.",
])
def test_streaks_sport_pets_and_clothes_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "If he walks out on me, I'm finished.",
    "Nothing can save me now.",
    "I keep thinking about the canal at night, how dark and still it looks.",
    "I don't plan on being around next spring.",
    "Hoping I get knocked down on the way to work, honestly.",
    "I've got my painkillers stashed away where nobody looks.",
])
def test_contingent_and_veiled_ideation(text):
    assert found(text)
    assert category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "I can't do this any more, the jigsaw is all sky.",
    "If he leaves the lid off again I'll be cross.",
    "We walked along the canal at dusk, it was so still and pretty.",
])
def test_puzzles_tempers_and_walks_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "The carers leave me sitting in a wet chair for hours.",
    "My nephew has emptied my pension and he shoves me around when I ask.",
    "Our parents neglected us, there was no food in the house for days.",
    "My pay goes straight into her account and I have to ask her for money for food.",
    "They are forcing me to marry a cousin I have never met.",
    "My ex kept me locked in the bedroom for two days.",
    "A man from the gym keeps turning up outside my work.",
    "He always says he'll find me wherever I hide.",
    "He grabs my throat when he's drunk, then says it was nothing.",
    "I've got a spare bag packed and hidden at a friend's for when it's safe to go.",
])
def test_abuse_neglect_and_coercion_told_by_what_happens(text):
    assert found(text)
    assert category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "Mum took my phone for a week bc i failed my maths test, so unfair.",
    "My ex is threatening to take me to court over the school fees.",
    "My mum asked me to send pics of the baby to gran.",
    "Keep the party secret from mum, she'd love a surprise.",
])
def test_discipline_courts_and_surprises_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I've been learning her routine, she walks the dog alone at six.",
    "I keep picturing my hands round his neck.",
    "I lost it with my mum and raised my fist at her.",
])
def test_harm_to_others_told_by_watching_and_imagery(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "She raised her hand to ask a question in the meeting.",
    "I know his routine because I'm his carer.",
])
def test_raised_hands_and_carers_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "When I was younger I had urges of stabbing people on the bus.",
    "For years I wanted to hurt so many people.",
    "I'm going over there tonight to batter him.",
    "A lad of 25 keeps telling me I'm mature for 13.",
])
def test_urges_visits_and_grooming_are_found(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "Honestly I wanted to strangle her for about ten seconds, then we laughed it off.",
    "My brother ate my chips again, I'm going to murder him lol",
    "He'll kill me for denting the car, haha.",
])
def test_a_moment_of_anger_at_a_petty_slip_is_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "Lately I picture my own funeral and count who'd bother coming.",
    "Sometimes I crave physical pain just to switch my head off.",
    "My tutor buys me things and told me not to tell my parents.",
    "He smashed my phone against the wall and said next time it'll be me.",
])
def test_funerals_pain_secrets_and_next_time_threats(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I'm in physical pain from my back most mornings.",
    "Next time it will be my turn to host.",
])
def test_back_pain_and_turns_are_not(text):
    assert not found(text)
