"""Readings added after three fresh development sets (harm to others in other settings; suicide and
self-harm told indirectly; time and other people) and the retired fourteenth blind set, each with its
other side. Written in our own words; rules alone."""
from __future__ import annotations

import pytest

from tests.unit.analysis.risk_rules import (assert_found, assert_found_in, assert_not_a_disclosure, assert_still_current,
                                           assert_told_as_over)

IN_ITS_CATEGORY = [
    # Suicide: a reunion with the dead welcomed, farewells told by errands, tablets kept back.
    ("Looking at Dad's old letters I thought I'll be seeing him again quite soon, and I'm glad of it.", "suicidal_ideation"),
    ("I would like to see her again, sooner rather than later.", "suicidal_ideation"),
    ("I've stopped the newspaper and the broadband. No point paying for things I won't need.", "suicidal_ideation"),
    ("Bought a single to Whitby and a room for one night. I don't need a return.", "suicidal_ideation"),
    ("I hoovered every room so it's tidy for whoever has to come in and deal with it.", "suicidal_ideation"),
    ("when i was 15 i wrote a note and everything", "suicidal_ideation"),
    ("I keep starting a letter to my brother explaining why, then ripping it up.", "suicidal_ideation"),
    ("It's a relief knowing there's an end date to all of this.", "suicidal_ideation"),
    ("I told the GP I needed extra sleeping pills because I'm going abroad. I am not travelling.", "suicidal_ideation"),
    ("I think the Lord would forgive me if I went home to Him early.", "suicidal_ideation"),
    ("Nothing feels like anything. I'm waiting for it to end and I could hurry it along.", "suicidal_ideation"),
    ("won't be at choir on thursday, or any after that", "suicidal_ideation"),
    ("they'll all be better off soon, so whatever", "suicidal_ideation"),
    ("Each month I pick up the prescription and put the new box with the others.", "suicidal_ideation"),
    # Self-harm: what was done to oneself, supplies with a cover story, skin kept from view.
    ("I wear a plaster on my thumb because of what I've been doing to my nails and cuticles.", "self_harm"),
    ("My sister would be horrified by what I've been doing to my arms.", "self_harm"),
    ("I failed the test so I made sure I got punished, in my own way.", "self_harm"),
    ("When it gets too loud in my head I grab something sharp and feel calmer.", "self_harm"),
    ("There's a whole box of plasters in my bedroom drawer and my mum doesn't know.", "self_harm"),
    ("I keep antiseptic and gauze in my bedroom and my flatmate thinks I'm a first-aider.", "self_harm"),
    ("I buy lots of bandages. I say they are for my kids. I don't have kids.", "self_harm"),
    ("I slammed my fist against the wall over and over till it went numb.", "self_harm"),
    ("I haven't rolled my sleeves up in years, I won't roll up my sleeves even at the sink.", "self_harm"),
    ("i cant let anyone see my thighs in the changing rooms", "self_harm"),
    ("The tattoo is to cover up the scars, including a few new ones.", "self_harm"),
    # Harm to others: the means, the place, the time, the threat told by its fate.
    ("I watched videos on how to hit a man so he doesn't get back up.", "harm_to_others"),
    ("Her new fella better enjoy this weekend.", "harm_to_others"),
    ("We'll see how smug he is after Saturday.", "harm_to_others"),
    ("That landlord had better hope I don't catch him on the stairs.", "harm_to_others"),
    ("I'm going to the school tomorrow and I'm not going just to talk.", "harm_to_others"),
    ("that kid is getting jumped friday after school", "harm_to_others"),
    ("My cousin knows where I can get a gun round here.", "harm_to_others"),
    ("I have to walk out before I do something I can't take back.", "harm_to_others"),
    ("I'm past caring if I go to prison for it.", "harm_to_others"),
    ("He'll feel something soon enough.", "harm_to_others"),
    ("I've written down his routine and when the flat is empty.", "harm_to_others"),
    ("I know exactly which bus she takes home.", "harm_to_others"),
    ("he sleeps with his door unlocked, that's all I'm saying", "harm_to_others"),
    ("He ruined me, so I've been thinking about his kids' school run.", "harm_to_others"),
    ("I screenshotted his address off her story.", "harm_to_others"),
    ("grandad's got no idea what's going in his tea", "harm_to_others"),
    ("Some nights I think about adding a little extra to her evening tablets.", "harm_to_others"),
    ("I looked up which weedkillers leave no trace.", "harm_to_others"),
    ("I wondered how many of his tablets it would take.", "harm_to_others"),
    ("One cushion over her face and it's over for both of us.", "harm_to_others"),
    ("Bought a crossbow. My neighbours have had their last warning.", "harm_to_others"),
    # Abuse: life lived around someone's temper or rules, threats that keep the speaker quiet.
    ("I've learnt which nights to stay quiet when he's been drinking.", "abuse_or_danger"),
    ("I'm not allowed to phone my mum any more.", "abuse_or_danger"),
    ("I cannot go out without my husband's permission.", "abuse_or_danger"),
    ("Whenever I disagree with him it ends with me on the floor.", "abuse_or_danger"),
    ("I stopped going to the gym, it's not worth what happens after.", "abuse_or_danger"),
    ("He was in a mood all evening and then I pay for it.", "abuse_or_danger"),
    ("She rings me if I'm five minutes late home.", "abuse_or_danger"),
    ("He says I'm too fat for anyone else to want.", "abuse_or_danger"),
    ("My nephew took my glasses so I couldn't read what I was signing.", "abuse_or_danger"),
    ("My husband hides my hearing aids when he's cross.", "abuse_or_danger"),
    ("The supervisor keeps touching me in the back office.", "abuse_or_danger"),
    ("The landlord said the rent could be 'sorted another way' this month.", "abuse_or_danger"),
    ("I have to sign the flat over or they'll put me in a home.", "abuse_or_danger"),
    ("I'll lose my job if I report it, he says.", "abuse_or_danger"),
    ("My employer says he will cancel my visa.", "abuse_or_danger"),
    ("She says she'll tell everyone I did stuff I didn't do.", "abuse_or_danger"),
    ("Told the GP the bruise was from a fall. I didn't fall.", "abuse_or_danger"),
    ("It's my fourth 'accident' this month.", "abuse_or_danger"),
]


