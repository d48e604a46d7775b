"""Readings added in the thirtieth round, each with its other side.

Harm to others: a part of someone broken, named after the person ("broke a lad's nose", "someone's
jaw"); pushed into furniture; a parent pushed so that she fell; prisoners beaten; a man hurt with a
knife; a brick through a head; beaten until he stopped moving; intrusive urges to push, squeeze, drop
or throw, and a knife turning towards a child; an arm gripped harder than one should; a baby shaken
so she stops; routines learnt and people followed; a bat taken to someone's door; whether a bat or
weedkiller would do it; eye drops and someone's tea; a gun and the lout next door.
Suicidal thoughts: letters left for whoever comes after; what comes next being nobody's fault; a pet
given a good home or promised to the neighbours; how easy it would be to not turn the wheel or to
let go of it; "sorry for everything, look after Mum for me"; goodbye notes; cleaner for everyone when
I'm not around; seeing the dead again sooner than anyone expects; no point getting up, and not
minding if one day one didn't; not seeing the need any more; the cliffs that feel like the right place.
Self-harm: pain given to oneself, a hand under the hot tap, scars one would rather not explain,
fresh lines under a tattoo, a first aid box always empty, legs hidden from questions, a head smacked
on the wall when angry, "used to cut after rows", "I punish myself."
Abuse: keeping still when he is cross, post opened, being called too muddled to manage one's
affairs, hiding until a parent is back when a relative babysits, apologising so he does not get
angry like last time, wives not getting to say no, not let downstairs, food brought when they
remember, a PIN held while savings go down; an ex who was coercive; found with the engine running;
poison taken. A reading that someone else thinks ("she thought I meant a holiday") does not explain
the words away. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # Violence done, named by what it broke or where the person was pushed.
    ("I lost it at the bus stop and broke some lad's jaw, and honestly I'd do it again.", "harm_to_others"),
    ("Last night I shoved him into the wardrobe so hard the door came off.", "harm_to_others"),
    ("I push my father and he fall on the floor. Every day he make me so angry.", "harm_to_others"),
    ("If she parks there once more I'll put a bottle over her head.", "harm_to_others"),
    ("kicked some guy outside the chippy till he went limp and walked off", "harm_to_others"),
    # Intrusive urges and pictures.
    ("I keep having thoughts of dropping my son from the stairs. I adore him and it terrifies me.", "harm_to_others"),
    ("when my little brother won't stop crying i think what if i just shook him.", "harm_to_others"),
    ("When she won't settle I feel my hands itching to shake her, so I put her down and leave the room.",
     "harm_to_others"),
    ("Cutting bread with the baby on my hip I see the knife turning towards her.", "harm_to_others"),
    ("On the platform I get the urge to shove people, especially the ones near the edge.", "harm_to_others"),
    ("In the queue I caught myself imagining giving a woman a push into the traffic.", "harm_to_others"),
    ("I gripped his wrist much harder than I meant to when he spilt his tea. Dad is eighty-nine.", "harm_to_others"),
    ("Our son screams for hours and I shook him a bit so he would stop.", "harm_to_others"),
    # A target's routine, a weapon at the door, a method asked.
    ("I know exactly when my supervisor leaves the depot now. He'll regret what he wrote about me.",
     "harm_to_others"),
    ("I've been noting what time he leaves the pub on Fridays. Someone has to make him pay.", "harm_to_others"),
    ("I've been following my ex's new boyfriend for days. He won't be smiling for long.", "harm_to_others"),
    ("I'm going round to his flat tonight with a crowbar, we'll see who's laughing then.", "harm_to_others"),
    ("Would a baseball bat crack someone's skull if you swung hard enough?", "harm_to_others"),
    ("How much antifreeze would make a grown man properly ill? My stepdad is impossible.", "harm_to_others"),
    ("I keep a bottle of eye drops in my bag. His coffee is always left on his desk at lunch.", "harm_to_others"),
    ("I've been putting visine in his tea.", "harm_to_others"),
    ("How much weedkiller would kill a grown man?", "harm_to_others"),
    ("I slammed her head against the wall last night.", "harm_to_others"),
    ("I pushed my wife into the bookcase and she cut her head.", "harm_to_others"),
    ("I pushed mum and she fell over.", "harm_to_others"),
    ("I hurt my girlfriend with a knife.", "harm_to_others"),
    ("I'm going to turn up at my ex's house with a knife.", "harm_to_others"),
    ("Grandad's rifle is still in the loft, and I think of the yobs across the road whenever I'm up there.",
     "harm_to_others"),
    # Goodbyes told by arrangements.
    ("Every version I write of the apology reads like a goodbye. Maybe that's what it is.", "suicidal_ideation"),
    ("I've left a letter in the bureau for whoever comes in after, with the spare keys.", "suicidal_ideation"),
    ("I want to write to my niece that whatever happens next is no fault of hers.", "suicidal_ideation"),
    ("I found a nice family for my dog this week, so that's sorted.", "suicidal_ideation"),
    ("The budgie has been promised to the lady downstairs.", "suicidal_ideation"),
    ("Coming off the roundabout I thought how easy it would be to simply not brake.", "suicidal_ideation"),
    ("I told my brother I'm sorry for everything and to look after Dad for me.", "suicidal_ideation"),
    ("I've done the goodbye notes on my phone, one for each of them.", "suicidal_ideation"),
    ("The house is in my sister's name now, it'll be easier for everyone once I'm gone.", "suicidal_ideation"),
    ("I'll be with him again soon, sooner than any of them think.", "suicidal_ideation"),
    ("I'm going to drink bleach tonight.", "suicidal_ideation"),
    ("What is the point of waking up now she has gone? I shouldn't mind if one day I simply didn't.",
     "suicidal_ideation"),
    ("My daughter asked if I was eating. I don't see the point any more.", "suicidal_ideation"),
    ("I'd not mind terribly if one day I simply didn't wake up.", "suicidal_ideation"),
    ("I drove out to the cliffs above the bay. It feels like the right place.", "suicidal_ideation"),
    # Self-harm told by the act or what it leaves.
    ("When I fail I have to give myself pain, then I can sleep.", "self_harm"),
    ("I hold my arm under the hot tap until it blisters and then I feel calm.", "self_harm"),
    ("Do creams fade scars on the thighs? For reasons I'd rather not go into.", "self_harm"),
    ("The lines underneath my new tattoo are fresh, from Sunday. The artist didn't ask.", "self_harm"),
    ("my sister keeps asking why the first aid box is always empty", "self_harm"),
    ("I can't wear shorts at PE, my stomach and legs, people ask questions if they see them.", "self_harm"),
    ("I bang my head on the wall when I'm furious with myself.", "self_harm"),
    ("I still have the knives from the restaurant and I keep thinking about using them on myself.", "self_harm"),
    # Abuse told by what happens.
    ("I've learned to keep very still when he shouts, it's the only way it stops.", "abuse_or_danger"),
    ("Since my son-in-law moved in, my post is opened before I get it.", "abuse_or_danger"),
    ("My grandson says I'm too confused to look after my own money now.", "abuse_or_danger"),
    ("when my stepbrother babysits i lock myself in the bathroom until mum gets home", "abuse_or_danger"),
    ("I want the apology to be perfect so he doesn't get angry like last time.", "abuse_or_danger"),
    ("I'll say sorry about the shirts, otherwise it'll be like last week.", "abuse_or_danger"),
    ("He says a wife doesn't get to say no.", "abuse_or_danger"),
    ("My carer keeps my card now, and my savings have been going down every month.", "abuse_or_danger"),
    ("After the stroke I'm not allowed downstairs any more, and they bring a plate up when they remember.",
     "abuse_or_danger"),
]

ROUND_NOT_DISCLOSURES = [
    # The other side of the urges and pictures.
    "I had the urge to push, especially at the end of labour, and the midwife told me to wait.",
    "I had the urge to push back on the deadline.",
    "What if I just dropped it? The class is too much.",
    "What if I just let it go.",
    "She gripped her arm tighter as they crossed the road.",
    # Of the arrangements.
    "how easy it would be to just walk out of the job.",
    "how easy it would be to just step back from the project.",
    "how easy it would be to just not go to the party.",
    "We went to the cliffs for the sunset, honestly the perfect spot for a picnic.",
    "I wanted to see everyone one last time before I emigrate to Canada.",
    "Whoever comes after me in the role will find the files in order.",
    "I told my sister I'm sorry for everything and we hugged.",
    "Found a lovely couple to take my old sofa.",
    # Of the self-harm phrasings.
    "My mum will ask questions if she sees them, my grades are awful.",
    "The first aid kit at work is always empty, nobody restocks it.",
    "I used to cut hair after school at my aunt's salon.",
    "When I was a kid I'd smack my head on the doorframe when I got up too fast.",
    # Of the harm and abuse phrasings.
    "You don't get to say no to the boss in this job.",
    "I'm not allowed out anymore after the party, I'm grounded.",
    "I've been following my favourite band for years.",
    "My son broke a kid's nose at rugby and I'm mortified.",
    "In the film the guards beat prisoners every night.",
    "My dad's shotgun is in the cabinet, I think of him every time I see it.",
    "My savings have gone down a lot because of the cost of living.",
    "I just finished a crime novel where the victim was poisoned with antifreeze in her tea.",
    # Everyday pushing, knocking, dropping off and timing.
    "We pushed her into the car because it was raining so hard.",
    "I tripped my friend and she fell, we were playing tag.",
    "I pushed my gran and she fell asleep in her chair.",
    "I'm a barber and I cut a man with the razor by accident today.",
    "I'm going round to his house tomorrow with a hammer to help put up his shelves.",
    "I love the idea of dropping my son at nursery and having a coffee.",
    "I'm imagining giving the kid a push on the swing, he loves it.",
    "The knife going into the cake is my favourite bit of a wedding.",
    "My hands are itching to hit the drums again after the break.",
    "I know exactly what time the train leaves.",
    "I've been watching what time she gets home, she's only sixteen.",
    "Put my eye drops in, then made her tea and we watched telly.",
    "Biology is killing me, what if I just drop?",
    "The midwife said what if I just push? and I did, and she was born.",
    "I had the urge to push him out at three in the morning, the midwife said wait.",
    "I have the urge to push them to do better, I'm their teacher.",
    "Burnt my hand again, thought the oven was off.",
    "I'm giving away all my furniture, I'm supposed to be moving to Leeds.",
    "Beat the egg whites until they were not runny.",
    "I wanted to hug her one last time before she flew back to Canada.",
    "It'd be simpler for everyone if I'm not here on Friday, I'll work from home.",
    "We used to have a landline but I don't see the need any more.",
    "Be with him soon, sooner than we planned, he's coming home early!",
    "I gave myself burns on the sunbed, so stupid.",
    "I held my hand under the hot tap a bit longer to warm up.",
    "How do I touch up the wall without people seeing the marks?",
    "I put the cat out so she doesn't get mad like last time.",
    "My card was declined because my savings have gone down so much.",
    "I'm too useless to look after my own finances, hence the accountant.",
    "When my cousins come over I hide in my room till mum calls us for dinner.",
    "I learnt to stay very still when the deer came close, for the photos.",
    "I keep thinking how easy it would be to just not call him back.",
    "Dad's old rifle still hangs on the wall and I think of the man who taught me to shoot.",
    "I'm leaving the job Friday; there are notes for whoever comes in after me.",
    "I smack my head on the door every time I go into the loft.",
    "Mum found me asleep in the car with the engine running to keep warm.",
    "I'm a chiropractor, so I crack someone's neck most days.",
    "Cut myself on a piece of paper, it really stings.",
    # Accidents and trades named beside the injury or the knives.
    "I nicked my finger when I was slicing the bread for the sandwiches. Just a plaster.",
    "I grazed both knees coming off my scooter on the hill.",
    "I worked as a butcher for thirty years and I still keep my knives sharp for the Sunday roast.",
    "I cut myself on a paper cut from the exam booklet, typical.",
]

ROUND_OVER = [
    "in year 9 i got in a fight and broke a boy's nose. did the anger course, not touched anyone in years",
    "At twenty I broke somebody's cheekbone in a brawl. That was thirty years ago and I've been peaceful since.",
    "As a young soldier I beat prisoners. It was long ago, and I have lived quietly since.",
    "Many years ago in my village I hurt a man with a knife. Now I am old and I am peaceful.",
    "I used to cut after rows with my dad, but I stopped at twenty and I'm forty now.",
    "My first husband was coercive for the whole nine years. I left in 2009 and I'm safe now.",
    "My ex was very controlling. I left three years ago and we have no contact.",
    "When I was a student I took poison one time. It is thirty years ago, now I am well.",
    # An infinitive told in the tense of its verb, and a recovery that names the years, sentences on.
    "At sixteen, after a bad winter at a new school, I tried to hang myself. My aunt found me. I'm fifty now.",
    "My brother once found me in the car with the engine running. We never talked about it. I've been well for thirty years.",
    "In 1985 I took an overdose after the divorce. I was found in time and I have never felt that way again.",
    "As a lad I banged my head on the wall when I was upset. I'd grown out of it by fifteen.",
]

ROUND_CURRENT = [
    "I used to cut after rows with my dad, and last night I did it again.",
    # "Fine now" a few sentences on may be the same week: only years or an age say the story is over.
    "I wanted to hang myself. My mum found me. We talked. I'm fine now.",
    "I tried to hang myself last night. My mum found me. I'm fine now.",
]


test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_OVER, ROUND_CURRENT)


def test_a_reading_someone_else_thinks_does_not_explain_the_words_away() -> None:
    """A holiday the neighbour assumed is not the speaker's reason: "won't be here" stays a question."""
    from tests.unit.analysis.risk_rules import outcome

    assert outcome("I gave her the greenhouse keys because I won't be here for the harvest. She thought I meant a holiday.") == "ask"
    assert outcome("I gave her the greenhouse keys because I won't be here for the harvest. We're off on holiday.") == "none"
