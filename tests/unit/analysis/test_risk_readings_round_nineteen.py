"""Readings added in the nineteenth round, from the explicit disclosures of the development sets that
the rules alone missed: self-harm told as the speaker's own doing (cutting kept up or gone back to,
cuts or burns on their own arm or leg, something hot held to the skin, their own head struck), and
suicidal thoughts in plainer or older words ("I should like to die", "I pray not to wake up", a
learner's "I want to kill me", "su1c1dal"), or insisted on ("not joking" is no denial). Each with its
other side. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    ("I keep cutting, and every time it goes a bit deeper.", "self_harm"),
    ("Whenever my mum and I fight I go and cut.", "self_harm"),
    ("Since I quit smoking I've gone back to cutting instead.", "self_harm"),
    ("ugh just cut again, it's the only thing that works", "self_harm"),
    ("I scratched my arms when nobody was home yesterday.", "self_harm"),
    ("I stub my cigarettes out on my forearm after the kids are in bed.", "self_harm"),
    ("When the panic comes I hold a hot teaspoon against my thigh.", "self_harm"),
    ("I banged my own head against the wall until it stopped.", "self_harm"),
    ("carved a heart into my leg in the toilets at break", "self_harm"),
    ("I'm eighty and worn out, and I should like to die now.", "suicidal_ideation"),
    ("Most nights I pray not to wake up.", "suicidal_ideation"),
    ("Excuse my English. I want to kill me, every day this thought.", "suicidal_ideation"),
    ("having su1c1dal thoughts again since the exams", "suicidal_ideation"),
    ("I keep thinking about unaliving myself, not joking", "suicidal_ideation"),
]
STILL_FOUND: list[str] = []
NOT_DISCLOSURES = [
    # Chores, accidents and medicine named beside the same words.
    "I keep cutting the carrots too thick for the stew.",
    "We went and cut the hedge back on Saturday.",
    "I cut my leg shaving this morning, it bled everywhere.",
    "I burnt my arm on the oven door getting the roast out.",
    "I keep cutting corners at work and my boss has noticed.",
    "The nurse held a hot compress against my arm after the injection.",
    # Wishes about dining or dyeing, waking others, killing a spider, and a promise not to.
    "I should like to dine at that new place on Friday.",
    "I'd love to die my hair pink for the summer.",
    "I pray not to wake up the baby when I come in from my shift.",
    "i want to kill me a huge spider in the bath lol",
    "I'm not going to kill myself, I promise, I just needed to say how bad it got.",
    # Someone else's cutting is theirs (kept for the therapist, not the speaker's finding).
    "My friend keeps cutting and I don't know how to help her.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, [], [])

# Serious violence the speaker says they will do to a named person or one they point at (rule
# harm_named_intent), with its other side: food, games, a ball, taken back as a joke, someone else's words.
HARM_FOUND: list[tuple[str, str]] = [
    ("im gonna stab marcus on friday after what he said about my mum", "harm_to_others"),
    ("im actually gonna batter liam tomorrow, hes had it coming", "harm_to_others"),
    ("I'm going to beat up the lad who keeps pushing my little brother.", "harm_to_others"),
    ("I am going to burn the car of the man who cheated my father.", "harm_to_others"),
    ("I'm going to run that driver down next time he cuts me up.", "harm_to_others"),
    # The "I" dropped at the start of a text-speak message.
    ("gonna stab tyler on friday, swear down", "harm_to_others"),
    ("gonna beat the crap out of reece after school, not even joking", "harm_to_others"),
]
HARM_NOT = [
    "I'm going to stab the potatoes with a fork to see if they're done.",
    "I'm going to beat up the eggs and cream for the sauce.",
    "im going to kick that ball up the field at practice",
    "im gonna batter jake at fifa tonight",
    "I'm gonna beat him up lol jk, he's my best mate",
    "I'll burn the toast again knowing me.",
    "Since she died I still set her place at the table.",
    "gonna stab the potatoes to see if they're done",
    "gonna shoot up the place in cod tonight with the boys",
]

test_harm_found, test_harm_reading = reading_tests(HARM_FOUND, [], HARM_NOT, [], [])
