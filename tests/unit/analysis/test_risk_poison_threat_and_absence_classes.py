"""Classes the seventh blind set (now tests/data/risk_dev10.jsonl) showed weakest, in our own words
(not from the labelled files), with both sides of every boundary: harm to others told by what is put
in someone's food or drink, by what will become of a person, or as ending things "for both of us";
ideation told as absence from a day to come or a drop "high enough"; self-harm told as coping; a
child unfed or made to sleep outside, documents kept by an employer, a forced marriage; past events
told beside life now; and the everyday readings that must stay quiet (a carer's crushed tablets,
poison for mice, a trip at Christmas, a pillow fight, a cat at night, shooting one's shot).

These read the rules alone (`assess_risk_rules`), so a pass is the rules' own and not the learned
layer's. `found` means flag or ask.
"""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import category, found, outcome, result


@pytest.mark.parametrize("text", [
    "I've started slipping a few of my sleeping tablets into his evening cocoa... no, his tea.",
    "Every night I stir a little of the weedkiller into her soup.",
    "I've been adding something to my stepdad's dinner for a week now.",
    "How much bleach could someone put in a person's drink before it tasted wrong?",
    "Would antifreeze have a taste in orange juice?",
])
def test_something_put_in_a_persons_food_or_drink(text):
    assert found(text)
    assert category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "I put sugar in her tea and she said it was perfect.",
    "Nan can't swallow her tablets now so I crush them into her yoghurt.",
    "I add protein powder to my smoothie after the gym.",
    "The slugs are eating everything, I put some poison down by the lettuces.",
    "Can I add something to his lunchbox so he eats more veg?",
])
def test_food_drink_and_medicine_in_everyday_use(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "He won't be a problem after Friday, I've sorted it.",
    "Gonna make sure he never comes back to this school. Got it planned.",
    "I want to know how to get back at him so he never gets up again.",
    "Everyone's gonna remember this Monday. Starting with the ones who laughed.",
    "My neighbour is going to pay. I know how to mess with his brakes.",
    "Mum's confused all the time now and I've thought about ending things for both of us.",
])
def test_what_will_become_of_a_person(text):
    assert found(text)
    assert category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "She won't be a problem for you, she's really easy-going.",
    "Dad is going to pay for the meal.",
    "Everyone's going to remember this party!",
    "We ended things for both of us, the relationship had run its course.",
])
def test_easy_guests_bills_parties_and_breakups_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "wont be here for results day so whatever",
    "I shan't be around for the spring, so please don't book me in.",
    "I stood on the bridge wondering if the drop was high enough.",
    "keep looking at the railway line on my way home",
])
def test_absent_from_a_day_to_come_and_heights_weighed(text):
    assert found(text)
    assert category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "I won't be here for Christmas, we're at my sister's in Leeds.",
    "I won't be around for the meeting next week, I'm away on a course.",
    "Is the drop high enough for a bungee jump on holiday? The view looked beautiful.",
])
def test_trips_and_holiday_heights_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "Cutting is the only way I'm getting through the week.",
    "the cuts keep getting deeper and i dont know how to stop",
    "I've got the tablets counted out and I'm going to swallow every one of them tonight.",
])
def test_self_harm_as_coping_and_swallowing_them_all(text):
    assert found(text)
    assert outcome(text) == "flag"


@pytest.mark.parametrize("text", [
    "Cutting costs is how we're coping with the new budget.",
    "The cuts to the bus service are getting worse every year.",
])
def test_budgets_and_bus_cuts_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "My stepdad made us sleep in the garage when we cried.",
    "nobody's fed us since the weekend",
    "The manager keeps our passports in his office and we work every day.",
    "got a bruise from my mum's boyfriend, told the teacher it was netball",
    "I'm supposed to marry my cousin next summer and nobody asked me.",
    "He says he'll take the kids and I'll never see them again.",
    "He said he'd make me disappear if I ever told anyone.",
])
def test_danger_told_by_what_happens(text):
    assert found(text)
    assert category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "My little brother whacks me with a pillow every morning. So annoying!",
    "Our cat comes into my room at night and sits on my face.",
    "gonna shoot my shot with the girl from chemistry",
    "Honestly the team will be better off without me on this project, I'm useless at slides.",
    "I could strangle my flatmate for leaving the milk out again.",
    "We've got mice in the loft. Is poison or traps kinder?",
])
def test_pillows_cats_crushes_projects_and_mice_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I'll kill him for taking my kids.",
    "My brother hits me with a belt when mum's out.",
    "Someone comes into my room at night and I can't stop him.",
])
def test_the_same_words_with_a_real_threat_stay_found(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I took an overdose when I was nineteen. I'm forty now and it still comes up sometimes.",
    "Back at uni I cut my arms a lot. It's part of my story now.",
    "My grandad hit me when I was small. I'm working through it with a counsellor now.",
    "When I was a child my uncle beat me. Now I live with my husband, it is finished.",
    "I used to burn myself at school, I stopped ten years ago now.",
])
def test_past_events_told_beside_life_now(text):
    assert found(text)
    assert result(text).past_only


