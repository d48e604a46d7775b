"""Readings added in the twenty-third round, from the development sets' disclosures that the rules
alone missed. First, a habit of hurting told with "used to", including the parse that hangs "used" on
the noun before it ("my mum's boyfriend used to hurt me"), with words that wound as its other side;
a relapse, or an act done again after a gap, told with the clean time it ends, read as now.
Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    ("When I was about 9 my mum's boyfriend used to hurt me.", "abuse_or_danger"),
    ("My gran's lodger used to hurt me when she was out.", "abuse_or_danger"),
]
NOT_DISCLOSURES = [
    "She used to hurt me with her comments about my weight.",
    "My old boss used to hurt me with his silences more than anything he said.",
]
TOLD_AS_OVER = [
    "When I was about 9 my mum's boyfriend used to hurt me. He's long gone and I'm safe now.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, [], NOT_DISCLOSURES, TOLD_AS_OVER, [])


# A relapse or an act done again after a gap is now, whatever clean time is named; clean time kept is over.
DONE_AGAIN_NOW = [
    "relapsed on sh last night after 90 days clean",
    "i relapsed. three weeks clean and i relapsed",
    "Broke my streak at 20 days. Did it again last night.",
    "havent been clean in a week, the blade is back in my pencil case",
    "After the row I cut my arm, which I haven't done since college.",
    "I've gone back to the thing with the safety pin on my thigh.",
    "I have started cutting my legs where nobody looks, at fifty-five.",
]
CLEAN_TIME_KEPT = [
    "i used to sh in year 8 but ive been clean for 3 years now",
    "When I was at uni I relapsed into cutting for a few months. That was ten years ago and I'm well now.",
]

test_done_again_reading = reading_tests([], [], [], CLEAN_TIME_KEPT, DONE_AGAIN_NOW)[1]

# The round's new readings, in our own words: endings told by seasons not to be seen, errands finished
# and pets rehomed, burden as freedom from the speaker; self-harm told by lines counted, by what is on
# the arms, by an excuse denied; threats told by what someone will not see or survive, poisons that
# pass unnoticed, petrol bombs, routines learned; abuse told by what is thrown, smashed, taken off or
# forbidden, by concealer, or by what the boss will tell immigration.
ROUND_FOUND: list[tuple[str, str]] = [
    ("I have no intention of seeing another spring, if I'm honest.", "suicidal_ideation"),
    ("The bills are paid ahead and I want it all tidy before I go.", "suicidal_ideation"),
    ("I rehomed the cat with my neighbour on Sunday.", "suicidal_ideation"),
    ("I found a new home for my dog and wrote down his feeding times.", "suicidal_ideation"),
    ("In the rehearsal I want my brother to get a proper goodbye from me.", "suicidal_ideation"),
    ("I'd tell him not to feel guilty about anything that happens after.", "suicidal_ideation"),
    ("Please take care of the kids after, you're good with them.", "suicidal_ideation"),
    ("I've made all my arrangements.", "suicidal_ideation"),
    ("My part of the story is almost over now, and I'm calm about it.", "suicidal_ideation"),
    ("I pray that God will forgive me for what I'm planning.", "suicidal_ideation"),
    ("Soon my husband will be free of me.", "suicidal_ideation"),
    ("I will not be heavy for my daughter much longer.", "suicidal_ideation"),
    ("After the divorce I wanted so badly to die.", "suicidal_ideation"),
    ("My uncle took his own life, and lately I keep thinking of doing the same.", "suicidal_ideation"),
    ("I checked the train times, and not for travelling.", "suicidal_ideation"),
    ("I tried to end things with tablets last spring.", "suicidal_ideation"),
    ("I counted them in the shower, 31 lines now.", "self_harm"),
    ("I don't wear short sleeves because of what is on my arms.", "self_harm"),
    ("The only thing that ever helps is the razor.", "self_harm"),
    ("I spent a while in my room with the kitchen scissors and then went down for tea.", "self_harm"),
    ("The burns keep happening on the iron and it isn't really accidental.", "self_harm"),
    ("The scratches on my arms? I keep telling people the cat did it.", "self_harm"),
    ("You will not see another Christmas if you touch my sister again.", "harm_to_others"),
    ("Give back the money or your family won't be safe.", "harm_to_others"),
    ("He'll regret it. I'll see to it personally.", "harm_to_others"),
    ("I'll come round on Friday, and not for talking.", "harm_to_others"),
    ("He ought to find out what it feels like.", "harm_to_others"),
    ("He'll have an accident on those stairs one of these days, mark my words.", "harm_to_others"),
    ("If the police won't deal with him, I will.", "harm_to_others"),
    ("I looked up which drugs don't show up in a post-mortem.", "harm_to_others"),
    ("I watched how to make a petrol bomb last night.", "harm_to_others"),
    ("I've found out where he drinks on a Friday.", "harm_to_others"),
    ("I've mapped the route he takes to the gym.", "harm_to_others"),
    ("I've learnt her shift pattern and when she's on her own.", "harm_to_others"),
    ("I've been putting things in her tea when she isn't looking.", "harm_to_others"),
    ("I've hidden his inhaler somewhere he can't find it.", "harm_to_others"),
    ("He said that next time it'll be me.", "abuse_or_danger"),
    ("He throws plates at us when he's had a drink.", "abuse_or_danger"),
    ("He smashed my phone because my sister rang.", "abuse_or_danger"),
    ("She's taken my door lock off so I can't be on my own.", "abuse_or_danger"),
    ("My boyfriend punishes me if I'm late back.", "abuse_or_danger"),
    ("I'm not allowed out without him these days.", "abuse_or_danger"),
    ("I put concealer on my jaw before work again.", "abuse_or_danger"),
    ("If I complain the manager says he'll call immigration.", "abuse_or_danger"),
    ("The big lads at the home used to hold me down.", "abuse_or_danger"),
]
ROUND_NOT = [
    "We're moving to Spain, so I rehomed the cat with my aunt.",
    "I had to rehome my dog because my landlord won't allow pets.",
    "I went to the match with my mates and we'll be waiting for the results.",
    "Gran took up bridge after Grandad died and she loves it.",
    "My daughter texts every night to check I've taken my tablets.",
    "I lock the back door at night because Dad wanders with his dementia.",
    "Mum bruises easily on warfarin, so she wears long sleeves.",
    "My dad checks my location, but I asked him to.",
    "I scratch my legs in my sleep when the eczema flares.",
    "I'm afraid to go home late because the last bus is at ten.",
    "He taught me to shave and I cut myself a few times.",
    "It hit me like being punched in the stomach when I read the letter.",
    "My brother beat me in the final again.",
    "Report cards come out on Friday and I'm nervous.",
    "The patient threw a chair at the nurses' station.",
    "Mum took my bedroom door off its hinges when I slammed it once too often.",
    "I'm a GP and I ask patients about suicidal thoughts most days.",
    "I volunteer on a helpline for people considering suicide.",
    "My sister is not allowed out without her husband and I worry.",
]
ROUND_AS_OVER = [
    "When I was fifteen I was arrested for assault. I'm forty now and work with young offenders.",
    "My first husband beat me in my home country, but that was twenty years ago and I am safe now.",
]

test_round_found, test_round_reading = reading_tests(ROUND_FOUND, [], ROUND_NOT, ROUND_AS_OVER, [])
