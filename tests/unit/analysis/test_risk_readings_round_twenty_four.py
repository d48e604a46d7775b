"""Readings added in the twenty-fourth round. First, a question put to the listener that the speaker
answers for themselves: the question alone is a trainee's or a friend's and discloses nothing, but
"I have, every night" after it is the speaker's own. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ANSWERED_BY_THE_SPEAKER: list[tuple[str, str]] = [
    ("Have you ever thought about ending your life? I have, every night.", "suicidal_ideation"),
    ("Do you ever want to kill yourself? Because I do.", "suicidal_ideation"),
    ("do u ever wanna kms? bc i do", "suicidal_ideation"),
    ("Have you ever thought about killing yourself? I have thought about it a lot.", "suicidal_ideation"),
    ("Have you ever self harmed? i have lol", "self_harm"),
    ("Do you ever hurt yourself on purpose? Me too.", "self_harm"),
    ("Do you ever hurt yourself? I still do, but not as much as before.", "self_harm"),
    # A harm done to the one asked is then done to the speaker ("mine": the speaker's own one).
    ("Has your husband ever hit you? Mine has, twice this year.", "abuse_or_danger"),
    ("Does anyone at home ever hurt you? I do, my brother does it.", "abuse_or_danger"),
]
# The question alone, or followed by words that are no answer about the speaker: a verb of the
# speaker's own ("I have to ask"), a negation, the question's reason.
QUESTION_ONLY = [
    "Have you had any thoughts of ending your life?",
    "Have you had any thoughts of ending your life? I have to ask everyone this.",
    "Do you ever think about killing yourself? I don't.",
    "Have you ever thought about killing yourself? I do care about you, that's why I ask.",
    "Are you thinking of killing yourself? I am so sorry to ask.",
    "Has anyone at home ever hurt you? I have a feeling you might say yes.",
    "Has your partner ever hit you? Mine hasn't, thank goodness.",
]
ANSWERED_AS_OVER = [
    "Have you ever tried to end your life? I did, when I was fifteen.",
]

test_found_in_its_category, test_reading = reading_tests(
    ANSWERED_BY_THE_SPEAKER, [], QUESTION_ONLY, ANSWERED_AS_OVER, [])


# A trainee's or a nurse's screening question in quotation marks, said to be the question they put;
# a quoted question put to the speaker, or to themselves, is not set aside.
QUOTED_SCREENING_QUESTIONS = [
    "As a student nurse I always ask, 'Have you had any thoughts of hurting yourself?' Is that too blunt?",
    "In the role-play I'll start with 'Are you having thoughts of ending your life?' and then pause.",
]
QUOTED_NOT_PUT_BY_THE_SPEAKER = [
    "I asked myself 'do you honestly want to kill yourself?' and the answer was yes.",
    "He texted 'do you want to die tonight?' and I believe he means it.",
]

test_quoted_question_reading = reading_tests([], QUOTED_NOT_PUT_BY_THE_SPEAKER, QUOTED_SCREENING_QUESTIONS, [], [])[1]

# The person the tagger hangs as a compound of the matched "self" ("my mate self harms") is the one
# who does it; the speaker's own words stay theirs.
SOMEONE_ELSES_SELF_HARM = ["my cousin self harms n i want to help her"]
OWN_SELF_HARM = ["me n my cousin self harm together sometimes"]

test_compound_person_reading = reading_tests([], OWN_SELF_HARM, SOMEONE_ELSES_SELF_HARM, [], [])[1]

# The round's new readings, in our own words.
ROUND_FOUND: list[tuple[str, str]] = [
    # An excuse for an injury, given and then denied; a wound kept from the doctor.
    ("i told my form tutor i fell off my bike. i didnt fall", "self_harm"),
    ("I tell the nurse I fall in the garden, but I don't, really.", "self_harm"),
    ("My husband thinks the burn is from the iron, but it is not.", "self_harm"),
    ("I said it was a kitchen accident. It wasn't a kitchen accident.", "self_harm"),
    ("Any tips to close a cut on my leg without going to A&E?", "self_harm"),
    ("there's no clean skin left on my arm now", "self_harm"),
    ("The little blade in my pencil case, I use it on me after school.", "self_harm"),
    # Abuse told by what is done or said.
    ("dad says to tell the teachers i fell off the trampoline", "abuse_or_danger"),
    ("She pinches and kicks me under the table when guests are round.", "abuse_or_danger"),
    ("our stepmum hits us all when dad's on nights", "abuse_or_danger"),
    ("When the rent is late, plates get thrown at whoever is nearest.", "abuse_or_danger"),
    ("He told me to keep quiet about what happens when we're alone.", "abuse_or_danger"),
    ("If I tell the school she says I'll never see my little brother again.", "abuse_or_danger"),
    ("My son hides my walking frame so I can't leave the bedroom.", "abuse_or_danger"),
    ("If I answer back he'll take his belt off.", "abuse_or_danger"),
    # Harm to others: a routine learned, talk given up for action, preparations made.
    ("I've learnt which nights she walks home on her own from the gym.", "harm_to_others"),
    ("You, as my stepdad in this, should know I know when you're home alone.", "harm_to_others"),
    ("I know his shifts at the depot now.", "harm_to_others"),
    ("I've started writing down when my ex is at home on her own.", "harm_to_others"),
    ("Words are pointless with that man. It has to be action.", "harm_to_others"),
    ("Tell him I'm not here to apologise this time.", "harm_to_others"),
    ("I'll make sure she stops smiling at me like that.", "harm_to_others"),
    ("He'll learn not to laugh at me.", "harm_to_others"),
    ("My landlord is coming round tomorrow and I have made some preparations for him.", "harm_to_others"),
    ("keep it up n see what happens to u.", "harm_to_others"),
    # Endings veiled: a season not to be here for, going in peace, medicine stopped for others' sake,
    # things given up as no longer needed; a burden to be lifted soon.
    ("Honestly I have no intention of still being around for my birthday.", "suicidal_ideation"),
    ("Once the house is sold I can go in peace.", "suicidal_ideation"),
    ("Soon I will be gone and my son will be free.", "suicidal_ideation"),
    ("I'll be joining my wife before long, by my own hand if need be.", "suicidal_ideation"),
    ("I stopped taking my tablets last month, it's better that way for everyone.", "suicidal_ideation"),
    ("Don't book me in for March, I don't expect to be needing it.", "suicidal_ideation"),
    ("Take the good china, I shall have no further use for it.", "suicidal_ideation"),
    ("You can keep my bike, I won't need it where I'm going. I don't need it where I go.", "suicidal_ideation"),
    ("i'm just dead weight in this family", "suicidal_ideation"),
    ("Honestly I don't think I'll still be around by the spring.", "suicidal_ideation"),
    ("I've written cards for my godson's next five birthdays.", "suicidal_ideation"),
    ("I've got the pills and the vodka and I'll take them all on Friday to end things.", "suicidal_ideation"),
    ("I gave my guitar to my cousin, I don't need it where I'm going.", "suicidal_ideation"),
    ("Giving my old school books to my sister, I won't need them anymore.", "suicidal_ideation"),
    ("For years I wished every night to die.", "suicidal_ideation"),
    ("The compass from my maths set, I use it on myself when it gets bad.", "self_harm"),
    ("I've got really good at covering up my neck with concealer.", "abuse_or_danger"),
    ("I have to be home by seven or there's trouble.", "abuse_or_danger"),
    ("Some nights I think how easy it would be to give him all of his tablets at once.", "harm_to_others"),
    ("you won't have to worry about me for much longer", "suicidal_ideation"),
]
# Their other sides.
ROUND_NOT_DISCLOSURES = [
    "I told mum I fell asleep at my friend's. I didn't, I was at a party.",
    "I cut my thumb when I opened the tin of beans, only a plaster needed.",
    "My flatmate always jokes 'I'll murder you' when I finish the milk.",
    "my brother is so annoying i could strangle him (i wont obvs)",
    "I know which way you walk to school, I'll meet you at the corner.",
    "Writing down when my dad is at home on his own so the carers can plan their visits.",
    "Do you ever want to hurt yourself? I have to ask, it's on my form.",
    "The new boss is murder on a Monday, and unaliving a lot of old habits is the plan.",
    "Any good concealer for dark circles under my eyes?",
    "Giving my old school books to the charity shop, clearing my room out for the new desk.",
]

# A slang word for suicide read as how often ("unaliving a lot") is the speaker's, and told as over.
ROUND_TOLD_AS_OVER = ["used to think about unaliving a lot in year 10 but that's over now, therapy helped"]

test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_TOLD_AS_OVER, [])