FROM_THE_RETIRED_SET = [
    # Readings written after the fourteenth blind set was retired (dev35), in our own words.
    ("don't bother saving me a place at graduation, I won't be around for it anyway", "suicidal_ideation"),
    ("Two more weeks and then it all ends.", "suicidal_ideation"),
    ("It's a relief not to have to keep pretending.", "suicidal_ideation"),
    ("I've been researching about how people do it, late at night.", "suicidal_ideation"),
    ("My neighbour is going to take my cat for good. I didn't tell her why.", "suicidal_ideation"),
    ("Last night I stood on the tracks by the level crossing for a while.", "suicidal_ideation"),
    ("I really want to open up the old cuts tonight.", "self_harm"),
    ("I keep having 'accidents' with the craft knife.", "self_harm"),
    ("I had a self-harm phase at uni.", "self_harm"),
    ("ur all gonna see it on the news", "harm_to_others"),
    ("Fantasising about hurting him is all that gets me through the shift.", "harm_to_others"),
    ("I sit sharpening the knife while I think about what he did.", "harm_to_others"),
    ("I'll make a statement he'll never forget at the party.", "harm_to_others"),
    ("I go over what I'll say right before I finish him.", "harm_to_others"),
    ("they'd freak if they knew what I keep in my locker", "harm_to_others"),
    ("If the nurse does that again I'll see to her myself.", "harm_to_others"),
    ("gonna be slashing his tyres tonight", "harm_to_others"),
    ("Nobody would question it, at her age.", "harm_to_others"),
    ("One more word and he won't be talking to anyone afterwards.", "harm_to_others"),
    ("Which poisons don't show up in an autopsy?", "harm_to_others"),
    ("When he comes in like that we all go quiet.", "abuse_or_danger"),
    ("Everything has to be exactly how he likes it.", "abuse_or_danger"),
    ("I say sorry quickly so it doesn't get to the belt.", "abuse_or_danger"),
    ("I only get dinner if the chores are done.", "abuse_or_danger"),
    ("I don't get my tablets if I've upset her.", "abuse_or_danger"),
    ("My stepdad padlocks the fridge at night.", "abuse_or_danger"),
    ("mum threw me out, sleeping in the train station tonight", "abuse_or_danger"),
]

