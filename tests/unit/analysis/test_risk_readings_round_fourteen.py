"""Readings added after three fresh development sets (harm to others and threats; answers inside the
exercises; professionals, carers and hidden abuse), each with its other side. Written in our own words;
rules alone."""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import assert_found, assert_found_in, assert_not_a_disclosure, found, result


NEW_DISCLOSURES = [
    # Sextortion: intimate pictures held over the speaker with a demand.
    ("Someone I chatted to online has my nudes and wants £300 or he'll send them to my family.", "abuse_or_danger"),
    ("they've got my private videos and say they'll post them unless I pay by Friday", "abuse_or_danger"),
    # Threats that keep an older person quiet; control told by what happens.
    ("My son-in-law says I'll be put in a home if I complain to anyone.", "abuse_or_danger"),
    ("My grandson made me sign over the house to him.", "abuse_or_danger"),
    ("My ex still has a key and lets himself into my flat while I'm asleep.", "abuse_or_danger"),
    ("He threw his mug at the wall next to my head.", "abuse_or_danger"),
    ("He smashed the plate and said next time it won't be the plate.", "abuse_or_danger"),
    ("Last night he held a knife to my throat.", "abuse_or_danger"),
    ("He said he would set the house on fire with me inside.", "abuse_or_danger"),
    ("My stepmum threw me out last night and I'm sleeping rough.", "abuse_or_danger"),
    # Harm to others told by the act, the means or the weapon.
    ("The baby wouldn't settle and I shook her, harder than I meant to.", "harm_to_others"),
    ("I'm going to burn down my ex's flat while he's at work.", "harm_to_others"),
    ("I've kept the weedkiller back for his tea.", "harm_to_others"),
    ("I am putting bleach in the food of my stepfather.", "harm_to_others"),
    ("I give Dad more of his sleeping tablets than the doctor said, so he leaves me alone.", "harm_to_others"),
    ("I'm going to throw bleach in his face when he comes out.", "harm_to_others"),
    ("Tomorrow I'll go round there with a knife.", "harm_to_others"),
    ("I keep a hammer by the bed, and next time he comes in drunk I will use it.", "harm_to_others"),
    ("I'll take my walking stick to him if he says that again.", "harm_to_others"),
    ("I'm bringing the bat when I go to see him.", "harm_to_others"),
    ("I've decided to run him off the road on his way home.", "harm_to_others"),
    ("we're jumping that lad after school tomorrow", "harm_to_others"),
    ("I feel like I could hurt him and I'm afraid I might actually do it.", "harm_to_others"),
    ("Part of me wants to hurt my stepfather.", "harm_to_others"),
    # Self-harm told by the act on one's own body.
    ("I burn the tops of my arms with the lighter when it gets bad.", "self_harm"),
    ("I've been biting my own hands until they bleed.", "self_harm"),
    ("I keep striking myself with the hairbrush.", "self_harm"),
    ("I bash my knees with a rolling pin when I panic.", "self_harm"),
    ("I cut after dinner again.", "self_harm"),
    ("I skip my insulin on purpose so I end up in hospital.", "self_harm"),
    ("I punched the bathroom wall until my knuckles bled.", "self_harm"),
    # Suicide: a wish, a means used on oneself, a method.
    ("I no longer wish to live.", "suicidal_ideation"),
    ("The rifle is in the cupboard and I've decided to use it on myself.", "suicidal_ideation"),
    ("After work I'm going to drive to the lake and walk in.", "suicidal_ideation"),
    ("I held the pistol to my head last night.", "suicidal_ideation"),
    ("I keep thinking about the car and a hose in the garage.", "suicidal_ideation"),
]


NOT_DISCLOSURES = [
    "My friend has my holiday photos and is going to post them on Instagram.",
    "My mum has my baby photos and she shows them to everyone, so embarrassing.",
    "The nurse said to use it on myself twice a day, it's a steroid cream.",
    "We walked into the sea up to our knees with the kids.",
    "The bouncer kicked me out of the club for dancing on a table.",
    "We slept in the park at the festival, it was great.",
    "I nearly burnt the house down making toast.",
    "My daughter lets herself into my flat to water the plants.",
    "The bank made me sign the forms twice.",
    "I've put some stuff aside for her lunch.",
    "I've got something for his dinner.",
    "I'm putting something special in the dinner for my husband.",
    "I've put his tablets out for his breakfast.",
    "Next time he borrows my drill he can use it properly.",
    "I want to stab the potatoes before roasting them.",
    "I want to shoot hoops with Jake after school.",
    "A lorry ran him off the road last year and he still limps.",
    "I no longer wish to live in London.",
    "I held it to my head until the swelling went down, it was a bag of peas.",
    "I put it in my mouth and it was the best cake ever.",
    "I've prepared the injection for myself as the nurse showed me.",
    "my mate said he'd kill me if I skipped his stag do",
    "If my dad finds out I crashed his car he'll kill me.",
    "My nan said she'd batter me if I didn't eat my veg, she's tiny.",
    "There was a report on the news about a stabbing near my work.",
    "Shall I kill the engine while we wait?",
]