@pytest.mark.parametrize("text", [
    "I took an overdose when I was nineteen. I still think about doing it again now.",
    "My uncle beat me when I was a child. He still does when he visits.",
    "I used to cut at school and I've started again this week.",
])
def test_past_events_that_are_still_going_on(text):
    assert found(text)
    assert not result(text).past_only


@pytest.mark.parametrize("text", [
    "That woman next door has tormented me for years. I've bought a crossbow.",
    "I keep my brother's rifle in my wardrobe now and I know what he did.",
    "Been sharpening my knives every evening, thinking about my ex.",
    "I keep imagining smothering him while he sleeps.",
    "i keep thinking about pushing her down the stairs when she shouts",
    "When they won't behave I lock them in the garage till morning.",
])
def test_weapons_kept_for_someone_and_intrusive_harm(text):
    assert found(text)
    assert "harm_to_others" in {f.category for f in result(text).speaker_findings}


@pytest.mark.parametrize("text", [
    "My uncle shoots clays at his club with a licensed shotgun, and he's furious about the new fees.",
    "I've been sharpening the kitchen knives before the dinner party.",
    "I keep thinking about putting my feet up with a good book.",
    "I lock my bike in the shed every night.",
])
def test_hunting_cooking_rest_and_bikes_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "i self harm and nobody at home knows",
    "I sh. sorry, i just needed to say it",
    "Ran out of room on my arm so I've moved to my legs.",
    "The rubber band trick doesn't work anymore, I need the real thing.",
    "I order plasters in bulk now so the chemist stops asking.",
    "My arms are always bandaged at the moment, I tell people it's a sprain.",
    "the thing with the blade on my wrist is every night now",
])
def test_self_harm_told_by_hiding_substitutes_and_room_left(text):
    assert found(text)
    assert category(text) == "self_harm"


@pytest.mark.parametrize("text", [
    "I ran out of room on the fridge for the kids' drawings.",
    "We buy plasters in bulk for the nursery first-aid box.",
    "The elastic band holds my hair back at the gym.",
])
def test_fridges_nurseries_and_hairbands_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I've given my bike away. Won't need it where I'm going.",
    "I'm not going to make it to my 40th, I've known for a while.",
    "Everyone talks about next summer. There isn't going to be one for me.",
    "Tell my sister I'm sorry. I love her.",
    "I've been saying goodbye to places all week.",
    "I've cancelled everything in the calendar after the 3rd.",
])
def test_farewells_and_a_future_without_them(text):
    assert found(text)
    assert category(text) == "suicidal_ideation"


@pytest.mark.parametrize("text", [
    "I won't need a coat where I'm going, it's a beach holiday in Spain!",
    "I want to tell my mum I'm sorry for shouting, can we practise?",
    "We're moving to Bristol, so I've been saying goodbye to everyone at work.",
])
def test_holidays_apologies_and_moves_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "I sleep with a chair wedged under my bedroom door.",
    "not allowed any dinner if i answer back",
    "I need his permission before I eat or go out.",
    "He makes me kneel on the kitchen floor until he says so.",
    "If he reads this I'm in trouble.",
    "My uncles said I won't finish college alive if I refuse.",
    "He drives like a maniac with the kids in the back to frighten me.",
    "She tells me to keep quiet or I'll be put in a home.",
    "Someone keeps sending me a photo of my front door.",
    "He's come back and he's got the knife.",
])
def test_fear_and_control_told_by_what_happens(text):
    assert found(text)
    assert category(text) == "abuse_or_danger"


@pytest.mark.parametrize("text", [
    "I pushed a chair against the door to keep the draught out.",
    "The coach makes us kneel to stretch after training.",
    "If he reads this he'll know about the surprise party!",
    "Keep quiet or you'll wake the baby, I told my husband.",
])
def test_draughts_stretches_surprises_and_sleeping_babies_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("text", [
    "Thirty years ago I struck my brother in a rage. I'm seventy now and it still comes up.",
    "I used to have violent thoughts about my stepdad, years ago. That's behind me now.",
    "When I was twenty I thought about hurting the lad who bullied me. It passed with counselling, long ago.",
])
def test_past_harm_to_others_is_found_and_read_as_past(text):
    assert found(text)
    assert result(text).past_only
    assert category(text) == "harm_to_others"


