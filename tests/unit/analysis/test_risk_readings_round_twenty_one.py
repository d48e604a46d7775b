"""Readings added in the twenty-first round, from the development sets' explicit disclosures that the
rules alone missed and from the classes of their veiled ones (answers inside the exercises; harm and
abuse told indirectly; veiled ideation in ordinary lives): absence and burden in fresh words; self-harm
told by what hides it, by the tool and the place, or by a relapse; threats told by what will happen,
by knowing someone's routine or by a weapon at hand; poisoning and harm in someone's care; abuse told
by what happens (locked in, watched, money and telephones taken); and the bugs that set disclosures
aside (a fronted "who I'm going to kill", "hell" for he'll, a member of staff read as a thing, "when I
make a mistake" read as an accident, needing stitches read as one, a plan beside exasperation's
formula). Each with its other side. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import outcome, reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # Absence, endings and burden.
    ("I won't be around to tell her myself, so please say it in the rehearsal.", "suicidal_ideation"),
    ("I'm not sure I'll still be here for my birthday in March.", "suicidal_ideation"),
    ("I rather think I have outstayed my welcome on this earth.", "suicidal_ideation"),
    ("There is a letter in the drawer, for her to read afterwards.", "suicidal_ideation"),
    ("I am tired of the whole journey, and ready for it to finish.", "suicidal_ideation"),
    ("My papers are sorted so everything is in order for the family.", "suicidal_ideation"),
    ("I think jumping would fix the rent and everything else in one go.", "suicidal_ideation"),
    ("honestly everybody'd be better off", "suicidal_ideation"),
    ("At least they wouldn't have to put up with me anymore.", "suicidal_ideation"),
    ("I stood on the bridge and thought it looked peaceful down there.", "suicidal_ideation"),
    ("I'd just quietly not be around any more.", "suicidal_ideation"),
    ("no point revising bc i won't be here", "suicidal_ideation"),
    ("After this weekend I will not need my savings.", "suicidal_ideation"),
    ("Maybe it is better to stop everything.", "suicidal_ideation"),
    ("My family will not see me again, I have decided.", "suicidal_ideation"),
    ("I lie awake thinking about how I will die.", "suicidal_ideation"),
    ("I'm going to put an end to it with the pills in the bathroom cabinet.", "suicidal_ideation"),
    # Self-harm: what hides it, the tool and the place, the relapse.
    ("I wear a chunky watch to cover it up at work.", "self_harm"),
    ("I pick places on my legs that nobody can see.", "self_harm"),
    ("The rubber band trick stopped working last month.", "self_harm"),
    ("My husband doesn't know about the cutting.", "self_harm"),
    ("What's the best way to hide cuts for the wedding?", "self_harm"),
    ("Most of the bruises are ones I give myself.", "self_harm"),
    ("I used my compass again last night, on my thighs.", "self_harm"),
    ("I've gone back to my old ritual, the one with the razor.", "self_harm"),
    ("Then I do something I shouldn't with the kitchen knife.", "self_harm"),
    ("I ended up sat in the bath with the blade again.", "self_harm"),
    ("i did the sh again after school", "self_harm"),
    ("haven't been clean for a week now", "self_harm"),
    ("I wanted to cut and I did.", "self_harm"),
    ("still cutting most weekends", "self_harm"),
    ("I held the hot spoon to my wrist until it blistered.", "self_harm"),
    ("I made sure it hurt enough to drown out the noise.", "self_harm"),
    ("I've been cruel to my own body since the funeral.", "self_harm"),
    ("I skip my insulin on purpose when I've let people down.", "self_harm"),
    ("I scrub my arms with a wire brush until they bleed.", "self_harm"),
    ("I began again the scratching after the exam.", "self_harm"),
    ("I keep my sleeves down even in the heat, for my own reasons.", "self_harm"),
    ("Mum saw the blood and I told her it was a nosebleed.", "self_harm"),
    ("i cut again last night, deeper than usual, think it needs stitches", "self_harm"),
    ("Every night I am slapping myself on my face when I make mistake.", "self_harm"),
    # Harm to others: fronted, told by what will happen, by a routine, by a weapon at hand.
    ("Her ex, who I'm going to kill, is back in town.", "harm_to_others"),
    ("gonna k*ll her stupid new bf fr", "harm_to_others"),
    ("He'll learn when I have finished with him.", "harm_to_others"),
    ("Next time I won't stop at shouting.", "harm_to_others"),
    ("I'll make them quiet forever, the lot of them.", "harm_to_others"),
    ("After Friday he will never laugh at me again.", "harm_to_others"),
    ("we are planning what happens to him after the match", "harm_to_others"),
    ("he deserves whatever he gets and I'll be the one giving it", "harm_to_others"),
    ("She'll find out what that costs her.", "harm_to_others"),
    ("I keep thinking of driving my van at him when he crosses.", "harm_to_others"),
    ("I threatened my cousin with a knife at the party.", "harm_to_others"),
    ("I know the route he walks home from the pub.", "harm_to_others"),
    ("I've been keeping notes on his routine since he moved in.", "harm_to_others"),
    ("I sit and watch them from the window with my rifle on my lap.", "harm_to_others"),
    ("I've worked out the angle from the loft to his parking space.", "harm_to_others"),
    ("I'm going to put antifreeze in his drink at the barbecue.", "harm_to_others"),
    ("Which poisons are hard to detect in coffee?", "harm_to_others"),
    ("I give her more of her pills than the doctor prescribed so she sleeps.", "harm_to_others"),
    ("I hold the insulin pen and think about how little it would take.", "harm_to_others"),
    ("I shook the cot hard last night and scared myself.", "harm_to_others"),
    ("I'm going to do him some serious harm on Saturday.", "harm_to_others"),
    ("I will break his car and his nose too.", "harm_to_others"),
    ("the lad who grassed is getting jumped on friday", "harm_to_others"),
    ("I've got the bat in my bag and I'm using it on them after school.", "harm_to_others"),
    ("I've thought about how to make him stop breathing.", "harm_to_others"),
    ("I sharpen my knife every evening and I wait.", "harm_to_others"),
    ("I know exactly what I'll do to him when he gets out.", "harm_to_others"),
    ("I have made arrangements regarding him.", "harm_to_others"),
    ("I've still got a key to her flat that I copied.", "harm_to_others"),
    # A Christmas do named is no surprise being planned.
    ("Since the Christmas do I keep a notebook of where he goes and when he's alone.", "harm_to_others"),
    ("If she shouts once more I'll strangle her. I've worked out exactly how.", "harm_to_others"),
    # Abuse told by what happens.
    ("A member of staff slaps me when I'm slow at breakfast.", "abuse_or_danger"),
    ("my stepdad said hell kill me if i say anything", "abuse_or_danger"),
    ("I get shut in the spare room if I answer back.", "abuse_or_danger"),
    ("She's put a lock on the fridge.", "abuse_or_danger"),
    ("I apologise on my knees to stop things getting worse.", "abuse_or_danger"),
    ("He waits till mum's at work and then comes in.", "abuse_or_danger"),
    ("I pretend I'm asleep when he opens my door.", "abuse_or_danger"),
    ("I'm wearing a polo neck today for a reason.", "abuse_or_danger"),
    ("I'm always the one who pays for that.", "abuse_or_danger"),
    ("We were hit most days as children and nobody asked.", "abuse_or_danger"),
    ("He kept me a prisoner in that flat.", "abuse_or_danger"),
    ("I'm frightened of the night carers.", "abuse_or_danger"),
    ("If I say no he becomes very dangerous.", "abuse_or_danger"),
    ("I'm scared to go back home tonight.", "abuse_or_danger"),
    ("I tell everyone I fell. I'm not clumsy.", "abuse_or_danger"),
    ("Last time I couldn't sit down properly for days.", "abuse_or_danger"),
    ("My son collects my pension and I never see my money.", "abuse_or_danger"),
    ("He decides who I can see.", "abuse_or_danger"),
    ("The carer is gentle in front of my daughter, but she is rough when they leave.", "abuse_or_danger"),
    ("My nephew has taken away my telephone.", "abuse_or_danger"),
    ("They moved the call bell out of my reach.", "abuse_or_danger"),
    ("He tells me I mustn't mention it to anyone, and I keep sending money.", "abuse_or_danger"),
    ("A man online asks that I tell no one about our investments.", "abuse_or_danger"),
    # A past told as the past is still found (and read as past elsewhere).
    ("When I was small my stepfather used to hit me back in junior school.", "abuse_or_danger"),
    ("In the eighties the housemaster beat us with a cane.", "abuse_or_danger"),
]
STILL_FOUND = [
    # Giving belongings away stays a sign when the others' reading is "decluttering".
    "I've been giving my things away to my friends. They think I'm just decluttering.",
]
NOT_DISCLOSURES = [
    # Driving is done in a car; a razor for shaving; a cut on glass; a risky hobby.
    "My dad taught me to drive in the supermarket car park on Sundays.",
    "nicked my chin shaving, these cheap razors are awful",
    "I was scared I'd cut myself on the broken glass so I swept it up.",
    "My wife says I'll kill myself on that motorbike one day.",
    # Reasons and readings: a tattoo, a request, a dark street, a hospital stay, a team.
    "I keep my arm covered in jumpers till mum gets used to the idea of the tattoo.",
    "My son took over my bills at my own request and I'm glad of it.",
    "I'm afraid to go home late because the lane has no street lights.",
    "Before the operation I said my goodbyes to the dog, since I'll be kept in for a week.",
    "I wrote a goodbye letter to my old team, it was my last day at the firm.",
    # Relief, joking and hurt feelings.
    "Paying off the card felt like a weight off.",
    "My colleague said 'I'll murder you' when I ate his biscuit, is joke between us.",
    "I was hurt when she forgot my birthday.",
    "You hurt me so much when you didn't come to the christening.",
    # Fiction, sport, practising a calm talk, pets and everyday goodbyes.
    "I'm writing a thriller. Today I had to look up how much foxglove it would take, for the plot.",
    "Took a punch to the face at boxing last night, coach says I'm improving.",
    "I want to practise a calm conversation for when I see him on Sunday, he's been low.",
    "The vet gave our old cat the injection to sleep forever, we all cried.",
    "Since I retired I've been sorting the garage, the bikes can go to my grandsons.",
    # The same words in an everyday sense.
    "I won't be around to help with the move, I'm on a course that week.",
    "Everyone would be better off if the council fixed the roads.",
    "I'm ready to get off this train, it's been a long journey to Inverness.",
    "I wear a watch to cover the time, I'm always late otherwise.",
    "My son keeps his routine, he walks the dog at seven.",
    "I'm preparing something for her birthday, a surprise.",
    "We're planning a surprise party. I know the route she takes home, so we'll be ready.",
    "She's going to find out what that dress costs her at the till.",
    "I pretend I'm asleep when my flatmate wants to chat at midnight, haha.",
    "I'm always the one who pays for the taxi.",
    "She takes my glasses off me when I fall asleep in the chair.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, [], [])

# A second pass over the same sets: whereabouts and routines known, hands and pillows in someone's
# care, pain promised, poison with no pests, abuse at home told without a person as the subject,
# self-harm told by its marks or by what it is said not to be from, a streak started again.
SECOND_PASS_FOUND: list[tuple[str, str]] = [
    ("I know which window is hers now.", "harm_to_others"),
    ("I know his work schedule better than he does.", "harm_to_others"),
    ("I've worked out when she walks home alone.", "harm_to_others"),
    ("I've been keeping a folder on him since the tribunal.", "harm_to_others"),
    ("I watch the house every night from the bus stop.", "harm_to_others"),
    ("I've kept a spare key to his flat.", "harm_to_others"),
    ("Some nights I stand over her with a pillow.", "harm_to_others"),
    ("When he screams I put my hand over his mouth.", "harm_to_others"),
    ("He'll find out what real pain is.", "harm_to_others"),
    ("Next week I go to talk with him, not with words.", "harm_to_others"),
    ("I've been carrying a blade in my coat, just in case he starts again.", "harm_to_others"),
    ("I will poison the lot of them.", "harm_to_others"),
    ("What wouldn't show up in someone's tea?", "harm_to_others"),
    ("I bought rat poison, but we have never had rats.", "harm_to_others"),
    ("The bathroom gets locked from the outside at night.", "abuse_or_danger"),
    ("I must be very quiet when he gets home.", "abuse_or_danger"),
    ("He hides my shoes so I can't leave.", "abuse_or_danger"),
    ("I have to explain everything I buy.", "abuse_or_danger"),
    ("My stepmum makes me share my location all day.", "abuse_or_danger"),
    ("He says I owe him pics now.", "abuse_or_danger"),
    ("The lines on my wrist are new.", "self_harm"),
    ("I tell the nurse the marks are from the cat. They are not from the cat.", "self_harm"),
    ("I keep pressing my nails into my palm until it bleeds.", "self_harm"),
    ("Two months clean and now I'm counting from zero again.", "self_harm"),
    ("I don't think I'll be needing them after June.", "suicidal_ideation"),
    ("Nobody would notice if I wasn't here anymore.", "suicidal_ideation"),
    ("It would be simpler just not to wake up.", "suicidal_ideation"),
]
SECOND_PASS_NOT = [
    "I know which car is his, the red one, so I'll leave the present on the bonnet. It's a surprise party.",
    "I watch the house every weekend for my neighbour while she's abroad.",
    "I carry a pocket knife for fishing, just in case the line snags.",
    "We bought slug pellets because the lettuces were eaten again.",
    "The tan lines on my arms are ridiculous this year.",
    "The scratches are from the cat, she hates her carrier.",
    "I don't think I'll be needing the winter coats in Spain.",
    "My mum has to be very quiet when the baby sleeps.",
]

test_second_pass_found, test_second_pass_reading = reading_tests(SECOND_PASS_FOUND, [], SECOND_PASS_NOT, [], [])


def test_a_plan_beside_exasperations_formula_is_meant():
    assert outcome("If he shouts at me once more I'll kill him. I've worked out exactly how.") == "flag"
    # The formula alone stays a figure of speech.
    assert outcome("If he shouts at me once more I'll kill him.") == "none"


def test_still_cutting_and_wanting_to_and_doing_it_flag():
    assert outcome("honestly i just wanted to cut and i did. still cutting most nights") == "flag"
    # Still cutting the hedge is gardening.
    assert outcome("I'm still cutting the hedge, it's huge.") == "none"