@pytest.mark.parametrize("text", [
    "he said he'd kill me if I told anyone",
    "If I report him he says he'll kill me.",
])
def test_a_threat_to_keep_quiet_is_not_a_trivial_condition(text):
    assert result(text).outcome == "flag", result(text).to_dict()


def test_a_clock_time_is_not_an_age():
    r = result("He was at my door at three in the morning and said he'd kill me.")
    assert r.outcome == "flag" and not r.past_only, r.to_dict()


def test_a_habit_taken_up_is_current_even_beside_a_late_husband():
    r = result("My late husband's chair is empty and I have taken to cutting my legs.")
    assert r.outcome == "flag" and not r.past_only, r.to_dict()


def test_walking_into_the_sea_with_the_place_checked_is_a_plan():
    r = result("I've checked where it gets deep, and on Sunday I'll walk into the sea.")
    assert r.outcome == "flag", r.to_dict()


MARKED_READINGS = [
    # The speaker's own threat laughed off together; a threat the speaker calls a joke.
    "My flatmate ate my cheese again. I told him I'd kill him if he did it once more and we both laughed.",
    "My brother says he'll batter me if I tell mum about the party, he's joking though.",
    # A ball or a fencing foil in a game.
    "I got hit in the face by a netball at training and now my nose is swollen.",
    "He hit me for six at cricket with his bat.",
    # The topic met at work: a helper's question, a patient's wounds, a customer's question.
    "I'm a nurse and I dressed the cuts on a patient who self-harms today; I want to talk to her more gently.",
    "Counselling trainee here. My supervisor says I have to ask about suicide directly with every client.",
    "A customer at the counter asked how many paracetamol would be dangerous, and I told her to see her GP.",
]


STILL_FOUND_BESIDE_A_READING = [
    # Laughter by the one who threatens, or their own word that it was a joke, does not make it one.
    ("He said he'd kill me if I left and then he laughed.", "abuse_or_danger"),
    ("He put his hands round my neck. He said he was only joking.", "abuse_or_danger"),
    ("My brother says he'll batter me if I tell, he's joking but I'm scared of him.", "abuse_or_danger"),
    # A blow with a bat is not a ball in a game.
    ("My dad hit me with a cricket bat when I dropped the ball.", "abuse_or_danger"),
    ("He hit me with a golf club.", "abuse_or_danger"),
    # A helper's own thoughts stay theirs.
    ("I'm a nurse and I've been thinking about suicide every night this week.", "suicidal_ideation"),
    ("As a pharmacist I know how many tablets it would take, and I've started putting some aside for myself.", "suicidal_ideation"),
]


@pytest.mark.parametrize("text", [
    # Told as over: used to, mended since, never again, a year named alone, an earlier marriage.
    "I used to threaten my sister when we were kids. We're really close now.",
    "Ten years ago I slapped my wife. We went to counselling and it never happened again.",
    "I was suicidal every day three years ago, that's over now.",
    "My first husband controlled the money and threatened me. I divorced him in 2014.",
    "At university I burned myself with cigarettes, 2010 I think.",
    "My coach groomed me between the ages of 12 and 14, and I'm still making sense of it.",
    "My stepdad used to lock me in the shed. He's been gone since I was 9.",
    "i used to cut in year 9, been clean 2 years now",
])
def test_told_as_over(text):
    r = result(text)
    assert r.outcome == "flag" and r.past_only, r.to_dict()


@pytest.mark.parametrize("text", [
    # A promise is not a past; "now it's back"; a streak of days is an urge held off now.
    "He hit me last night. He promised it would never happen again.",
    "I used to cut in year 8 and now it's back.",
    "i used to cut, been clean 2 days now and its hard",
])
def test_still_current(text):
    r = result(text)
    assert found(text) and not r.past_only, r.to_dict()


CUTTING_IN = ["He always cuts in when I'm talking.", "She cut in line at the shop."]


# Veiled classes after the same sets, with their other side.
VEILED = [
    "She's taking the kids, and if I can't have them then nobody can.",
    "He checks my phone every night, so I'll delete the chat after this.",
    'I locked the bathroom door and did the thing I do. I feel calm now, and ashamed.',
    "I've got very good at closing my own wounds before anyone sees.",
    'I just patch myself up and carry on, nobody knows.',
    'My boyfriend goes mad if I talk to other boys at college.',
    'Most nights I sleep with my shoes on in case Dad kicks off.',
    'My daughter-in-law keeps shutting me in the back bedroom when her friends visit.',
    'She keeps my tablets and gives them to me when she pleases.',
    'He reminds me he knows where my sister lives.',
    'im not safe there rn, can i stay somewhere else',
    "My teacher says we can't tell anyone because people wouldn't understand us.",
    'i sent stuff i shouldnt have and now hes saying hell make things hard for me',
    "He won't have to put up with me much longer.",
    "It'll be easier for everyone soon, I've made sure of that.",
    "There's very little point in carrying on now she's gone.",
    "At my age you wonder what you're still hanging about for.",
    "I've outstayed my welcome on this earth.",
    'I hope my mother can forgive me for what I will do.',
    "I gave my nephew my laptop, I don't need it where I'm going.",
    'I keep picturing pushing my manager onto the tracks at the station.',
    "I know his routine now, and he'll see soon enough, trust me.",
]


