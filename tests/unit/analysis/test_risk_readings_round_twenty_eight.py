"""Readings added in the twenty-eighth round, each with its other side: a "not" after a comma that sets
one thing against another ("the thoughts are back, not the vague ones") does not deny the clause
before it; denying an innocent cause ("the bruises aren't from falling") leaves the injury standing;
a verbless "Not goodbye for a holiday." denies the everyday reading; a purpose the speaker says they
told someone else ("I told the man it was for the garden") may be a cover; "he'll kill me if I see
anyone else" is control, not a parent's anger at a mess; a break or a tired body named beside "my
last message" or "I want to die" is a figure; someone leaving for university or flying home is a
goodbye with a reason; not trusting oneself near someone, a cover story for an injury, a route timed
or drawn, and watching someone's house are asked about; food withheld as a punishment; a heavy
thing thrown at a person. The speaker's own past told inside a story of their life is no fiction,
while a part to play or a threat is still read with its story. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import category, outcome, reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # The clause before a contrast stands; so does an injury whose innocent cause is denied.
    ("The urges to end my life are back, properly back, not the mild ones I had in spring.", "suicidal_ideation"),
    ("The marks on my legs aren't from the cat, whatever I told the school nurse.", "self_harm"),
    ("The burns on my wrist are not accidental.", "self_harm"),
    # A denied or told-as-a-cover everyday reading does not set the match aside.
    ("Can we rehearse me saying goodbye to my son? Not goodbye for a trip. A proper goodbye.", "suicidal_ideation"),
    ("I've bought a rope. I told the woman at the shop it was for the garden.", "suicidal_ideation"),
    # Control told as a condition on whom the speaker sees.
    ("My husband says he'll kill me if I see anyone else.", "abuse_or_danger"),
    ("He's going to kill me if he sees anyone messaging me.", "abuse_or_danger"),
    # Readings of what someone says they might do.
    ("I don't trust myself around him any more, not after what he said about my mum.", "harm_to_others"),
    ("I'm honestly not sure I should be in a room with her on my own.", "harm_to_others"),
    ("I've drawn out my neighbour's route to the station and timed it twice.", "harm_to_others"),
    ("I found out where his sister lives and I'm quite prepared to wait.", "harm_to_others"),
    ("In my twenties I once threw a bottle at my flatmate.", "harm_to_others"),
    # Hurting oneself told by a cover story or a punishment.
    ("It wasn't a bike accident like I told my boss; I did it myself.", "self_harm"),
    ("I take an extra tablet now and then to make myself feel ill, as a punishment.", "self_harm"),
    # Food withheld as a punishment.
    ("My stepmum doesn't give me dinner if my room isn't tidy, and I go to bed hungry most nights.", "abuse_or_danger"),
    # Saying "ending it" split by the tokeniser ("im" as "i" + "m").
    ("if the results are bad im ending it, ive made up my mind", "suicidal_ideation"),
    ("There's no point renewing the lease when I won't be around to enjoy it.", "suicidal_ideation"),
    # A life story is no fiction: the speaker's own past told inside it.
    ("So the story about my grandad and the allotment: the spring after I tried to end my life, he gave me my own patch.",
     "suicidal_ideation"),
    ("The story I tell my kids is how I met their dad, after I got away from my first husband, who used to beat me.",
     "abuse_or_danger"),
    ("In my training I've talked about the self-harm I did at school, which stopped when I was seventeen.", "self_harm"),
    # Phrasings from dev78.
    ("Honestly I'm thinking of doing myself in, I've even thought about where.", "suicidal_ideation"),
    ("I still cut, mostly on Friday nights when the flat is empty.", "self_harm"),
    ("There's nobody to cook for and no reason I can see to carry on.", "suicidal_ideation"),
    ("I can't picture still being here by the summer.", "suicidal_ideation"),
    ("idk how much longer ill be around tbh", "suicidal_ideation"),
    ("Some nights I think it would be kinder for both of us if we went together.", "suicidal_ideation"),
    ("I've been shaking my girlfriend's little girl when she won't stop crying.", "harm_to_others"),
    ("I had a thought about making the crying stop for good and had to leave the nursery.", "harm_to_others"),
    # The other side of each set-aside below.
    ("This is my last message. Goodbye everyone.", "suicidal_ideation"),
    ("He dragged me to the bedroom by my hair.", "abuse_or_danger"),
    ("He dragged me to the car park and wouldn't let me go.", "abuse_or_danger"),
    ("He nearly killed me with a kitchen knife.", "abuse_or_danger"),
    ("This is my last message before I leave tonight.", "suicidal_ideation"),
    ("He hits me and says it's just a joke.", "abuse_or_danger"),
    ("My husband will kill me if he sees the bruises.", "abuse_or_danger"),
    ("My husband will kill me if he sees this.", "abuse_or_danger"),
    ("I've arranged for my sister to look after them when I'm gone.", "suicidal_ideation"),
    # "So tired I want to die" is as often a passive wish to be dead as tiredness: it is asked about.
    ("I am so tired I want to die, three night shifts in a row with a crying baby.", "suicidal_ideation"),
    ("I'm so tired of everything that I want to die.", "suicidal_ideation"),
    ("I need to say goodbye to my daughter before I go for good.", "suicidal_ideation"),
]

ROUND_NOT_DISCLOSURES = [
    # A parent's anger at a mess or a bill is still a figure of speech.
    "My mum will kill me if she sees my room like this.",
    "Mum's going to kill me if she sees the mess in the kitchen.",
    # A break named beside "my last message"; a tired body.
    "This is my last message before I go on holiday, see you all in two weeks!",
    "this is my last message before my phone gets taken off me for exam week lol",
    "I'm so hungover I want to die, never drinking again.",
    "I'd like to practise a toast for her farewell dinner without getting choked up.",
    # Goodbyes with a reason beside them.
    "I leave for university on Sunday and I want to practise saying goodbye to my little brother.",
    "Help me say bye to my gran before she flies back to Jamaica.",
    "I'm leaving my job after nine years to go travelling, and I've said goodbye to everyone.",
    "I want to tell him I love him and find a way for both of them to be at the wedding.",
    # Watching told of fiction or of a run.
    "In the new police drama the detective catches the killer by mapping his daily routine.",
    "I've been timing my runs to see if the canal route is faster.",
    "I finally found out where my birth mother lives and I'm going to write to her.",
    # A part to play, a mishap told as a family story, an outing, overwork, others' view of a risk.
    "In drama we're doing Romeo and Juliet and I have to fake stab myself at the end with a rubber dagger.",
    "We told stories about him, like the time he nearly killed us all with a barbecue.",
    "My neighbour dragged me to the community choir in September and I love it.",
    "My partner says I'm killing myself for peanuts on these night shifts, which is just a saying.",
    "I'm doing a charity skydive and everyone's acting like I've got a death wish.",
    "I worry about who'll look after him when I'm gone, so I want to talk to my daughter about it.",
    "I've been diagnosed with diabetes and I've been googling way too much about it.",
]


test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, [], [])


def test_a_denial_said_as_an_afterthought_still_denies() -> None:
    """A contrast after a comma affirms the clause before it; a denial of the whole still denies."""
    assert outcome("I'm not suicidal, not the way you think.") == "none"
    assert outcome("I would never hurt myself, not in a million years.") == "none"


def test_a_cover_story_told_to_the_bot_is_not_a_cover() -> None:
    """Only a purpose told to someone else is read as a possible cover; the speaker's own purpose
    told to the listener still explains the rope."""
    assert outcome("I bought some rope today for the swing in the garden.") == "none"
    assert category("I bought a rope today. I told my wife it was for the swing.") == "suicidal_ideation"