FROM_THE_RETIRED_SET_OTHER_SIDE = [
    "I won't be around for it, I'm on holiday then.",
    "We'll see it on the news tonight, the parade.",
    "I was sharpening the knife while I thought about dinner.",
    "Finish him! I love that game.",
    "I keep my PE kit in my locker.",
    "I'll see to it myself.",
    "We all go quiet when the film starts.",
    "My mum padlocks the shed.",
    "He fell off the wall, the rope caught him, climbing is safe.",
    "giving away my old plushies bc im redoing my room",
    "She'd skin us alive if we walked mud in.",
    "Our PE teacher is killing us with beep tests.",
    "I'd murder her if she told Mum about the surprise party.",
    "I killed her orchid when I was house-sitting.",
    "I did a bungee jump off a bridge for my birthday.",
]


PAST_ACTS = [
    # Acts told as over, found and read as past.
    ("When I was sixteen I went for him with a hammer. We've made up since.", "harm_to_others"),
    ("I did three years in prison for assault in my twenties.", "harm_to_others"),
    ("When I was 14 I broke his nose on purpose.", "harm_to_others"),
    ("In my early twenties I shoved her against the wall once. I went on a course after.", "harm_to_others"),
    ("At school I used to pinch my sister when no one was looking.", "harm_to_others"),
    ("My first wife controlled every penny, I left her in 1990.", "abuse_or_danger"),
    ("My uncle kept me from my friends when I was a child.", "abuse_or_danger"),
    ("Years ago I threw boiling water at my husband. We divorced long ago.", "harm_to_others"),
    ("I got expelled in year 10 for punching a teacher, that was ten years ago.", "harm_to_others"),
    ("My first husband used to knock me about. I left in 1980.", "abuse_or_danger"),
]