VEILED_OTHER_SIDE = [
    "If I can't have the window seat then nobody can, I'm the oldest!",
    'I delete my chat history every week, just for tidiness.',
    'I went to the gym and did the thing I do every Monday, a long run.',
    'The nurse showed me how to dress my own wounds after the operation.',
    'My mum goes mad if I leave dishes in the sink.',
    "She gives them a biscuit when she pleases, they're spoilt dogs.",
    "My colleague knows where my sister lives because they're old friends.",
    'I sent pictures of the flat to the landlord.',
    "He won't have to put up with my snoring much longer, I've bought nasal strips.",
    "It'll be easier for everyone when the new rota starts.",
    "I've been thinking how to keep my routine now that the clocks have changed.",
    "There's no point in going on about it, the match is lost.",
    "I'll see myself out, sorry for the terrible pun.",
    'Please forgive me for what I said at dinner.',
    "I'm bringing my old books to the charity shop, I don't need them anymore.",
    'The brakes on my bike failed on the hill, I need new pads.',
    'I know his address because I send his birthday card every year.',
]


ACTS_WITHOUT_THE_USUAL_WORDS = [
    ("I've been thinking about ending things.", "suicidal_ideation"),
    ("I used to plan my death in a notebook.", "suicidal_ideation"),
    ("Last night I went out to the garage with a rope.", "suicidal_ideation"),
    ("I drove to the coast meaning not to come back.", "suicidal_ideation"),
    ("I keep thinking about walking in when I pass the lake.", "suicidal_ideation"),
    ("I cut myself a handful of times last month.", "self_harm"),
    ("I take a pin to my fingertips when the shouting starts.", "self_harm"),
    ("I pull out my eyelashes when I'm stressed.", "self_harm"),
    ("I put my brother in hospital after the wedding.", "harm_to_others"),
    ("I broke the nose of my neighbour.", "harm_to_others"),
    ("I went after him with a broken bottle.", "harm_to_others"),
    ("I waited outside his house with a tyre iron.", "harm_to_others"),
    ("I kick our dog when I get angry.", "harm_to_others"),
    ("The director hit us with a stick.", "abuse_or_danger"),
]


ACTS_OTHER_SIDE = [
    "I cut myself a slice of cake.",
    "Curiosity killed the cat, as my nan says.",
    "In my country we kill the goat for the festival.",
    "I could strangle the cat some days, she knocks every mug off the shelf.",
    "We're thinking about ending things early tonight, the party's dead.",
]


def test_a_past_act_with_never_again_is_past():
    r = result("When I was 12 I used to hurt our cat when I got angry. I'd never ever do that again.")
    assert r.outcome == "flag" and r.past_only, r.to_dict()


SPORT_IDIOM_AND_ACCIDENT = [
    "My son has taken up fencing and he stabbed me in the ribs with his foil twice tonight.",
    "someone hit me with a dodgeball in the face at school lol",
    "I dressed an elderly patient's self-harm cuts on my shift today.",
    "I told my brother I'd kill him if he scratched my car. I didn't mean it literally.",
    "It felt like she'd stabbed me in the back when she told everyone.",
    "When my phone rang in the exam I wanted to die on the spot.",
    "I was so embarrassed at the party I wanted to die.",
    "I burnt my arm getting the roast out of the oven.",
]


STILL_FOUND_BESIDE_LATER_READINGS = [
    "I'm so ashamed I want to die.",
    "He stabbed me in the arm with a knife.",
    "I keep burning my hand on the kettle, not by accident.",
]


@pytest.mark.parametrize("text, category", NEW_DISCLOSURES + STILL_FOUND_BESIDE_A_READING + ACTS_WITHOUT_THE_USUAL_WORDS)
def test_found_in_its_category(text, category):
    assert_found_in(text, category)


@pytest.mark.parametrize("text", VEILED + STILL_FOUND_BESIDE_LATER_READINGS)
def test_found(text):
    assert_found(text)


@pytest.mark.parametrize("text", NOT_DISCLOSURES + MARKED_READINGS + CUTTING_IN + VEILED_OTHER_SIDE + ACTS_OTHER_SIDE + SPORT_IDIOM_AND_ACCIDENT)
def test_not_a_disclosure(text):
    assert_not_a_disclosure(text)
