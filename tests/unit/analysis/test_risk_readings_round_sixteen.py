"""Readings added after three fresh development sets (time; messages said inside the exercises;
veiled language from many backgrounds), each with its other side. Written in our own words; rules
alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # More from dev39, in our own words: no point in continuing, insurance checked, blades taped away,
    # a sharpener taken apart, pain deserved, keys and passport hidden, a location watched, a landlord
    # letting himself in, immigration threatened, justice by one's own hands, a man dealt with quietly.
    ('Since my wife died I see no point in continuing.', 'suicidal_ideation'),
    ('I just want to go to sleep and rest forever.', 'suicidal_ideation'),
    ('I checked that my life insurance pays out in every circumstance.', 'suicidal_ideation'),
    ("if my mum looked at my search history she'd probably call someone", 'suicidal_ideation'),
    ("I won't be around to ruin anything else after this week.", 'suicidal_ideation'),
    ('I keep new blades taped under my desk drawer.', 'self_harm'),
    ('snapped another pencil sharpener in science today. you know what for', 'self_harm'),
    ('The only thing that helps is the sting afterwards.', 'self_harm'),
    ('When I get things wrong I deserve pain, and I make sure of it.', 'self_harm'),
    ('my arm wont stop bleeding and im not saying why', 'self_harm'),
    ('I was 60 days clean and I broke it last night.', 'self_harm'),
    ('My husband has hidden my passport and my car keys again.', 'abuse_or_danger'),
    ('he goes mad if I turn off my location', 'abuse_or_danger'),
    ("My flatmate told me I'd better watch my back after I complained.", 'abuse_or_danger'),
    ('The landlord lets himself in whenever he likes.', 'abuse_or_danger'),
    ('My son brings forms for me to sign and will not let me read them.', 'abuse_or_danger'),
    ('He says he will report me to immigration if I leave.', 'abuse_or_danger'),
    ('Next time I see him, we will see.', 'harm_to_others'),
    ("I'll get justice with my own hands, the police won't.", 'harm_to_others'),
    ("She'll feel something much worse than losing a job.", 'harm_to_others'),
    ('I know how to deal with a man quietly.', 'harm_to_others'),
    ("I'll be going back when it's dark.", 'harm_to_others'),

    # From the retired fifteenth blind set (dev39), in our own words: a supervisor is a person, not
    # eating to punish oneself, forearms; a bag packed, every penny accounted for, the sounds of the
    # house, secrets from parents; tablets kept back, futures cut short, a decision made; a pillow
    # over a bed, a throat held, threats told by their fate beside a weapon or a plan.
    ("I'm going to hurt my supervisor on Friday, I've thought it through.", 'harm_to_others'),
    ("I've been not eating for days on purpose to punish myself.", 'self_harm'),
    ('she called me names so i went to the bathroom and cut.', 'self_harm'),
    ('I have begun to cut my forearms with a kitchen knife.', 'self_harm'),
    ("I've got a bag packed at my sister's, just in case, with copies of my passport.", 'abuse_or_danger'),
    ("I have to account for every penny I spend or there's trouble.", 'abuse_or_danger'),
    ("we know to be quiet when dad's like this", 'abuse_or_danger'),
    ("can i stay at yours, he's in one of his moods again", 'abuse_or_danger'),
    ('i know what tonight is gonna be when mum sees my grades', 'abuse_or_danger'),
    ('I get a knot in my stomach when I hear his car on the drive.', 'abuse_or_danger'),
    ('my stepdad keeps walking in on me in the bathroom', 'abuse_or_danger'),
    ("he'll pick me up from the park and said not to tell my parents", 'abuse_or_danger'),
    ("I've been putting my tablets aside rather than taking them.", 'suicidal_ideation'),
    ('The plans will be needed sooner than anyone expects.', 'suicidal_ideation'),
    ('dont think ill see next summer honestly', 'suicidal_ideation'),
    ('i wont be a problem for any of you much longer', 'suicidal_ideation'),
    ("how many of my nan's sleeping tablets would be too many", 'suicidal_ideation'),
    ('i posted a thank you to everyone, just wanted them to know before.', 'suicidal_ideation'),
    ("there's only one way I can see of making it all stop", 'suicidal_ideation'),
    ("I've felt so much lighter since I made my decision.", 'suicidal_ideation'),
    ('I bought a length of rope today, I just want to have it ready.', 'suicidal_ideation'),
    ('I stood over his bed with a pillow for a long time last night.', 'harm_to_others'),
    ('I pinned him to the wall by his throat.', 'harm_to_others'),
    ('Some nights I think how easy it would be to make sure she did not wake.', 'harm_to_others'),
    ('He will see very soon, I have a knife.', 'harm_to_others'),
    ("She'd better enjoy her last week, I know where she lives.", 'harm_to_others'),
    ('Old houses burn so easily, and I have petrol.', 'harm_to_others'),
    ("Everyone at college is gonna know my name soon, I've got a plan.", 'harm_to_others'),
    ("I'm not saying it'll go further but I have a knife in the car.", 'harm_to_others'),

    # Self-harm told by supplies, hiding, punishment, what is done until it bleeds; abuse told by
    # the sounds of the house, a way out kept ready, threats to be made good, control of movement,
    # medicine and money, a marriage chosen; grooming told by secrets and pictures.
    ('bought more blades after school. dont worry about it', 'self_harm'),
    ("I hid the first aid kit in my wardrobe so I've got it for later.", 'self_harm'),
    ("She asked about the scratches and I said it was the cat. We don't even have a cat.", 'self_harm'),
    ('I hide the marks under my hair bands.', 'self_harm'),
    ('the sleeves are covering it all so nobody asks', 'self_harm'),
    ('When I mess up I punish my body where nobody can see.', 'self_harm'),
    ('Pain is the only thing that calms me down now.', 'self_harm'),
    ("I only relax once I've seen a bit of blood.", 'self_harm'),
    ('I pick at my arm until it bleeds whenever I think about him.', 'self_harm'),
    ('I scrubbed my hands until the skin peeled.', 'self_harm'),
    ('I flicked the band on my wrist so hard it was raw and bleeding.', 'self_harm'),
    ('My old scars have started reopening because I keep at them.', 'self_harm'),
    ("I've been skipping my insulin on purpose this week.", 'self_harm'),
    ("I carry matches everywhere even though I don't smoke.", 'self_harm'),
    ("There's a blade in my pencil case, it helps when things get bad.", 'self_harm'),
    ('I did the thing with the lighter again last night.', 'self_harm'),
    ('I took the compass to my arm in maths.', 'self_harm'),
    ("I've started banging my head against the wall when the memories come.", 'self_harm'),
    ("You learn what kind of night it's going to be from how he shuts the door.", 'abuse_or_danger'),
    ('We all know what the sound of his car means.', 'abuse_or_danger'),
    ('I lie there counting his steps on the stairs.', 'abuse_or_danger'),
    ('I hide in the airing cupboard until my dad gets calm.', 'abuse_or_danger'),
    ('I keep a bag packed in case I need to get out fast.', 'abuse_or_danger'),
    ("It's safer than being in the house with him.", 'abuse_or_danger'),
    ("If he finds this chat I don't know what he'll do.", 'abuse_or_danger'),
    ('They said if I disgrace them I will see what happen to me.', 'abuse_or_danger'),
    ("He said if I ever leave he'll find me, and I believe him.", 'abuse_or_danger'),
    ("He told me that next time I'll end up in hospital.", 'abuse_or_danger'),
    ('My son locks the door from outside when he goes out.', 'abuse_or_danger'),
    ('My husband hides my heart tablets when I annoy him.', 'abuse_or_danger'),
    ("I'm not to ring my sister without asking him first.", 'abuse_or_danger'),
    ("I'm not allowed in my own bedroom after nine.", 'abuse_or_danger'),
    ('if i turn my location off he comes round shouting', 'abuse_or_danger'),
    ("I found out he'd taken out loans in my name.", 'abuse_or_danger'),
    ('My parents say I must marry the man my father chose.', 'abuse_or_danger'),
    ("I walk on eggshells at home and I'm terrified of setting him off.", 'abuse_or_danger'),
    ("the coach says it's our little secret", 'abuse_or_danger'),
    ('he wants me to meet him and not tell anyone', 'abuse_or_danger'),
    ("he says he'll send the pics to my parents if I stop answering", 'abuse_or_danger'),

    # Veiled: heights looked up or lingered at, a future without the speaker, going where the dead
    # are, things not needed, affairs tidied, treatment stopped, tablets kept back; watching and
    # following someone, a threat told by its fate, rough handling of someone in one's care, a threat
    # to discredit someone who speaks.
    ('Last night I googled how high the bridge over the bypass is.', 'suicidal_ideation'),
    ('I have been sitting on the edge of the multi-storey roof most nights.', 'suicidal_ideation'),
    ('I keep standing at the edge of the platform when the fast trains go through.', 'suicidal_ideation'),
    ('I spent an hour looking at the railway line again today.', 'suicidal_ideation'),
    ("One of these evenings I won't bother coming back from my walk.", 'suicidal_ideation'),
    ("Don't plan the Christmas visit around me, I won't be here next Christmas.", 'suicidal_ideation'),
    ("The goal-setting bit is pointless, there isn't a future for me.", 'suicidal_ideation'),
    ('if im not around after the exams at least i said sorry', 'suicidal_ideation'),
    ('My children would have peace if I was gone.', 'suicidal_ideation'),
    ('It would be more easy for everybody if I disappear.', 'suicidal_ideation'),
    ('My wife died last spring and I want to go where she is.', 'suicidal_ideation'),
    ("When she dies I'll go with her, I've decided.", 'suicidal_ideation'),
    ('I should have been the one to die in that crash.', 'suicidal_ideation'),
    ("I'm working out how I'd do it myself without anyone finding out.", 'suicidal_ideation'),
    ("They won't have to put up with me for much longer.", 'suicidal_ideation'),
    ('nobody has to worry about me after friday', 'suicidal_ideation'),
    ('This is the last time you need to worry about me, Mum.', 'suicidal_ideation'),
    ('I want my goodbye to be the last thing she remembers of me.', 'suicidal_ideation'),
    ("Whatever happens, it's not your fault, remember that.", 'suicidal_ideation'),
    ('told her i wont need them anymore and gave her my trainers', 'suicidal_ideation'),
    ('wont be needing any of this stuff after next week', 'suicidal_ideation'),
    ("I'm tidying my affairs so it's all straightforward for my son.", 'suicidal_ideation'),
    ("I haven't booked anything after the end of the month.", 'suicidal_ideation'),
    ("I'm thinking of stopping going to dialysis and not telling the renal team.", 'suicidal_ideation'),
    ('I stopped my blood pressure pills without telling anyone. It seemed simpler that way.', 'suicidal_ideation'),
    ("I'm keeping them back instead of taking them, just in case.", 'suicidal_ideation'),
    ("It's a comfort to know they're there in the drawer.", 'suicidal_ideation'),
    ('Sometimes I close my eyes for a second on the motorway.', 'suicidal_ideation'),
    ("I've been following him home from the pub most Fridays.", 'harm_to_others'),
    ("I sat outside my ex's flat all night in the car.", 'harm_to_others'),
    ("I keep driving past her house at night to see who's there.", 'harm_to_others'),
    ('I know when he walks to his allotment alone.', 'harm_to_others'),
    ("I've been logging when my neighbour leaves the house.", 'harm_to_others'),
    ("He won't be walking home after Saturday.", 'harm_to_others'),
    ("She's getting what's coming to her.", 'harm_to_others'),
    ("The lad who did it won't see it coming.", 'harm_to_others'),
    ("If he comes near my kids again I'll take matters into my own hands.", 'harm_to_others'),
    ('Watch what happens on Monday when he walks in.', 'harm_to_others'),
    ("He's going to regret this, I've got a bat in the car.", 'harm_to_others'),
    ('I put the pillow over her face to shut her up.', 'harm_to_others'),
    ('I pinned my son down until he stopped screaming.', 'harm_to_others'),
    ('I lock my dad in the bedroom when he wanders.', 'harm_to_others'),
    ('I grabbed her wrist so hard it bruised.', 'harm_to_others'),
    ("I get really rough with the baby when she won't settle.", 'harm_to_others'),
    ("When I'm angry I take it out on the cat.", 'harm_to_others'),
    ('Some nights I want to do something to the baby to make the crying stop.', 'harm_to_others'),
    ("She says if I complain she'll tell everyone I'm losing my mind.", 'abuse_or_danger'),

    # Self-harm as who one is: "I'm a cutter".
    ("im a cutter and nobody knows", "self_harm"),
    # Abuse: pictures demanded under a threat to expose; marks explained away.
    ("my boyfriend says if i dont send nudes he'll show everyone", "abuse_or_danger"),
    ("send pics or they'll post my address online", "abuse_or_danger"),
    ("I always tell people I'm clumsy when they ask about the bruises.", "abuse_or_danger"),
    ("I walk into a lot of doors, if you know what I mean.", "abuse_or_danger"),
    # Suicide: following someone lost to it; taking the lot and not waking.
    ("my uncle hanged himself when I was ten and lately I want to do the same thing", "suicidal_ideation"),
    ("I've saved up my mum's old pills and I plan to take the lot and not wake up.", "suicidal_ideation"),
    # Self-harm told by what was held or pulled until it hurt, and by cuts getting deeper.
    ("I held my arm over the hob until it blistered.", "self_harm"),
    ("I chewed my nails until my fingers bled.", "self_harm"),
    ("the cuts are getting deeper every week", "self_harm"),
    # Harm to others: a weapon to school, a gun to be used on someone, a baby shaken, a head nearly
    # kicked in, the errand or the decision an assault is the purpose of.
    ("taking my dad's knife to school tomorrow for the lad who jumped me", "harm_to_others"),
    ("I keep a rifle for deer and I've been thinking about using it on my landlord.", "harm_to_others"),
    ("I shook the baby because she wouldn't stop screaming.", "harm_to_others"),
    ("I came close to kicking my cousin's head in last night", "harm_to_others"),
    ("I'm going over to his flat tonight to break his jaw.", "harm_to_others"),
    ("I've made up my mind to hurt her badly when she gets home.", "harm_to_others"),
    # Abuse: blackmail with pictures, a rough carer, money taken, a debt worked off, silence kept,
    # a family's threat over a relationship or a marriage refused.
    ("a man online is blackmailing me with my photos", "abuse_or_danger"),
    ("The night carer is really rough with me when she turns me.", "abuse_or_danger"),
    ("My nephew keeps stealing money from my pension account.", "abuse_or_danger"),
    ("The man who brought us here says I have to pay the debt by working for him.", "abuse_or_danger"),
    ("She says if I tell the agency she'll leave me in the dark, so I don't complain.", "abuse_or_danger"),
    ("My brothers say they will kill me because I have a girlfriend.", "abuse_or_danger"),
    ("If I don't marry him, my uncles say they'll kill me for the honour.", "abuse_or_danger"),
]

STILL_FOUND = [
    # A Stanley knife is a tool of self-harm too, not only of DIY.
    "after the row I went to the shed and cut my arm with a Stanley knife, and I've done it since",
    # A threat said not to be a way of talking.
    "My dad says he will kill me if I tell, it's not just an expression.",
    # A life "over" that is not a chapter of it.
    "every part of my life is over",
    # A goodbye message, not an apology being rehearsed.
    "tell everyone I love them",
    # Anger with a weapon at hand, a joke denied, a joke no longer pretended.
    "I could have killed him, I had the knife in my hand.",
    "I want to kill him. It's not a joke.",
    "I genuinely want to hurt him, I've stopped pretending it's a joke.",
    # A weapon taken to a person, a method for oneself.
    "I'm going to take the axe to that bastard",
    "what's the best way to kill myself",
    # A no to a screening question, taken back.
    "The GP asked whether I'd ever self-harmed and I said no. I lied, I cut most nights.",
]

NOT_DISCLOSURES = [
    # Control of the kitchen, fireworks after dark, an accident with a vase.
    'He wants to control everything in the kitchen, bless him.',
    "We'll be coming back when it's dark, the fireworks start at nine.",
    'Accidents happen, the vase was old anyway.',

    # The other side: a friend's secret, a cooking cut, a car welcomed home, a boiler, a gas bill.
    'My best mate showed me cuts on her arms and asked me not to tell anyone, how do I help her?',
    'I cut my finger when I cooked dinner.',
    'I love it when I hear his car on the drive after a long trip.',
    'He will see very soon that I was right about the boiler.',
    'The new house will burn so much less gas.',

    # Nobody is around for ever; an accident at woodwork.
    "I shan't be around for ever, so I'm teaching my daughter to bleed the radiators.",
    "Cut my thumb on a chisel doing some woodwork, just a plaster needed.",
    # A parent's threat said to be a way of talking or denied at once; calls attended at work.
    "My mother always said 'I'll kill you' if we were late, but it was only an expression, she never touched us.",
    "my dad will actually murder me if i miss the bus again (he wont, hes soft)",
    "As a paramedic I've attended dozens of suicides, and the debriefs help.",

    # The other side: blades for a mower, pets, a table, the dentist, sanding, a fringe, leaving work
    # early, a surprise, wedding photos, a manager, money, a job.
    'I bought new blades for the lawnmower.',
    "We don't have a cat, we have two rabbits.",
    'I cover the marks on the table with a cloth.',
    "I've seen a bit of blood at the dentist, it's fine.",
    'I sanded the door until it was smooth.',
    'I took the scissors to my fringe last night.',
    'In case I need to leave early, my manager knows.',
    "The surprise party is our little secret, don't tell Mum.",
    "I'll meet him and not tell him about the surprise.",
    "He'll post the photos to the family group chat after the wedding.",
    'We have to walk on eggshells around the new manager.',
    "I don't know what he'll do with all that money, bless him.",
    "He'll find me a job at his firm, he said.",

    # The other side of the veiled readings: a hike, a stage, a holiday, a missed call, an interview,
    # social media, a novel, a letter to the MP, a kitchen experiment, a haircut, snoring, bikes, a
    # punchbag, a garden, hay fever.
    'I googled how high Snowdon is before we booked the hike.',
    'We sat on the edge of the platform at the festival stage.',
    "I'll just keep walking the coast path till Friday, then get the train home.",
    "I won't be in next week, I'm on holiday in Crete.",
    "If I'm not around after lunch, ring my mobile.",
    'I should have been the one to go to the interview, not my colleague.',
    "I'm following him on Instagram now.",
    "The crime novel's twist: I didn't see it coming.",
    'My nan taught me to take matters into my own hands with the council, so I wrote to my MP.',
    'Watch what happens when you add vinegar to the bicarb.',
    "She's going to regret that haircut.",
    'I put the pillow over my own head to block out the snoring.',
    "I lock the kids' bikes in the shed at night.",
    'I take it out on the punchbag at the gym.',
    "I'm tidying the garden so it's ready for spring.",
    'I stopped taking my hay fever tablets because the pollen count dropped.',

    # A trade or a tool, not self-harm.
    "I was a cutter at a shoe factory for thirty years.",
    "I bought a box cutter to open the parcels.",
    # A chapter of life closed.
    "That chapter of my life is over, the shop's sold and I'm retired.",
    "I don't cut the grass anymore, my son does it.",
    # An apology rehearsed for the repair, a message about being late.
    "For the repair I'll tell my sister I'm sorry I shouted at her.",
    "I'll tell my husband I am going to be late.",
    # A garden pest, a hedge, a craving.
    "What's the best way to kill the moss on my patio?",
    "I took the axe to the old shed at last.",
    "I'd murder someone for a cuppa.",
    # Exasperation told as what could have happened; a threat said to be a joke.
    "I could have throttled my brother when he took the wrong exit again.",
    "My flatmate finished the milk, I want to kill her! Only joking.",
    # Accidents told with their errand; photos that are work.
    "I cut myself with the big knife when I was cutting onions, now I have a plaster.",
    "I'm so clumsy, I walked into a door at work and banged my head.",
    "If I don't send the photos to the printers by Friday we lose the slot.",
    # Sport, a parent's figure of speech over a car, a family that keeps quiet, a no that is true, a
    # bat for cricket.
    "Boxing class had me hitting pads until my arms were shaking.",
    "my mum will kill me because I've dented the car",
    "We don't speak about it in my family.",
    "The GP asked whether I'd had thoughts of suicide and I said no, which is true.",
    "I took my bat to school for the cricket match.",
]

# Told as over: the "now" of "years ago now", a chapter closed, "we've sorted it out", "I don't hit
# her anymore", "it stop, four years now", "never do again", the scars kept but the act stopped, the
# first months in a new country, and life at college or uni since.
TOLD_AS_OVER = [
    # A learner's "tried suicide" when young, a child shaken in a temper long ago, a sentence served,
    # an abuser sent to prison.
    'When I was twenty I tried suicide after my exams.',
    'I once shook her in a temper when she was a baby. It was forty years ago.',
    "I served three years for GBH when I was 25. I'm 50 now.",
    'He abused me as a boy. He went to prison in 2010.',

    # From the retired fifteenth blind set (dev39): an anniversary, a time said to be finished in a
    # later sentence, a baby's age, recovery for years, an age in the sentence before.
    "It's five years today since my overdose, and I'm grateful to still be here.",
    "In the refugee camp I wanted to die every night. Now I have a home and a job. That time is finished.",
    "When he was a baby I had postnatal depression and planned to end my life.",
    "Back in my teens I cut to punish myself. I've been in recovery for years now.",
    "I hurt a lad badly in a fight at nineteen. I put him in hospital.",
    "I took an overdose in year 10, I'm at college now and doing a lot better.",
    "After I tried to kill myself at nineteen, which was years ago now, my aunt took me in.",
    "My suicide attempt was about twelve years ago. That part of my life is over.",
    "Last year I used to threaten my brother, and once I hurt him. We've sorted it out now.",
    "Before I came to England I beat my wife. I don't hit her anymore, I went on a course.",
    "In the first months in this country I hurt myself, I was lonely. Then it stop, four years now.",
    "In my first marriage I was hitting my husband when drunk. It was fifteen years ago and I never do again.",
    "I used to burn my legs with a lighter when I was at school. I've still got the marks but it stopped when I left home.",
    "i was a cutter when i was 14. im 20 now",
    # A time said to be over, the one who did it dead, the act no longer happening, thoughts no
    # longer had, a learner's past dated by the sentence after, a past-tense act dated by the
    # sentence before, the abuser no longer seen.
    "Back in 2009 I thought about suicide every day. I saw my GP, and now that time is completely over.",
    "As a boy I was abused by a teacher. He was convicted and he died years ago.",
    "My first months in England, I was so lonely I try to end my life. This is ten years ago.",
    "used to scratch my arms when i was 13. doesnt happen anymore",
    "When I first arrive in this country I think every day to kill myself. Now I have good job, I don't think like this now.",
    "In my twenties I was a violent man. I put a man in hospital after a football match.",
    "When I was soldier I hurt people. This is forty years ago.",
    "When I was a girl my father beat me with his belt. Now I am 40, I don't see him anymore.",
]

# The other side: still going on, or wanted now.
STILL_CURRENT = [
    # Years since an accident that go on; "at first" is not an age.
    "I've been a burden on her for three years since the accident, and I keep thinking she'd be better off without me.",
    "I felt relieved at first. Then he punched me in the stomach.",
    "I used to cut at 14 and I've been doing it again for six years now",
    "When I was 12 I cut myself and I just want to make it stop",
    "He used to hit me when I was little and now he's still got my passport and he hits me",
    "I used to cut in year 9 and I still have urges to cut",
    "Years ago I tried to end my life, and I'm thinking about doing it again",
    "I beat my wife when I drink, I don't stop.",
    # A stage the speaker is in now; a new act dated now after an old one; a death wished for.
    "I'm in my first year in this country and I try to kill myself every week",
    "In my twenties I was a violent man. Last night I put a fellow in hospital.",
    "When I was 7 my dad hit me. Yesterday he hit me again.",
    "Nobody would question it if he passed in the night, would they?",
]



test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, TOLD_AS_OVER,
                                                         STILL_CURRENT)
