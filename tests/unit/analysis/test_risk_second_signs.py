"""Two boundaries, in our own words (not from the labelled files), both sides of each: an ask that
becomes a flag with a second sign in the message (the decision made, a method named beside "how I'd
do it", a means made ready, self-harm told as a habit, control with fear, a threat with a list), and
false alarms the rules set aside because they are sure (a condition the parser splits from its
clause, a laugh ending a bad moment, anger at a slip told as a figure, a wish to punch a wall at
someone's act, the speaker's "no" to a question, sacred music, news seen or read about, a question
told by someone who looks after the asker, someone else's means with worry for them).

These read the rules alone (`assess_risk_rules`), so a pass is the rules' own and not the learned
layer's.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import outcome, result

# ---------------------------------------------------------------- asks that become flags


@pytest.mark.parametrize("asked, flagged", [
    # "do it" at a set time: the decision said to be made, or the method named.
    ("I'll do it on Saturday, I feel calm about it",
     "I'll do it on Saturday, I feel calm about it. I've decided"),
    ("I want to end it, I can't keep going like this",
     "I want to end it. I made up my mind last night and I feel calm"),
    # "how I'd do it": a method or notes beside it make it a plan.
    ("I've thought about how I'd do it",
     "I've thought about how I'd do it, with the tablets in my gran's drawer"),
    # a means with brooding, and a means made ready.
    ("There's a rifle in the cupboard and I keep looking at it",
     "There's a rifle in the cupboard and I've loaded it"),
    # control at home, and control by someone the speaker fears.
    ("My partner keeps my bank card and checks my messages",
     "My partner keeps my bank card and checks my messages. I'm scared of him"),
])
def test_a_second_sign_turns_the_question_into_a_flag(asked, flagged):
    assert outcome(asked) == "ask"
    assert outcome(flagged) == "flag"


@pytest.mark.parametrize("text", [
    "Suicide seems like the only way out for me now",
    "honestly s*icide is all i think about at night",
    "Self-harm is the only thing that helps when it gets this bad",
])
def test_the_topic_word_told_as_what_the_speaker_lives_with_is_flagged(text):
    assert outcome(text) == "flag"


@pytest.mark.parametrize("text", [
    "Suicide is a topic my class avoids",
    "We watched a talk about self-harm at the youth club",
])
def test_the_topic_word_alone_is_not_the_speakers(text):
    assert outcome(text) != "flag"


def test_a_wish_read_over_its_idiom():
    assert outcome("Honestly if I got run over on the way home I'd be relieved") != "none"
    assert outcome("I got run over by a shopping trolley in the car park") == "none"


def test_a_chat_spelling_of_thinking_about_hurting_someone():
    assert result("i keep thinking abt hurting the lads in my year").speaker_findings[0].category == "harm_to_others"
    assert outcome("i keep thinking abt the lads in my year") == "none"


# ---------------------------------------------------------------- sure readings set aside


@pytest.mark.parametrize("aside, kept", [
    # The parser splits the condition from its clause when there is no comma.
    ("If I have to sit through one more fire drill I'm going to jump off the car park roof",
     "I'm going to jump off the car park roof"),
    ("if they make me redo it again I'll walk into the sea, which my friend found hilarious",
     "I'll walk into the sea tonight"),
    ("I was ready to throw myself off the balcony, but then the pizza came and we all laughed",
     "I was ready to throw myself off the balcony last night"),
])
def test_exasperation_and_a_bad_moment_laughed_off(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) == "flag"


@pytest.mark.parametrize("aside, kept", [
    ("My flatmate ate my leftovers again. I was ready to kill her!",
     "My flatmate ate my leftovers again. I was ready to kill her, I had the knife in my hand."),
    ("whenever my brother takes my charger i wanna punch a wall",
     "I punch the wall until my knuckles bleed"),
])
def test_anger_told_as_a_figure(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) != "none"


def test_the_speakers_no_to_a_question_about_it():
    assert outcome("The nurse asked whether I'd thought about suicide and I really haven't.") == "none"
    assert outcome("The nurse asked whether I'd thought about suicide and I have, most nights.") != "none"


@pytest.mark.parametrize("aside, kept", [
    ("Our choir sings a hymn about death and rest at every funeral", "Death would be a rest for me"),
    ("I read a post about another mass shooting and felt sick", "I'm going to shoot up my school on Monday"),
])
def test_music_and_news(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) != "none"


@pytest.mark.parametrize("aside, kept", [
    ("I work on a pharmacy counter and a customer asked how many paracetamol would be dangerous",
     "I want to know how many paracetamol would be dangerous"),
    ("My dad has been hoarding his heart pills and he is very down. Should I be worried about him?",
     "I have been hoarding my heart pills and I am very down."),
])
def test_someone_else_in_the_speakers_care(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) != "none"


def test_someone_elses_means_the_speaker_broods_over_stays_the_speakers():
    text = "My mum keeps her sleeping pills in the cabinet and I keep staring at them. I'm worried about her finding out."
    assert outcome(text) != "none"


def test_told_to_die_by_someone_in_their_class_stays_the_speakers():
    told = result("A student told me to kill myself in the group chat")
    assert told.outcome == "flag" and told.speaker_findings[0].category == "abuse_or_danger"


# ---------------------------------------------------------------- a past that is over


@pytest.mark.parametrize("over, current", [
    ("Three years ago I took an overdose. Now I am settled and I have a little girl.",
     "Three years ago I took an overdose. Now I am thinking about it again."),
    ("Many years ago I threatened my cousin with a bottle. We are good now.",
     "I threatened my cousin with a bottle and I will do it again."),
    ("I burned myself all through sixth form. The scars are still there on my legs.",
     "I burned myself all through sixth form and I still burn myself now."),
    ("My ex was violent, but that was a long time ago and I escaped from him.",
     "My partner is violent and I am scared to go home."),
])
def test_a_past_that_is_over_and_one_that_is_not(over, current):
    past, present = result(over), result(current)
    assert past.outcome != "none" and past.past_only
    assert present.outcome != "none" and not present.past_only


def test_a_thing_said_to_be_violent_is_not_abuse():
    assert outcome("The match on Saturday was violent, two players were sent off") == "none"


@pytest.mark.parametrize("asked, flagged", [
    ("day 12 of not cutting, the urges are bad",
     "day 12 of not cutting and i'm about to break it"),
    ("I keep a razor in my pencil case and the urge is back",
     "I keep a razor in my pencil case and I want to use it on myself"),
    ("I'm so angry with my stepdad, I'd use the hammer on him",
     "I'm so angry with my stepdad, I'll wait until he's asleep and use the hammer on him"),
])
def test_self_harm_and_weapons_with_a_second_sign(asked, flagged):
    assert outcome(asked) == "ask"
    assert outcome(flagged) == "flag"


def test_all_of_a_parents_tablets_without_the_apostrophe():
    assert outcome("thinking of taking all my dads heart tablets tonight") == "flag"
    assert outcome("I take all my dads heart tablets round to him on a Monday") == "none"


def test_a_name_or_hearsay_is_not_fiction_or_news():
    assert "about someone else" in " ".join(result("Carol said she wants to die").findings[0].qualifiers)
    assert outcome("I heard something about my dad wanting to kill me") == "flag"


def test_a_night_out_and_a_dishwasher_are_not_a_decision_or_a_means_made_ready():
    assert outcome("tonight's the night we finally go to the concert") == "none"
    assert outcome("I loaded the dishwasher and then the car") == "none"


def test_a_weapon_kept_for_when_they_come_is_a_plan():
    assert outcome("I'm sick of being picked on, I've got a bat in my locker.") == "ask"
    assert outcome("I'm sick of being picked on, I've got a bat in my locker for when they come for me next.") == "flag"
