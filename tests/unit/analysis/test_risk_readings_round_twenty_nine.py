"""Readings added in the twenty-ninth round, each with its other side.

Structure: a cover story asked for is no fiction, though a novel's is; "sober twenty-two years" says
the past is over; a play named as one is a setting whatever the tagger makes of "play", while a play
area, or coming home from a match or a play, is only a place or a time (for harm to the speaker;
"I'll kill him when he gets back from football" stays a figure); "teach him a lesson" is no lesson
at school; one of a group that did it ("I was part of a group that jumped a kid") did it; a
participle after a comma does what its clause's subject does ("I bullied my cousin, hitting him"),
but not an opening one in a chat message nor one after a seen person ("I can hear him smashing
plates"); "hit my mum and me" names the speaker even where the parser loses "me"; an object after
an infinitive does not control it.

Phrasings: getting someone on their own, a group bringing pipes or hoods up, where the cameras do not
reach, menace ("not getting away with it", "not just words"); poison that would not show up and
medicines to make a heart give out; brakes tampered with; calm only after seeing blood, how deep is
too deep, cuts that need stitches or scar in the same place, more than the dose on purpose, blades
hidden from a partner, bloody tissues with a blade found; switched off or the lights out for good;
home not safe, who one may talk to controlled, a phone gone through, a dormitory entered at night,
made to sleep outside or sit on a lap; a sentence served for a stabbing; pills swallowed; hair pulled
out to bald patches; "imma"; "smack"; a pillow held down. Set aside: "dead to her", "without smothering
her", a battle royale, a butter knife, a knife bought to cut a carpet, threats laughed off in a family.
A review of the round narrowed each set-aside and phrasing that would have hidden a disclosure or
alarmed on ordinary talk; both sides are below. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import category, outcome, reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # A cover story asked for: the word "story" is the cover.
    ("Can you help me make up a story that sounds like a normal accident, for the bruises I did myself?", "self_harm"),
    # A play area, or coming home from a match or a play, is where or when, not what is acted.
    ("In the play area my brother hits me when mum isn't looking.", "abuse_or_danger"),
    ("He hits me when we get home from the football.", "abuse_or_danger"),
    ("He hits me when we get home from the play.", "abuse_or_danger"),
    # Harm planned with others, or someone got alone.
    ("How do I get him on his own without his mates around? I need to have words, and not just words.", "harm_to_others"),
    ("Me and my brothers will go round on Sunday to teach him a lesson. We're bringing metal bars.", "harm_to_others"),
    ("I'll be waiting by the school gates on Monday, then we follow him round the corner to where the cameras can't see.",
     "harm_to_others"),
    ("She's not getting away with it, I'll be waiting for her behind the gym after school.", "harm_to_others"),
    ("We're planning how to get the new boy after the match, he's gonna get it proper.", "harm_to_others"),
    ("I've looked up what you could put in someone's coffee that wouldn't show up afterwards.", "harm_to_others"),
    ("I've been reading which pills would make my stepfather's heart give out.", "harm_to_others"),
    ("I've watched a video on how to loosen the brake cables on his van.", "harm_to_others"),
    ("imma batter my cousin when i see him", "harm_to_others"),
    # Self-harm told by what it brings, asks or hides.
    ("Only when I see the blood do I feel calm again, and then I can sleep.", "self_harm"),
    ("honestly how deep is too deep", "self_harm"),
    ("Which cut needs stitches? I really don't want to explain at A&E.", "self_harm"),
    ("How can I stop a cut scarring if I do it in the same place every week?", "self_harm"),
    ("Some evenings I take more than the dose of paracetamol on purpose.", "self_harm"),
    ("I get the razor blades sent to my work so my wife doesn't see the parcels.", "self_harm"),
    ("My flatmate found bloody tissues in the bin with a blade inside them.", "self_harm"),
    # Suicidal thoughts told as being switched off.
    ("Sometimes I just want to switch myself off for good.", "suicidal_ideation"),
    ("I'm ready for the lights to go out for me.", "suicidal_ideation"),
    ("We have a saying about closing your eyes for good, and I think about it for myself.", "suicidal_ideation"),
    ("I shan't be bothering anyone after next week.", "suicidal_ideation"),
    # Abuse told by what happens.
    ("I sleep at my aunt's when I can because home isn't safe when he drinks.", "abuse_or_danger"),
    ("My husband controls who I talk to and goes through my phone every night.", "abuse_or_danger"),
    ("My stepdad makes me sit on his lap and I hate it.", "abuse_or_danger"),
    ("My mum's boyfriend makes me sleep in the garden if I'm late.", "abuse_or_danger"),
    ("my dad used to hit my mum and me but we're ok now", "abuse_or_danger"),
    # The other side of each set-aside, from a review of the round (recall first).
    ("Dad hit me and I told my teammate.", "abuse_or_danger"),
    ("My brother's battle pass ran out so he punched me in the face.", "abuse_or_danger"),
    ("My parents are away this weekend, planning to finally end it on Saturday.", "suicidal_ideation"),
    ("Dad hits me if I let her play on his phone.", "abuse_or_danger"),
    ("I just want to be dead to the world and never wake up.", "suicidal_ideation"),
    ("I tell my mum I'll strangle her in her sleep, which she knows is a joke. Last night I stood over her bed for an hour.",
     "harm_to_others"),
    ("I burnt my hand on the hob and held it there until I couldn't feel anything.", "self_harm"),
    ("I bought a Stanley knife to cut the carpet but I've been using it on my arms.", "self_harm"),
    ("I keep the bread knife under my pillow for when I finally do it.", "suicidal_ideation"),
    ("Sometimes I want to kill my kids and me, it would be kinder.", "harm_to_others"),
    ("I was in a gang that beat me half to death when I tried to leave.", "abuse_or_danger"),
    ("I'm going to teach that bastard a proper lesson and stab him tonight.", "harm_to_others"),
    ("I was holding the pillow down, not smothering him exactly, just until he stopped crying.", "harm_to_others"),
    # Phrasings from dev82.
    ("I want out for real. Not out of my job. Out of being alive.", "suicidal_ideation"),
    ("i wanna vanish and not in a holiday way", "suicidal_ideation"),
    ("Lately I keep thinking about what my family will do afterwards.", "suicidal_ideation"),
    ("I could lift that burden off them for good, I know how.", "suicidal_ideation"),
    ("Nothing feels real, so I have made a plan to go.", "suicidal_ideation"),
    ("How much ibuprofen is the amount that can't be reversed?", "suicidal_ideation"),
    ("I get the urge to drive into the crowd outside the station every morning.", "harm_to_others"),
    ("I've got the rat poison ready and I know which mug is her tea.", "harm_to_others"),
    ("I sharpen the axe in the yard when he's home so he can see me.", "harm_to_others"),
    ("I've written down their addresses and worked out the bus routes they take home.", "harm_to_others"),
    ("When I bath him I get pictures of just letting go.", "harm_to_others"),
    ("I need a believable story for the beach that isn't what's underneath my sleeves.", "self_harm"),
    ("He's getting what he deserves for that project: I'll hit him with my car on Monday.", "harm_to_others"),
]

ROUND_NOT_DISCLOSURES = [
    "In my novel the girl asks her friend to help make a story that sounds like a normal accident.",
    "In the school play my brother has to slap me and I hate rehearsing it.",
    "After the film ends, the villain kills her.",
    "We lost the football and he hit me in the tackle.",
    "My son trod mud all over the carpet. I'll kill him when he gets back from football, ha.",
    # Idioms and everyday knives, hobs and games.
    "My girlfriend said I'd be dead to her if I forgot our anniversary. I didn't!",
    "How do I support my friend without smothering her?",
    "Battle royale last night and my squad mate said he'd murder me if I took his loot.",
    "I used a Stanley knife to cut the carpet and nicked the skirting board.",
    "my mum is gonna kill me i dyed my hair green",
    "I told my brother 'I'll break your neck' when he took my bike. It is normal in our family, we laugh.",
    # A lesson at school, a seen person's act, a group one is not in, a care question met at work.
    "We had a lesson on suicide prevention in PSHE.",
    "I was attacked by a gang that jumped a kid last year.",
    "I'm a nurse, and which cut needs stitches is something I decide every day.",
    "This spreadsheet makes me want to pull my hair out.",
    # Ordinary talk the round's new phrasings must leave alone.
    "I swallowed my pride and called her.",
    "I downed a pint and went home to bed.",
    "I got the tickets for the murder mystery night at the pub.",
    "Work has been mad, I just need to switch off for a few days.",
    "I'm going to close my eyes for a bit before the kids get home.",
    "We're checking out early from the hotel tomorrow to catch the flight.",
    "My landlord is not getting away with this, I'll get him on his own and tell him straight.",
    "We waited at the bus stop with our hoods up because it was freezing.",
    "Now that he's moved out, home is safe again and I can breathe.",
    "Our housemaster came into the dormitory at ten to do lights out.",
    "These new tablets make me sleep in until ten every morning.",
    "My son's cut needs stitches, should I take him to A&E?",
    "How deep is too deep for a toddler's paddling pool?",
    "We do it in the same place every year, a little picnic by the lake.",
    "How can I stop a cut from scarring? I caught my hand on a nail.",
    "I always sweep up the hair after I cut, it gets everywhere.",
    "What can I put in his tea that would be nice for his sore throat?",
    "The lesson on suicide today was really heavy.",
    "he stabs her in the play",
    "My friend joked she will strangle me because I told her boyfriend about the surprise party.",
    "mr hughes is gonna murder us if we dont finish the coursework",
    "I've threatened to poison his porridge for fifty years and he still eats every spoonful.",
    "I've been burning the candle at both ends with the grandchildren.",
    "In Polish we say 'I will kill you' to naughty children, like a joke.",
    "I'm moving into a care home next week, my own choice, and I want to say goodbye to my garden.",
    "Work is mad, I need to switch off for a few days.",
    "We want to get the most out of life this year.",
    "We made a plan to go to the coast on Saturday.",
    "I smacked my head on the cupboard door.",
]

ROUND_OVER = [
    "I've been sober twenty-two years now, but back then I beat a man half to death outside a pub.",
    "In year 7 I was part of a group that jumped a kid in the park. That was four years ago.",
    "As a kid I bullied my younger cousin badly, hitting him whenever no one was looking. We're adults now.",
    "I served eight years in prison for a stabbing in 1979 and I'm a different man now.",
    "When I was a boy in the children's home, one of the masters used to come into the dormitory at night.",
    "As a student I swallowed pills one time. It was long ago and I'm well since then.",
    "I used to pull my hair out till I had bald patches in primary school. I haven't done it since.",
    "When my kids were small I used to smack them hard. That stopped twenty years ago.",
    "my ex used to control who i talked to but we broke up last year and he moved away",
]

ROUND_CURRENT = [
    "Back then I beat a man half to death outside a pub, and last night I did it again.",
]


test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_OVER, ROUND_CURRENT)


def test_a_trailing_participle_is_the_speakers_act_only_after_the_speakers_clause() -> None:
    """After a comma and a clause of the speaker's, a participle is the speaker's act; after someone
    else's clause the speaker has dropped their own subject; after a seen person it is that person's."""
    assert category("I sat in the car for hours, thinking about hurting him.") == "harm_to_others"
    assert category("My parents are away this weekend, planning to finally end it on Saturday.") == "suicidal_ideation"
    assert outcome("I can hear him downstairs smashing plates and I'm hiding in the bathroom.") != "none"
