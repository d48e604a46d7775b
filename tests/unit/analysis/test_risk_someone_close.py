"""Someone close to the speaker being hurt or neglected: a child of theirs, or a parent or grandparent
in care. Found as abuse_or_danger "about" SOMEONE_CLOSE (the dialogue then asks about that person's
safety); an adult's abuse told by a relative, the child as the one who does it, and the same words
met at work stay someone else's. Written in our own words; rules alone."""
from __future__ import annotations

import pytest

from bot.analysis.risk import SOMEONE_CLOSE, SPEAKER, THIRD_PARTY
from tests.unit.analysis.risk_rules import result

CLOSE_AND_GOING_ON = [
    "My 9-year-old's dad hits him when he stays there at weekends.",
    "The night carer hits my nan when she won't go to bed.",
    "My granddaughter is being abused by her mother's boyfriend.",
    "My mother is being neglected in the nursing home.",
    "The carers at Grandad's home slap him when he's confused.",
    "My ex's new partner has started hitting our son and he's frightened to go back there.",
]
# One act, or a threat, with nothing feared: asked about, since family anger is so often a figure.
CLOSE_AND_ASKED = [
    "my son was punched at school today",
    "Her stepmother slapped my daughter across the face last week.",
]
SOMEONE_ELSES = [
    "My sister's husband hits her, how can I support her?",  # an adult, who can seek help herself
    "I'm a social worker and a child on my caseload is being beaten at home.",  # met at work
    "My dad hits my mum.",  # no care named: an adult's abuse
]


@pytest.mark.parametrize("text", CLOSE_AND_GOING_ON)
def test_a_child_or_an_elder_in_care_hurt_now_is_flagged_about_them(text):
    r = result(text)
    finding = r.finding("abuse_or_danger")
    assert r.outcome == "flag" and finding is not None and finding.about == SOMEONE_CLOSE, r.to_dict()
    assert finding.to_dict()["about"] == SOMEONE_CLOSE


@pytest.mark.parametrize("text", SOMEONE_ELSES)
def test_an_adult_or_work_stays_someone_elses(text):
    r = result(text)
    assert r.outcome == "none" and r.categories() == {THIRD_PARTY}, r.to_dict()


def test_the_child_as_the_one_who_does_it_is_not_their_danger():
    r = result("My son rang to say he was going to kill his mother-in-law after Christmas dinner.")
    assert r.finding("abuse_or_danger") is None, r.to_dict()


def test_the_speakers_own_danger_comes_first():
    r = result("He hits me and he hits the kids, and my son is scared of him.")
    assert r.outcome == "flag" and r.finding("abuse_or_danger").about == SPEAKER, r.to_dict()


def test_a_child_hurt_long_ago_is_past():
    r = result("When my son was small his father hit him, but that was fifteen years ago and he's safe now.")
    assert r.outcome != "none" and r.past_only and r.finding("abuse_or_danger").about == SOMEONE_CLOSE, r.to_dict()


def test_a_nursing_course_is_still_study_and_a_nursing_home_is_not():
    assert result("I'm studying nursing and we had a lecture on abuse of older people.").outcome == "none"
    assert result("My mother is being neglected in the nursing home.").outcome == "flag"


# Signs of harm to someone close, told by the parent, grandparent or carer who noticed them.
CLOSE_SIGNS = [
    "My stepson's uncle comes into her room after we've gone to bed, my daughter says.",
    "My niece says a neighbour told her not to tell anyone about their walks.",
    "A coach has been driving my son home, and he has a phone we didn't know about.",
    "My nan's carer takes pictures of her in the shower.",
    "They strap my grandad to his chair at the care home so he won't wander.",
    "The agency staff left my dad in soiled sheets overnight at the home.",
    "My grandmother's lodger won't let any of us speak to her on the phone.",
]
NOT_SIGNS = [
    "My son goes to his bed at night without any fuss now.",  # the child is the one who does it
    "We found a photo of her in the land army for my nan's birthday.",  # a photo, not one in the bath
    "We're planning a party for my daughter, it's our little secret.",  # a surprise
    "I'm a PCSO and a grandad on my patch says his carer won't let anyone see him.",  # work
    # Family life that shares the signs' words.
    "Grandma took pictures of him in the bath, so cute, my son loved the bubbles.",
    "My daughter's dad comes into her room at night to read her a story.",
    "My granddaughter has a new phone, her dad gave her a phone for passing her exams.",
    "The nursery left my son in wet clothes after the water play, I was annoyed.",
    "My dad's carer tied his shoelaces and left him in the same chair as always, by the window.",
    "My kids fight all the time, my son hit his sister with a pillow.",
]


@pytest.mark.parametrize("text", CLOSE_SIGNS)
def test_signs_of_harm_to_someone_close_are_asked_about(text):
    r = result(text)
    finding = r.finding("abuse_or_danger")
    assert r.outcome in ("ask", "flag") and finding is not None and finding.about == SOMEONE_CLOSE, r.to_dict()


@pytest.mark.parametrize("text", NOT_SIGNS)
def test_the_same_words_elsewhere_are_not_signs(text):
    assert result(text).outcome == "none", result(text).to_dict()


def test_a_child_touched_by_an_adult_is_flagged():
    r = result("A man from the swimming club has been touching my 10-year-old.")
    assert r.outcome == "flag" and r.finding("abuse_or_danger").about == SOMEONE_CLOSE, r.to_dict()


# Marks on someone close that keep coming or frighten them; the speaker's own marks only beside a
# relative named; nobody else's marks ("my daughter-in-law has bruises ... my son") and not sport.
MARKS_ASKED = [
    "My dad's in a home now and every time we visit there are new bruises on his arms.",
    "My little boy comes back from his dad's with scratches and he cries when it's time to go again.",
]
MARKS_NOT = [
    "My son has bruises on his shins again from football.",
    "My toddler has bruises on his legs again from climbing, he's fearless.",
    "My son came back from camp with scratches all over and he cried when he had to leave.",
    "I have bruises again from the gym.",
    "My daughter-in-law has bruises again and I think my son is hurting her, how do I help her?",
]


@pytest.mark.parametrize("text", CLOSE_AND_ASKED + MARKS_ASKED)
def test_one_act_or_marks_that_keep_coming_are_asked_about(text):
    r = result(text)
    assert r.outcome == "ask" and r.finding("abuse_or_danger").about == SOMEONE_CLOSE, r.to_dict()


@pytest.mark.parametrize("text", MARKS_NOT)
def test_marks_from_sport_or_on_an_adult_are_not_someone_closes(text):
    finding = result(text).finding("abuse_or_danger")
    assert finding is None or finding.about != SOMEONE_CLOSE, result(text).to_dict()
    assert result(text).outcome == "none", result(text).to_dict()


def test_a_pronoun_for_the_child_reaches_one_sentence_for_words_of_abuse_only():
    groomed = result("My granddaughter is twelve. I think a man from her club is grooming her.")
    assert groomed.finding("abuse_or_danger").about == SOMEONE_CLOSE, groomed.to_dict()
    game = result("I play chess with my grandson. He laughs when he has killed her, my poor queen.")
    assert game.finding("abuse_or_danger") is None, game.to_dict()


def test_what_might_happen_to_a_child_is_not_happening():
    r = result("My son is ten. I told him that if anyone ever threatens him online he can always come to me.")
    assert r.finding("abuse_or_danger") is None, r.to_dict()
