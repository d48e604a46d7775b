"""Readings added in the twenty-second round, from the development sets' disclosures that the rules
alone missed (harm to others told indirectly in ordinary settings; time; people who do not say what
they mean): endings told by what will not happen again, burden in fresh words, questions about how a
method feels, self-harm by tool, by food withheld and by what is kept by the bed, threats told by what
will happen, routines timed, questions about sentences, control at home told by what is checked,
hidden or asked permission for; a rehearsal line telling "you" what they did; "he'd hurt me"; an exam
sat (not set) and stitches with nothing accidental beside them. Each with its other side. Written in
our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import outcome, reading_tests, result

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # Endings, burden and steps.
    ("Don't bother with tips for next week. There won't be a next week.", "suicidal_ideation"),
    ("Tell the group I've made other arrangements for myself after Easter.", "suicidal_ideation"),
    ("There's no point booking the dentist that far ahead now.", "suicidal_ideation"),
    ("honestly just ready to get off the ride at this point", "suicidal_ideation"),
    ("I sat at the party thinking it was a good last memory to take with me.", "suicidal_ideation"),
    ("I would like to go where my father has gone, and before long.", "suicidal_ideation"),
    ("This time I'm choosing how my story ends.", "suicidal_ideation"),
    ("I am quietly settling my affairs in this world.", "suicidal_ideation"),
    ("The envelope is under the clock. You'll know when to open it.", "suicidal_ideation"),
    ("I gave my nephew the watch. Best he has it now.", "suicidal_ideation"),
    ("I'm writing the letters so she has something from me to keep afterwards.", "suicidal_ideation"),
    ("On the drive I keep thinking how easy it would be to just not brake.", "suicidal_ideation"),
    ("I went up the multi-storey to see what it was like at the edge.", "suicidal_ideation"),
    ("I stood right by the edge of the platform for a long time.", "suicidal_ideation"),
    ("There's a hosepipe and a roll of tape in the boot now.", "suicidal_ideation"),
    ("Soon he won't need to look after me anymore.", "suicidal_ideation"),
    ("The kids would be better off with one less worry, and that's me.", "suicidal_ideation"),
    ("Does it hurt to drown, or is it quick?", "suicidal_ideation"),
    ("I tried in sixth form and I'm thinking of trying again, the same way.", "suicidal_ideation"),
    ("I've been thinking about the same method again lately.", "suicidal_ideation"),
    # Self-harm by tool, food, secrecy and what is kept close.
    ("The bandage is self-inflicted, if I'm honest.", "self_harm"),
    ("Is it strange to feel calm when I see my own blood?", "self_harm"),
    ("When it gets too much it's something sharp and the bathroom lock.", "self_harm"),
    ("I've started keeping the razor under my pillow again.", "self_harm"),
    ("I dug the compass point into my palm all through the lesson.", "self_harm"),
    ("I've been digging at my legs with a safety pin when I'm low.", "self_harm"),
    ("The old habit is back, the one with the scalpel.", "self_harm"),
    ("There's always a lighter in my bag, though I don't smoke.", "self_harm"),
    ("I skipped lunch because I hadn't earned it.", "self_harm"),
    ("On bad days I don't let myself eat at all.", "self_harm"),
    ("My shins are bruised from hitting them when I get things wrong.", "self_harm"),
    ("Every time I get a bad mark I punch myself in the head.", "self_harm"),
    ("I cut myself after the argument and I think it needs stitches.", "self_harm"),
    # Harm to others: what will happen, routines timed, questions about sentences.
    ("This is the last birthday he ruins, I mean that.", "harm_to_others"),
    ("I've been practising so I know how hard to push it in.", "harm_to_others"),
    ("I'll apologise in the exercise, but I've got other plans for him.", "harm_to_others"),
    ("i'm gonna pay him a visit he won't forget", "harm_to_others"),
    ("If he shows his face at the wake he won't be walking out on his own feet.", "harm_to_others"),
    ("that guy is not walking away from this, trust me", "harm_to_others"),
    ("I keep picturing pushing her down the stairs at work.", "harm_to_others"),
    ("They have no idea what's coming on Friday.", "harm_to_others"),
    ("How long do you get for GBH, roughly?", "harm_to_others"),
    ("I asked how to cut someone's brake lines without it being obvious.", "harm_to_others"),
    ("I've been timing how long she is in the car park on her own.", "harm_to_others"),
    ("I've been timing the walk to his flat from the station.", "harm_to_others"),
    ("I got hold of her work timetable last week.", "harm_to_others"),
    # Abuse: what someone does, checks or hides; what happens at home.
    ("To Mark in the rehearsal: you shoved me into the wardrobe last night.", "abuse_or_danger"),
    ("I can't say this to her for real. She'd hurt me.", "abuse_or_danger"),
    ("If he finds this app he'll go through my phone again.", "abuse_or_danger"),
    ("She reads my messages every night while I sleep.", "abuse_or_danger"),
    ("He hides the food so I have to ask.", "abuse_or_danger"),
    ("He raised his fist at me when I was late.", "abuse_or_danger"),
    ("He says no one else would want me, so I should be grateful.", "abuse_or_danger"),
    ("My husband doesn't like me talking to anyone at church.", "abuse_or_danger"),
    ("His parents say I bring shame on the house.", "abuse_or_danger"),
    ("She told me if I tell anyone, I'll be sent away.", "abuse_or_danger"),
    ("The texts describe exactly what I was wearing on the bus.", "abuse_or_danger"),
    ("I knew what was coming when I got home.", "abuse_or_danger"),
    ("I daren't find out what happens if I get home late.", "abuse_or_danger"),
    ("I have to ask permission to have a bath.", "abuse_or_danger"),
    ("He's back outside my work since the restraining order expired.", "abuse_or_danger"),
    ("He says our chats have to stay secret.", "abuse_or_danger"),
]
STILL_FOUND: list[str] = []
NOT_DISCLOSURES = [
    # Everyday senses of the same words.
    "ready to get off this ride fr, we queued for ages and i feel sick",
    "I have to ask permission to take holiday in August, which is fair.",
    "My daughter goes through everything with me when the bank statements come.",
    "My mum read my diary once and I was furious.",
    "I hide the car keys so Dad doesn't try to drive since his stroke.",
    "Plucking my eyebrows is basically self-inflicted torture.",
    "As a junior doctor I saw a teenager with self-inflicted cuts on nights.",
    "The viewpoint is right on the edge of the gorge but there's a good railing.",
    "She has no idea what's coming, we've booked the whole restaurant for her surprise.",
    "I've been sharpening the kitchen knives since I got a whetstone.",
    # Exams as a subject set, not one sat; idioms said for effect.
    "In my language exam I must write about suicide in society, can you help with words?",
    "if i fail this test im throwing myself into the sun lol",
    "Kill me now, it's Monday and the printer's jammed again.",
    "The Lord will call me home in His good time, and I'm in no rush.",
    # A "you" in a joke, and hurt feelings.
    "You killed me with that joke at dinner.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, [], [])

# A second pass over the same sets: medicine gathered, a self with no future, a look over the edge,
# a sharpener taken apart, an excuse with nothing behind it, a routine written down, knives sharpened
# since a letter came, a record of violence, control by devices and pictures, a bag kept packed.
SECOND_PASS_FOUND: list[tuple[str, str]] = [
    ("I emptied the tablets from every drawer and put them all in one box by the bed.", "suicidal_ideation"),
    ("i dont really see there being a me after this summer", "suicidal_ideation"),
    ("I won't be needing the new diary after Easter, let's say.", "suicidal_ideation"),
    ("I drove to the cliffs alone, just to look over.", "suicidal_ideation"),
    ("broke the sharpener apart in my room again", "self_harm"),
    ("The hair bobble on my wrist is not enough these days.", "self_harm"),
    ("Snapping the band round my wrist, like the nurse said, isn't enough any more.", "self_harm"),
    ("The scratches? I say it's from the brambles, but we've got no garden.", "self_harm"),
    ("I've written down what time he leaves and which bus he takes.", "harm_to_others"),
    ("I go there after work, just to sit and watch him.", "harm_to_others"),
    ("I've been sharpening the axe every evening since the hearing.", "harm_to_others"),
    ("I picture pushing him off the platform when the train comes in.", "harm_to_others"),
    ("He took my phone when he found I'd been texting my sister.", "abuse_or_danger"),
    ("This man online makes me send pics or he'll tell my school.", "abuse_or_danger"),
    ("I keep a bag packed at my sister's in case he kicks off.", "abuse_or_danger"),
]
SECOND_PASS_NOT = [
    "I put my shopping all in one bag to save on carrier bags.",
    "I'm going to Devon just to look over the cottage before we buy it.",
    "I got the new pencil sharpener open, it's one of those fiddly ones.",
    "The elastic band on the file is not enough to hold all the papers.",
    "We have no roses this year, the frost got them.",
    "I know what time she leaves, I give her a lift to work.",
    "I went to the match just to watch him play.",
    "I sharpen the kitchen knives every Sunday before the roast.",
    "We studied the history of the slave trade in year 9.",
]
SECOND_PASS_AS_OVER = [
    "Years ago I had a conviction for assault; I haven't been violent since 2009.",
    "In the eighties I smacked my kids far too hard. I stopped when my eldest was ten.",
]

test_second_pass_found, test_second_pass_reading = reading_tests(SECOND_PASS_FOUND, [], SECOND_PASS_NOT,
                                                                   SECOND_PASS_AS_OVER, [])


def test_a_dated_attempt_is_found_and_read_as_past() -> None:
    told = result("My attempt was in 2004, after the divorce. I'm well now.")
    assert told.outcome == "flag" and told.past_only


def test_an_exam_failed_is_no_lesson_but_an_exam_set_still_is() -> None:
    assert outcome("Every time I fail an exam I punch myself in the face.") == "flag"
    assert outcome("For my psychology exam I'm revising the warning signs of suicide.") == "none"


# A past said to have come back is current, anywhere in the message; what is carried after it is not.
CURRENT_AGAIN = [
    "I tried to end my life in 1995 and the same wish has returned these past weeks.",
    "The habit from my twenties has come back, the one with the razor.",
    "As a girl I pressed a pin into my arm when upset. I have done it every night since the funeral.",
]
STILL_OVER = [
    "I hit my brother once, in 1988. I have regretted it every day since.",
    "In my twenties I cut myself for a while. My wife helped me stop and I've been grateful every day since.",
]
# "Is it normal to ... when you ...?" asks about the speaker's own experience; a question put to the
# listener about themselves is still set aside.
ASKED_ABOUT_ONESELF = [
    "Quick one for the coach: is it normal to feel calm when you see your own blood?",
    "Is it normal to have to ask permission to eat in your own home?",
]
PUT_TO_THE_LISTENER = [
    "Have you ever thought about killing yourself?",
    "Is it normal for you to ask people if they want to die?",
]
# Someone who hurt the speaker as a child, told with the age, is more than hurt feelings: found in
# abuse, and read as past where the story is over. Hurt by what someone did, or with no age, stays
# feelings.
HURT_AS_A_CHILD = [
    "As a child my uncle hurt me. I am safe now, far from there.",
    "When I was about 9 my stepdad used to hurt me. He's long gone.",
]
HURT_FEELINGS = [
    "When I was ten my best friend hurt me by leaving me out of her party.",
    "He hurt me so much back then when he cheated.",
    "My sister hurt me last year, she never came to the wedding.",
]

test_third_pass_found, test_third_pass_reading = reading_tests(
    [(text, "abuse_or_danger") for text in HURT_AS_A_CHILD], ASKED_ABOUT_ONESELF,
    PUT_TO_THE_LISTENER + HURT_FEELINGS, STILL_OVER + HURT_AS_A_CHILD, CURRENT_AGAIN)