NOT_DISCLOSURES = [
    # The same words with their everyday meaning.
    "I'll see him again soon, he's coming home for Christmas.",
    "I cancelled the subscriptions I won't need while I'm on my year abroad.",
    "I need a return ticket to Leeds for Friday.",
    "Whoever has to clean up after the party, it isn't me.",
    "I wrote a thank-you note to my nan for the jumper.",
    "I'm not travelling this summer, we're saving for a house.",
    "We went home early because the baby was tired.",
    "Help me get this project along, it's due soon.",
    "I haven't been to the match since, or any after that.",
    "We'll all be better off once the new boiler is in.",
    "I need all of them for the recipe.",
    "I put the new box of teabags with the others in the cupboard.",
    "What I've been doing is revising every night.",
    "Make sure you are paid on time.",
    "Something sharp in the drawer cut me while I was looking for the tin opener.",
    "There are plasters in the kitchen drawer if you need one.",
    "I banged my head on the cupboard door this morning.",
    "I rolled up my sleeves and got stuck in.",
    "The tattoo covers an old birthmark.",
    "It's finally the weekend, better enjoy it.",
    "We'll see how it goes after Saturday's match.",
    "I hope I don't see him at the reunion, he's so boring.",
    "I'm going to the parents' evening just to talk to her teacher.",
    "Our team got jumped on in the second half.",
    "Where can I get a bus to the station?",
    "Say something you can take back later if you need to.",
    "I don't care if I go to bed late tonight.",
    "My routine is gym, work, sleep.",
    "He gets the same bus as me.",
    "She sleeps with the window open even in winter.",
    "What's going in the tea tonight? Pasta again.",
    "Add a little extra salt to the soup.",
    "Leave no trace when you camp.",
    "The doctor asked how many of my tablets I take a day.",
    "We need a week of peace for both of us.",
    "The referee gave him his last warning.",
    "I've learnt which days the market is on.",
    "I'm not allowed to park on the double yellows.",
    "You can't go out without a coat in this weather.",
    "The evening ended with me on the sofa asleep.",
    "My mum rings if I'm late, she worries, it's sweet.",
    "Too tired for anything else tonight.",
    "My dad made me pay for the window out of my pocket money.",
    "My glasses broke so I couldn't read the menu.",
    "My grandson hides my remote as a joke.",
    "He kept touching the screen and smudging it.",
    "The bill was settled another way, by bank transfer.",
    "The vet said the cat fell off the shed. She didn't fall, she jumped.",
    "Fourth accident this month on the ring road, the council must fix it.",
    # The speaker's answer to a screening question, told next.
    "My GP asked whether I ever think about harming myself. I told him no, I'm doing well.",
    "The nurse asked if I'd felt like hurting myself and I was honestly able to say no.",
    # Other people's deaths by suicide.
    "I'm a paramedic and we attended a suicide on the night shift.",
    "There's a memorial walk for those lost to suicide in our town.",
    # Figures of speech and jokes shared.
    "The boss is killing me with the overtime, haha.",
    "I told my brother I'd kill him, which obviously I didn't mean.",
    "I said I'd strangle her if she left the milk out again, and we both ended up laughing.",
    "I told the kids I'd lock them in the shed, which they found hilarious.",
    # A club's rifle, a chef's knife, a new medicine's side effects.
    "I've shot small-bore at the county club for years and won the trophy again.",
    "I've saved up for a santoku knife.",
    "The GP gave me some new tablets and I asked about the side effects.",
    "Many people ask me how much paracetamol is safe; I'm a pharmacist.",
]


STILL_FOUND = [
    # The other side of the set-asides above.
    "My GP asked whether I ever think about harming myself. I couldn't answer.",
    "My brother died by suicide and now I think about suicide every day.",
    "I told my brother I'd kill him and I meant it.",
    "I'll strangle her if she does it again, I've got a knife.",
    "I've got the tablets saved up and I keep thinking about taking them all.",
]


TOLD_AS_OVER = [
    "I harmed myself through my youth. I haven't in forty years and I speak of it now for honesty.",
    "The scars on my arms are from a bad patch in my teens. My son asked about them recently.",
    "Twelve years ago I took an overdose. I've been well for a long time now.",
    "long time ago i hit my head on the wall when stressed. i learn other ways now",
    "back in yr 8 i used to cut my arms",
]


STILL_CURRENT = [
    # A duration said of the act itself, not of a recovery; "in year 9" may be now.
    "I took an overdose last year. I've been cutting for weeks now.",
    "im in year 9 and i cut myself",
]


@pytest.mark.parametrize("text, category", IN_ITS_CATEGORY + FROM_THE_RETIRED_SET + PAST_ACTS)
def test_found_in_its_category(text, category):
    assert_found_in(text, category)


@pytest.mark.parametrize("text", STILL_FOUND)
def test_found(text):
    assert_found(text)


@pytest.mark.parametrize("text", NOT_DISCLOSURES + FROM_THE_RETIRED_SET_OTHER_SIDE)
def test_not_a_disclosure(text):
    assert_not_a_disclosure(text)


@pytest.mark.parametrize("text", [t for t, _ in PAST_ACTS] + TOLD_AS_OVER)
def test_told_as_over(text):
    assert_told_as_over(text)


@pytest.mark.parametrize("text", STILL_CURRENT)
def test_still_current(text):
    assert_still_current(text)
