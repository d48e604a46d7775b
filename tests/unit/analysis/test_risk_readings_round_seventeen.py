"""Readings added after the sixteenth blind set was retired (dev40) and three fresh development sets
(everyday words shared by risk and safety; later life, illness and caring; young people online and
at school), each with its other side. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # Self-harm told by what is done and hidden: nails, something hot, a belt, hunger as punishment,
    # pain wanted, blades taken out, sleeves in summer, wounds kept from a doctor.
    ('I dug my nails into my arm until it broke the skin.', 'self_harm'),
    ('When I am upset I pinch my skin until it bruises.', 'self_harm'),
    ('After the phone call I pressed a hot spoon on my wrist.', 'self_harm'),
    ('I put my hand on the hot hob and held it there.', 'self_harm'),
    ('I hit my thighs with a hairbrush when I get things wrong.', 'self_harm'),
    ("I've been skipping meals as a punishment, I think I deserve it.", 'self_harm'),
    ('I drink until I am sick. I want it to hurt.', 'self_harm'),
    ('The only thing that settles me is when it stings.', 'self_harm'),
    ('I use the razor and afterwards I feel calm.', 'self_harm'),
    ('took the blades out of a sharpener, they help at night', 'self_harm'),
    ('wearing a hoodie in july again lol you know why', 'self_harm'),
    ('My mum asked why I wore a jumper when it was so hot.', 'self_harm'),
    ("The cuts keep opening. I'd rather not go to a doctor, they would ask how I did it.", 'self_harm'),
    ('The burns on my hand were not an accident, whatever I told the nurse.', 'self_harm'),
    ('I need plasters every day now and I only use them for my arms.', 'self_harm'),
    ('part of me wants to be hurt, so I leave the cream off', 'self_harm'),
    ("I've been carving into my own arm with a compass.", 'self_harm'),
    ("I've been leaving my inhaler in the drawer on purpose.", 'self_harm'),
    ('I would rather feel the pain than feel nothing.', 'self_harm'),
    ('I keep a blade in my purse, just knowing its there helps.', 'self_harm'),
    ('I snap the hair tie on my wrist so hard it splits the skin.', 'self_harm'),
    ('I run the tap so hot that the skin peels.', 'self_harm'),
    ('My sister keeps asking why I am wearing tights in this heat.', 'self_harm'),
    ('I keep a lighter in my coat for afterwards.', 'self_harm'),
    ('The marks on my legs are my own doing.', 'self_harm'),
    ('I have been putting aside a few of my sleeping pills each week.', 'suicidal_ideation'),
    ('When she finds me, nobody must worry for me anymore.', 'suicidal_ideation'),
    ('I am finishing everything on Saturday.', 'suicidal_ideation'),
    ('I rewrote my will yesterday in a hurry.', 'suicidal_ideation'),
    # Veiled suicide: walking in and not coming out, treatment stopped, a last use of the app, goodbye
    # messages, heights that people survive, tablets set aside, a right day waited for.
    ('I keep picturing the lake, walking in and not coming out.', 'suicidal_ideation'),
    ("I've stopped taking my tablets because what's the point.", 'suicidal_ideation'),
    ("I've quietly stopped taking the heart tablets.", 'suicidal_ideation'),
    ('This is the last time I will use this app, thank you for everything.', 'suicidal_ideation'),
    ("I've written goodbye messages to my friends and saved them.", 'suicidal_ideation'),
    ('I have been reading about which heights people survive.', 'suicidal_ideation'),
    ('Which tablets from the chemist would be enough?', 'suicidal_ideation'),
    ('The funeral is paid for and now I only wait for the right day.', 'suicidal_ideation'),
    ("I don't expect to see another Christmas, and I am at peace with that.", 'suicidal_ideation'),
    ("if i just didnt wake up tomorrow that would be ok", 'suicidal_ideation'),
    ("I can't see myself being around next year.", 'suicidal_ideation'),
    ('I am so tired of waking up.', 'suicidal_ideation'),
    ('My children would have more money if I was gone.', 'suicidal_ideation'),
    ('She would be freer without me.', 'suicidal_ideation'),
    ('i keep standing at the edge of the tube platform', 'suicidal_ideation'),
    # Abuse told by what happens: a passport taken, a debt worked off, silencing, a key withheld,
    # tracking, sextortion with a deadline, a parent who has not come home.
    ('They told me what will happen to me if I say anything.', 'abuse_or_danger'),
    ("He says I'm to keep my mouth shut about the house.", 'abuse_or_danger'),
    ('My husband says if I call the police they will send me back.', 'abuse_or_danger'),
    ('I owe him money and I have to work until it is paid.', 'abuse_or_danger'),
    ('She made me sign the papers and now she says the flat is hers.', 'abuse_or_danger'),
    ('I have not seen my bank card for months.', 'abuse_or_danger'),
    ("I have to be careful what I say at home or it gets worse.", 'abuse_or_danger'),
    ("can't go home till my stepdad's asleep", 'abuse_or_danger'),
    ("I'm sleeping in my car most nights now.", 'abuse_or_danger'),
    ('my ex tracks me on his phone everywhere i go', 'abuse_or_danger'),
    ('He threatens to post my pictures if I stop answering.', 'abuse_or_danger'),
    ('mum hasnt come home since monday and the food has run out', 'abuse_or_danger'),
    ('I have to ask permission to use the phone.', 'abuse_or_danger'),
    ('My son will not let me see a doctor.', 'abuse_or_danger'),
    ('the row ended with him choking me against the door', 'abuse_or_danger'),
    # Harm to others told by a carer's rough hands, a threat told by its fate or its step.
    ('I grip her wrists until she cries, and there are marks.', 'harm_to_others'),
    ('Lately I have been rougher with Mum in the shower than I should be.', 'harm_to_others'),
    ('I told the carers he bruises easily.', 'harm_to_others'),
    ('I hold the cushion near her face when she screams.', 'harm_to_others'),
    ('I think about leaving the gas on when I go out and leaving him in.', 'harm_to_others'),
    ("I've stopped giving Dad his heart tablets.", 'harm_to_others'),
    ('I know his shift pattern and I have bought a bat.', 'harm_to_others'),
    ("It would look like an accident, and nobody could prove anything.", 'harm_to_others'),
    ("he won't be leaving on his own two feet", 'harm_to_others'),
    ('I am following my ex to her work every morning.', 'harm_to_others'),
    ('got something in my bag for friday. they wont be laughing after', 'harm_to_others'),
    ('I will make sure he can never walk again.', 'harm_to_others'),
    ('I want to smash a bottle over his head.', 'harm_to_others'),
]

# Found, whatever the category: readings that must keep working beside the new set-asides.
STILL_FOUND: list[str] = [
    # A threat to kill with a condition is not a parent's figure when it is a threat.
    "He threatened to kill me if I don't sign the house over.",
    "She said she will kill me if I tell anyone.",
    # "I'd rather die than go into that home" beside the ways to make it happen.
    "I would rather die than go into a home, and I have been thinking of ways to make that happen before they take me.",
    # Peace made with a diagnosis, and the means at hand.
    "I've made my peace with the diagnosis, and I have what I need in the bedside drawer.",
    # Kicked out of home, not out of a pub.
    "my mum kicked me out last night and i've nowhere to go",
    # A dose question without a reason named.
    "how many paracetamol would be too many",
    "He smashed my headset and said he would kill me.",
    "My dad kicked me out after class and I've nowhere to go.",
    "I cannot wear shorts because of the marks on my legs.",
    "I got into fights most weekends and I broke someone's jaw last month.",
    # A threat told by its fate stays beside exasperation's condition.
    "If he comes to the door once more he won't be leaving on his own feet.",
]

NOT_DISCLOSURES: list[str] = [
    # Idioms and figures.
    "Asking for a pay rise now would be career suicide.",
    "got my nose pierced, my mum's gonna kill me",
    "She used to say she'd kill us if we tracked mud in.",
    "I'd rather die than spend another Christmas with your mother.",
    "I'd rather throw myself in the river than resit maths.",
    "I'd rather die than go into one of those homes, and we've agreed carers will come in.",
    "We've written down that I'd prefer to die at home when the time comes.",
    "my sister kills me with her impressions of our dad",
    "she looked like she wanted to kill me but then she laughed",
    "If my mum had found out she would have killed me.",
    "my brother threatened to smother me with a pillow if i kept snoring",
    "My wife will murder me if I buy another lamp.",
    "My nephew shot me with a water pistol in the garden.",
    "you cut yourself more with a blunt knife than a sharp one",
    "in drama I had to stab myself with a ruler as Juliet",
    # Exasperation at someone's petty slip.
    "I could have throttled the man at the till, he took forever.",
    "i could literally strangle my sister she ate my chips",
    "gonna kill my brother he took my charger again",
    "I am so angry with my husband I can kill him, he forgot the bins.",
    "She said it half joking, that I'm trying to kill her with my cooking.",
    # Games, screens and sport.
    "I was yelling 'I'm going to kill you' at the telly during the match.",
    "We were thrashed at darts last night by the pub team.",
    # Medicine with a reason, illness accepted, work told.
    "How much paracetamol is safe in one day? I have a bad toothache.",
    "How much calpol can I give to my son, he has a fever?",
    "I've made my peace with the diagnosis and I mean to enjoy every summer I have left.",
    "As a police officer I attended murders and suicides for thirty years.",
    # Everyday things that share the words.
    "I moved desks at work this week and left notes for the team where they'll find them.",
    "I put my affairs in order with the solicitor and it was a relief to update the will.",
    "Year 7 wrote letters to their younger selves in English.",
    "The boy told me his goldfish had gone to sleep forever.",
    "the bouncer kicked me out of the club at two",
    "I'm not allowed out after nine on school nights.",
    "My brother used to threaten to tell on me when we were small.",
    "She suffered an accidental overdose after muddling her boxes.",
    "my mum checks my location because I walk home alone, we agreed on it",
    "I'm pulling my hair out over this assignment.",
    "I use it on my arms after the shower, it's a lovely cream.",
    "I put aside some money each week for Christmas.",
    # Everyday sentences beside the round's readings (a review's probes).
    "My boyfriend and I get into fights about the washing up.",
    "I was trying to drown out his snoring with music.",
    "I appreciate her pushing me to study harder.",
    "I once hit my head on a cupboard door.",
    "He will see the doctor on Monday.",
    "I'm waiting for the right moment to propose to her.",
    "I'll finish it on Monday.",
    "I'm so tired of waking up at five for work.",
    "Every Sunday I put aside a week of my tablets in the pill organiser.",
    "I need to come up with something nice for her birthday.",
    "I'll make sure she can see the kids every weekend.",
    "I know I had it coming after I forgot our anniversary.",
    "I know her shift pattern so I can plan date nights.",
    "My daughter has come home for Christmas.",
    "Can you stop giving me the silent treatment?",
    "Strava tracks me on every run.",
    "If I eat cheese late at night I pay for it later.",
    "He's taking me to his brother's wedding.",
    "Mum said she will let me see my friends.",
    "I keep quiet when my mum is on the phone.",
    "I told my mum to call if she doesn't hear from me by ten, it's a first date.",
    "Merry Christmas in case I don't see you again before the break.",
    "I use it on my arms when they get dry.",
    "I'm deliberately not taking my phone on holiday.",
    "What will happen to us if I lose my job?",
    "I'd better keep my mouth shut about the surprise party.",
    "I'm always scared I'll leave the gas on.",
    "I held her tighter than I ever have.",
    "We're living in a van and travelling around Europe.",
    "I'm adding more of his favourite songs to the playlist.",
    "I can wear shorts because it's hot.",
    "I can see myself being here for years.",
    "He says I must tell my parents.",
    "I'm pulling my hair out every time he calls.",
]

TOLD_AS_OVER: list[str] = [
    "I smacked my boys with a belt when they were small. That was thirty years ago and they are grown now.",
    "I used to get into fights at school. That stopped when I left in 2009.",
    "In my twenties I was sometimes violent with my first wife. That was twenty years ago and I did a programme.",
    "I was badly bullied at school and once beaten up on the way home. That was forty years ago.",
    "When I was 14 I used to think abt dying, but that stopped when I moved out years ago.",
]

STILL_CURRENT: list[str] = [
    "I lost my temper with my son yesterday and he has marks now.",
    "my dad locks me and my sister in the bedroom when he drinks",
    "I've driven to the cliffs twice this week and thought about how easy it would be.",
]



test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, TOLD_AS_OVER,
                                                         STILL_CURRENT)
