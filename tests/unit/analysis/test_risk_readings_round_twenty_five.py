"""Readings added in the twenty-fifth round: veiled endings, self-harm told by the act, abuse told by
what happens or by the excuse one is told to give, threats told as the other's fate, and stories told as
over (the one who did it dead or in prison, the speaker's life since). Each with its other side: an
animal that kicked or bit, an accident at work or in the kitchen, a threat laughed off together,
people someone else sees at work. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # Endings veiled: a last reason gone, a date set, things given away, a goodbye unlike others.
    ("When the dog died, the last reason to keep going went with her.", "suicidal_ideation"),
    ("I've had a good innings and I can't see the point in staying on.", "suicidal_ideation"),
    ("I keep telling myself the end of this week is it.", "suicidal_ideation"),
    ("I'm planning on not being here once the kids are back at school.", "suicidal_ideation"),
    ("Seventy-nine years. I think I've lived long enough.", "suicidal_ideation"),
    ("My son rings every night to check on me. Soon enough he won't have to.", "suicidal_ideation"),
    ("I drove to the cliffs again and turned round. I can't promise I'll come home next time.", "suicidal_ideation"),
    ("I left a note for my sister in the bureau. She'll know when to read it.", "suicidal_ideation"),
    ("Told my brother he can divide up my records when he wants.", "suicidal_ideation"),
    ("I gave my fishing rods to the lad next door, I told him I won't need them.", "suicidal_ideation"),
    ("I've picked the hymns for my funeral. I'm not ill or anything.", "suicidal_ideation"),
    ("I hugged my mum goodbye in a way I never have before.", "suicidal_ideation"),
    ("Since the divorce I'm past caring what happens to me.", "suicidal_ideation"),
    ("Honestly no mum would be better than a mum like me.", "suicidal_ideation"),
    # Self-harm told by the act, the aid or the excuse.
    ("the razor helps more than any breathing exercise", "self_harm"),
    ("I did the thing I swore to my therapist I wouldn't do again.", "self_harm"),
    ("how do i get my cuts to fade before the beach holiday", "self_harm"),
    ("I scrubbed the pans until my knuckles were raw, and I meant it to hurt.", "self_harm"),
    ("The scratches on my arms? I did those to myself.", "self_harm"),
    ("After the row I locked the bathroom door and made sure it hurt.", "self_harm"),
    ("When I eat too much I make myself swim until I nearly faint.", "self_harm"),
    ("Everything goes quiet when I see blood.", "self_harm"),
    ("People say I'm clumsy with all these accidents. They aren't accidents.", "self_harm"),
    ("I only burn where my sleeves cover it.", "self_harm"),
    # Abuse told by the excuse one must give, by what happens at home, by what someone does.
    ("My arm is bruised from the stairs, that's what I'm meant to say.", "abuse_or_danger"),
    ("There are bruises round my neck but I told work it was a rash.", "abuse_or_danger"),
    ("I told the nurse the bruises were from the garden gate. That's not where they came from.", "abuse_or_danger"),
    ("No dinner made since March, mum just stays in bed.", "abuse_or_danger"),
    ("Going home is worse than any double shift.", "abuse_or_danger"),
    ("I keep out of his way on Fridays. It's safer for all of us.", "abuse_or_danger"),
    ("I've been photographing the bruises in case something happens to me.", "abuse_or_danger"),
    ("My aunt makes me sleep in the garage when she's angry.", "abuse_or_danger"),
    ("dad took my bedroom door off again", "abuse_or_danger"),
    ("My son keeps my insulin in his room until I hand over my pension.", "abuse_or_danger"),
    ("She's the reason my wrist hurts.", "abuse_or_danger"),
    ("The supervisor comes into our caravan at night.", "abuse_or_danger"),
    ("My coach said what happened in the changing room stays between us.", "abuse_or_danger"),
    ("He's started leaving the baby in the car for hours while he drinks.", "abuse_or_danger"),
    ("My stepdad would take his belt to me if I was late.", "abuse_or_danger"),
    # Threats told as the other's fate, a weapon bought or carried, lying in wait.
    ("If he comes near my sister again he won't be walking out on his own two feet.", "harm_to_others"),
    ("I doubt he'll leave the way he came in.", "harm_to_others"),
    ("Keep talking and you'll go home in a bag.", "harm_to_others"),
    ("If that lot come back they'll need an undertaker.", "harm_to_others"),
    ("They won't get away this time.", "harm_to_others"),
    ("They'd better hope I don't find them before the police do.", "harm_to_others"),
    ("My flatmate better not turn his back on me tonight.", "harm_to_others"),
    ("One day I'll do something that ends up in the papers.", "harm_to_others"),
    ("He'll get what's coming to him and I'll be the one who gives it.", "harm_to_others"),
    ("Someone needs to kill that man and I could be the one.", "harm_to_others"),
    ("She's always at the top of those stairs. It wouldn't take much of a shove.", "harm_to_others"),
    ("I keep dreaming of pushing my boss off the platform.", "harm_to_others"),
    ("I'll do to him what he did to my dog.", "harm_to_others"),
    ("I'm going to make him suffer the same way.", "harm_to_others"),
    ("I don't care what happens to me so long as he pays for it.", "harm_to_others"),
    ("This is the last time I ask nicely.", "harm_to_others"),
    ("After the argument with my landlord I ordered a crossbow.", "harm_to_others"),
    ("I sat by the window with the shotgun waiting for them to come back.", "harm_to_others"),
    ("Last night I went looking for my ex with a hammer.", "harm_to_others"),
    ("After what she said I wanted her hurt.", "harm_to_others"),
    ("I could run him off the road on the way home, nobody would know.", "harm_to_others"),
    ("He ought to pay for that and I've a good idea how.", "harm_to_others"),
    ("I waited behind the shop to jump him.", "harm_to_others"),
]
# Their other sides.
ROUND_NOT_DISCLOSURES = [
    "The last reason to stay at that party was the cake.",
    "I'd had my innings at the wicket, so I sat down and watched.",
    "I'll finish at the end of this month, it's a good job to leave.",
    "I've stayed long enough at this job, time for a change.",
    "I can't promise I'll be on time next time, the buses are awful.",
    "We can split the bill, my treat next time.",
    "My cousin can have my old bike, I won't need it now I drive.",
    "I hugged my nan goodbye at the airport and cried.",
    "I've written my will, as everyone should at my age.",
    "I got kicked by a horse at the stables, just a bruise.",
    "Got bitten by next door's dog on my paper round, three stitches.",
    "I burnt my hand on the fryer at work, the supervisor patched it up.",
    "I sliced my finger chopping onions for the stew.",
    "We keep a rifle on the farm for the foxes, locked in the cabinet.",
    "I'm reading Macbeth in English and the part where he kills the king gave me chills.",
    "My husband said 'I'll kill you' about the dishes and we both cracked up.",
    "We'd always say 'I'll murder you' and we'd both end up laughing.",
    "The nurses see people who've overdosed every week and they're so kind.",
    "I planned to hurt her feelings less this time by texting first.",
    "I waited ages to hit the ball in rounders.",
    "I went looking for my keys with a torch.",
    "After the row with my neighbour I bought a hedge trimmer.",
    "I dream about pushing my boss into the swimming pool at the summer party, lol.",
    "The doctor says my heart is weak. I've made my peace with it and I intend to enjoy the garden while I can.",
    "Going home is worse on a Friday because of the traffic.",
    "It's safer for everyone if the kids keep quiet in the library.",
    "I keep my mum's pills in a box by the kettle so she remembers them.",
]
# Told as over: the one who did it dead or in prison, the speaker clean, well or changed since.
ROUND_TOLD_AS_OVER = [
    "Twelve years ago I tried to take my life. I'm in a far better place now, remarried and happy again.",
    "My stepfather used to beat me when I was small. He's long dead now.",
    "When I was 10 my uncle used to hit me. He's in prison now.",
    "I used to cut in year 9. Clean for two years now.",
    "For a while after the break-up I used to think about hurting him. I don't feel like that anymore.",
    "Eight years ago I punched a man outside a pub. I've worked hard never to be that man again.",
    "freshman year i tried to overdose. im doing way better now",
    "in 8th grade i cut myself a lot. i've let that go now",
    "After the Falklands I had urges to hurt people. The counselling put me right.",
    "When my late wife was alive I sometimes wanted to die. That's finished now.",
    "I hit my head on walls when I first came here. It stopped after a year.",
]
# Over once, but going on again or still threatened now.
ROUND_STILL_CURRENT = [
    "I used to cut, and I've started again this week.",
    "He's in prison now but his brother keeps threatening me.",
]

test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_TOLD_AS_OVER, ROUND_STILL_CURRENT)

# The round's second reading of dev68-70: means kept back, last words before going, a height looked up,
# self-harm hidden under clothes or as accidents, a bag packed, neglect, a person named with a noun
# before them ("my line manager"), a threat told as the other's fate after "once more".
ROUND_MORE_FOUND: list[tuple[str, str]] = [
    ("I've not taken any of the sleeping pills the GP gave me. I'm saving them in a tin.", "suicidal_ideation"),
    ("I just wanted to say thank you for everything before I go.", "suicidal_ideation"),
    ("been thinking about s u i c i d e a lot this week", "suicidal_ideation"),
    ("I don't think there'll be another chance to say this after Friday.", "suicidal_ideation"),
    ("Last night I looked up how high the car park by the station is.", "suicidal_ideation"),
    ("Maybe it's better if I stop being here, so they can move on.", "suicidal_ideation"),
    ("I've cleaned the whole flat so whoever finds it won't have to sort it out.", "suicidal_ideation"),
    ("At my sister's yesterday I hugged everyone properly, which I never do.", "suicidal_ideation"),
    ("I stand on that footbridge most evenings. It'd be quick from there.", "suicidal_ideation"),
    ("I've given my tools away to the apprentices, except the one rifle.", "suicidal_ideation"),
    ("Last spring I drove to the headland meaning to go over the edge.", "suicidal_ideation"),
    ("Most nights I sit with the pills, and last night I got further than thinking.", "suicidal_ideation"),
    ("I tried to swallow a handful of paracetamol on Sunday.", "suicidal_ideation"),
    ("When things get bad I do what I used to do at school, with a compass.", "self_harm"),
    ("I punched the door frame. I wanted it to hurt more than my head does.", "self_harm"),
    ("My legs are still sore under my jeans from last night.", "self_harm"),
    ("I go without meals every time I feel I've failed.", "self_harm"),
    ("Skipping dinner again tonight as a punishment for the exam.", "self_harm"),
    ("I'm good at making the burns look like accidents.", "self_harm"),
    ("I told my sister I lost my gloves. I didn't lose them, I wanted my hands to freeze.", "self_harm"),
    ("There's a bag packed in my locker for when he starts again.", "abuse_or_danger"),
    ("My brother said he's got nothing to lose and I'd better remember that.", "abuse_or_danger"),
    ("We get left alone for days when mum's on a bender.", "abuse_or_danger"),
    ("There's no food and no heating in the flat most weeks.", "abuse_or_danger"),
    ("My husband takes my inhaler when we argue and won't give it back until I apologise.", "abuse_or_danger"),
    ("Sometimes when she won't settle I think about holding the pillow down over her.", "harm_to_others"),
    ("I want to kill my line manager.", "harm_to_others"),
    ("If he parks across my drive once more, he won't be walking home on his own two feet.", "harm_to_others"),
]
ROUND_MORE_NOT_DISCLOSURES = [
    "I've not taken any of the antibiotics because the rash came back. I'm keeping them for the GP to see.",
    "I just wanted to say thank you before I go on holiday.",
    "I don't think there'll be another chance to see the comet this year.",
    "We looked up how high the Shard is for my son's project.",
    "I've cleaned the flat so whoever comes to view it sees it at its best.",
    "My legs are still sore from the marathon.",
    "I'm good at making pancakes look like restaurant ones.",
    "I told my sister I lost my gloves. I did lose them, on the bus.",
    "I packed a bag for when the baby comes.",
    "We were left alone for hours at the airport when the flight was delayed.",
    "My gran hides my sweets until I've done my homework.",
    "If he parks across my drive once more I'll report him to the council.",
]

test_round_more_found_in_its_category, test_round_more_reading = reading_tests(
    ROUND_MORE_FOUND, [], ROUND_MORE_NOT_DISCLOSURES, [], [])

# An excuse told in the words of a curated idiom ("scratched myself on a rose bush") and then denied
# is not set aside as the idiom; the idiom alone still is.
EXCUSE_IN_AN_IDIOM_DENIED = [("I told the nurse I'd cut myself on the fence. We don't have a fence.", "self_harm")]
IDIOM_ALONE = ["I scratched myself on a rose bush when I was weeding."]

test_excuse_in_an_idiom_found, test_excuse_in_an_idiom_reading = reading_tests(
    EXCUSE_IN_AN_IDIOM_DENIED, [], IDIOM_ALONE, [], [])

# Asked whether they feel safe at home, and laughing, lying or freezing; a plain yes is not read.
SAFETY_QUESTION_MET = [("The health visitor asked if I felt safe at home and I just laughed.", "abuse_or_danger")]
SAFETY_QUESTION_ANSWERED = ["The nurse asked if I felt safe at home and I said yes, I'm fine."]

test_safety_question_met, test_safety_question_reading = reading_tests(
    SAFETY_QUESTION_MET, [], SAFETY_QUESTION_ANSWERED, [], [])