@pytest.mark.parametrize("text", [
    "I keep having violent thoughts about my manager.",
    "I keep thinking about hurting him, he deserves it.",
])
def test_current_thoughts_of_harming_someone(text):
    assert found(text)
    assert not result(text).past_only


@pytest.mark.parametrize("text", [
    "I thought about hurting his feelings but I kept quiet.",
    "It struck me that she was lonely.",
    "The clock struck midnight and we all went home.",
])
def test_feelings_and_clocks_are_not(text):
    assert not found(text)


@pytest.mark.parametrize("aside, kept", [
    ("I could strangle my brother. He's eaten all the biscuits again.", "I could strangle my brother. I've got the cord ready in my bag."),
    ("I swear I could throttle her, she never replies to the group chat.", "I swear I'll throttle her when she's alone tonight, I know where she parks."),
    ("Some days I could kill him, not really obviously, he's lovely.", "Some days I want to kill him, I've looked up where he lives."),
    ("The umpire was useless, I wanted to throttle him. We lost anyway.", "My stepdad was useless again, I wanted to throttle him and I've got a knife."),
    ("i wanted to kill her when she took my charger. we're fine now", "I threatened my brother with a knife last night. We're fine now, he says."),
])
def test_the_household_formula_and_anger_told_as_over(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("It was my last day at the bank. I said goodbye to everyone and they gave me flowers.",
     "It was a hard day at the bank. I said goodbye to everyone and they didn't notice what I meant."),
    ("Said goodbye to my old van today, sold it to a lad from the village.",
     "Said goodbye to my mum and my sister today, properly, like it was the last time."),
    ("I've an operation in May so I wrote a will, the nurse suggested it.",
     "I wrote a will and letters for the kids, and then I felt calm for the first time."),
    ("I won't be around much longer at this firm, I've got a new job in Leeds.",
     "I won't be around much longer, so please don't book me in for next month."),
])
def test_goodbyes_and_wills_with_an_everyday_reason(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("this chem coursework is gonna make me kms lol", "this chem coursework is gonna make me kms, i've got the pills ready"),
    ("My dad keeps asking if I'm depressed and suicidal because I stay in my room. I'm not, I'm just gaming.",
     "My dad keeps asking if I'm suicidal because I stay in my room. I am, and I can't tell him."),
])
def test_a_task_blamed_and_a_question_answered_no(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("text, category_found", [
    ("He had his hands round my throat last night and I blacked out for a second.", "abuse_or_danger"),
    ("my stepdad locks the fridge so we can't eat after six", "abuse_or_danger"),
    ("He flushed my pill down the loo so I'd get pregnant.", "abuse_or_danger"),
    ("The youth leader says it's our little secret.", "abuse_or_danger"),
    ("I could do that man serious harm and I think I'm going to.", "harm_to_others"),
    ("I nearly shook the baby this morning, I had to put him down and leave the room.", "harm_to_others"),
    ("I keep getting pictures of throwing her off the balcony.", "harm_to_others"),
    ("Next time his dog barks at 3am I'll be waiting with a bat.", "harm_to_others"),
    ("I'll find him, and he won't walk again.", "harm_to_others"),
    ("Which weedkiller would make a person really ill? Asking about my neighbour.", "harm_to_others"),
    ("i wear gloves all the time so my mum doesn't see my hands", "self_harm"),
    ("Haven't eaten since Monday because I don't deserve food.", "self_harm"),
    ("I slammed my fingers in the drawer on purpose.", "self_harm"),
])
def test_classes_the_eighth_set_showed(text, category_found):
    assert found(text)
    assert category_found in {f.category for f in result(text).speaker_findings}


@pytest.mark.parametrize("text", [
    "Dad would have killed me for spending that much on trainers, honestly.",
    "Boxing sparring tonight. I'm going to get battered but I love it.",
    "I want to sleep forever this weekend, what a week.",
    "I wrote letters to my bridesmaids to open on the wedding morning.",
    "covered in scratches from the new kitten, she's a menace",
    "Counting my tablets to see if I need to reorder before Easter.",
    "I wrapped my hands round my mug and watched the rain.",
])
def test_what_would_have_happened_sparring_sleep_weddings_kittens_and_reorders_are_not(text):
    assert not found(text)


def test_a_treat_not_deserved_is_not_food_withheld():
    assert not found("I don't deserve to eat cake after that lazy week, haha")
