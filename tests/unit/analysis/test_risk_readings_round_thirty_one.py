"""Readings added in the thirty-first round, each with its other side.

Suicidal thoughts: sleep with no waking; stopping existing with a word between; disappearing "like
permanently"; "no more me"; the other side; finishing the job after an attempt; a future one is not
planning to be in; going in a way that will not look deliberate; others' time told as short ("sooner
than she thinks", "he won't have to be disappointed much longer"); others provided for once one is
out of the way; a goodbye written instead; logins sent on a timer; the people one leaves behind;
"it wasn't his fault, whatever happens"; little left to arrange; nothing needed after a day.
Self-harm: "went upstairs and cut."; cuts named as one's own; a habit; a head struck on purpose; a
cover story taken back ("I told him I'd nicked myself. I hadn't."); supplies with no other use; a kit
for bad days; pain moved from inside to outside; marks hidden by sleeves in a heatwave, a watch, a
shirt kept on; blood washed out before someone sees; skin pinched until it bruises.
Harm to others: a crew waiting at a stop; "not responsible for what happens to her face"; someone
worked out to be alone; a pillow and mercy; a poison that would show in a blood test; a petrol can
and his window; brakes to mess with; a list of people to hurt; "he'll regret it when he sees what I
bring"; a baby held under the bathwater; where one would leave him; "I will not only talk".
Abuse: hiding when his car is heard; eating only when earned; receipts and change handed over;
answers checked; knowing what the evening will look like; staying quiet until he sleeps; a child kept
out of his father's way; a camera he watches; which school the kids go to; stitches and a fall told;
staying out until he is asleep; a verb the tagger reads as a noun ("slaps and scratches me"); "it's
she who strikes me"; money kept short in a first marriage, told as past.
Set aside: a polite letter to the neighbours, passwords written down after being locked out, a letter
to open at eighteen, an axe sharpened for the logs, "trying to kill me with these videos", "she'd
murder me at Scrabble", "pretend to strangle me", "like I'd been punched", "I'd kill him if he left
his boots on the sofa", affairs sorted by someone who means to be around for years.
Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # Suicidal thoughts in fresh words.
    ("Most nights I think about drifting off to sleep and never waking up again, and it feels like relief.",
     "suicidal_ideation"),
    ("honestly if i fell asleep and didnt wake up that'd be ok with me", "suicidal_ideation"),
    ("I don't want to die exactly, I'd rather just not exist.", "suicidal_ideation"),
    ("Everyone would be fine if I just stopped existing.", "suicidal_ideation"),
    ("i want to disappear. like permanently.", "suicidal_ideation"),
    ("no more anything, no more me", "suicidal_ideation"),
    ("Some days I just want to cross over to the other side and be with Dad.", "suicidal_ideation"),
    ("I tried once before and it didn't work. Some days I think I should finish the job.", "suicidal_ideation"),
    ("There's no point saving for a future I'm not planning to be in.", "suicidal_ideation"),
    ("I've been reading about how to go in a way that won't look deliberate.", "suicidal_ideation"),
    ("She'll find the letters soon enough, sooner than she thinks.", "suicidal_ideation"),
    ("Mum, soon you will not have to worry about me.", "suicidal_ideation"),
    ("my teacher won't have to put up with me much longer", "suicidal_ideation"),
    ("My sons will be better provided for once I'm out of the way.", "suicidal_ideation"),
    ("For the apology part I wrote a goodbye instead. A real one.", "suicidal_ideation"),
    ("I've scheduled an email with all my passwords. It sends on a timer next week.", "suicidal_ideation"),
    ("I hope the people I leave behind can forgive me.", "suicidal_ideation"),
    ("I wrote it to my son as a last message.", "suicidal_ideation"),
    ("The cat has a new home and the bills are paid. There's not much else left to arrange.", "suicidal_ideation"),
    ("I've cancelled the milk. I don't expect to need any of it after the weekend.", "suicidal_ideation"),
    ("who should I give my hamster to if i wont be around after next month", "suicidal_ideation"),
    # Self-harm told by the act or what hides it.
    ("when my mum shouted i went to the bathroom and cut. that's what i did.", "self_harm"),
    ("My thighs ache from where I cut them last night.", "self_harm"),
    ("after the row i went to my room and cut again", "self_harm"),
    ("I smashed my hand against the door on purpose after the call.", "self_harm"),
    ("There was blood on the sink and I told her I'd cut myself shaving. I hadn't.", "self_harm"),
    ("Another pack of craft blades arrived today. I don't do crafts.", "self_harm"),
    ("I keep a razor and some plasters in a tin. It's for the bad days.", "self_harm"),
    ("The scabs on my arm never heal because I don't let them.", "self_harm"),
    ("When it hurts inside I move the pain to the outside, then I put a plaster on.", "self_harm"),
    ("how do u hide marks on ur arm from ur pe teacher. asking for me", "self_harm"),
    ("It's 30 degrees and I'm still wearing long sleeves every day, you can guess why.", "self_harm"),
    ("My sister asked why I wear sleeves in summer. I said I'm cold. I'm not cold.", "self_harm"),
    ("I wear three bracelets now so no one sees the marks.", "self_harm"),
    ("I can't take my shirt off with the marks at the moment.", "self_harm"),
    ("how do i get blood out of my sheets before mum sees, and no it's not a period", "self_harm"),
    ("I keep pinching the skin on my arm until it goes blue.", "self_harm"),
    ("I sat in the bathroom with the razor again last night.", "self_harm"),
    ("Tonight I did my usual thing with the hot tap.", "self_harm"),
    # Harm to others told by a step towards it.
    ("me and the lads are gonna be waiting for him at the bus stop after school", "harm_to_others"),
    ("if he shows up tonight im not responsible for what happens to his face", "harm_to_others"),
    ("I've worked out she's alone in the office after six.", "harm_to_others"),
    ("Some nights I look at my husband's pillow and think it would be a mercy.", "harm_to_others"),
    ("How long does antifreeze take to show up in a blood test?", "harm_to_others"),
    ("I know which window is his bedroom, and there's a petrol can in my boot.", "harm_to_others"),
    ("I keep thinking about his brakes and how easy they'd be to mess with.", "harm_to_others"),
    ("I made a list of people I want to hurt.", "harm_to_others"),
    ("He'll regret it when he sees what I bring on Monday.", "harm_to_others"),
    ("I keep picturing holding my baby under the bathwater.", "harm_to_others"),
    ("I've thought about where I'd leave him afterwards.", "harm_to_others"),
    ("The knife is in the car. When I see him tonight I will not only talk.", "harm_to_others"),
    ("I picture him on the floor and me not stopping.", "harm_to_others"),
    ("My landlord will have an accident soon.", "harm_to_others"),
    # Abuse told by how life is lived around someone.
    ("When I hear his car in the drive I go to my room and lock the door.", "abuse_or_danger"),
    ("my stepmum says i can't eat until i've earned it", "abuse_or_danger"),
    ("I have to hand over the receipt and the change every time I shop.", "abuse_or_danger"),
    ("He checks where I've been, and if my answers don't match there's trouble.", "abuse_or_danger"),
    ("If I say the wrong thing when he's home, I know what the evening will look like.", "abuse_or_danger"),
    ("When he's been drinking we stay quiet in the bedroom until he falls asleep.", "abuse_or_danger"),
    ("My son is terrified of his dad and hides under his bed when his dad gets home.", "abuse_or_danger"),
    ("He put a camera in the kitchen that he watches from work.", "abuse_or_danger"),
    ("He mentioned he knows which school my kids go to.", "abuse_or_danger"),
    ("Last time I needed stitches and said I'd fallen.", "abuse_or_danger"),
    ("Mum texted me to stay out until he's asleep.", "abuse_or_danger"),
    ("He took my passport and my phone and says I don't need them.", "abuse_or_danger"),
    ("My partner slaps and kicks me when he's had a drink.", "abuse_or_danger"),
    ("It's my husband who hits me, not the other way round.", "abuse_or_danger"),
    ("ugh rn my dad hits me with the remote most nights", "abuse_or_danger"),
    ("My daughter hides in the wardrobe when her father comes home. She's so scared.", "abuse_or_danger"),
    ("He went silent at dinner and I knew, I just knew, what the night would be like.", "abuse_or_danger"),
    ("my nan says i can't eat till ive earned it", "abuse_or_danger"),
    ("I found the lad and I've got a plan that doesn't involve the police. He won't be walking afterwards.",
     "harm_to_others"),
    ("Wouldn't it be easier for everyone if I just quietly stopped existing.", "suicidal_ideation"),
    # From dev88's class of misses, in our words.
    ("My boss saw the plaster on my arm. That's the fourth 'accident' this month.", "self_harm"),
    ("I told them it was the cat again. I don't own a cat, and the scratches are mine.", "self_harm"),
    ("The practice nurse asked whether the cuts were really accidents.", "self_harm"),
    ("I'd rather dress the cut myself, at the clinic they ask too many questions.", "self_harm"),
    ("There's a tin in my drawer with the blades and the plasters. My sister found it and now she's weird.", "self_harm"),
    ("I wear baggy jumpers because the sleeves cover things I'd rather people didn't see.", "self_harm"),
    ("I was cutting and didn't want her to see, so I locked the door.", "self_harm"),
    ("I only get that relief from a blade.", "self_harm"),
    ("it isn't safe at home rn, can i stay at yours", "abuse_or_danger"),
    ("How do I pack a bag without him noticing? I need my passport.", "abuse_or_danger"),
    ("He cut up all my dresses last night.", "abuse_or_danger"),
    ("He said he'd make sure I regret it if I go out.", "abuse_or_danger"),
    ("I flinch when anyone raises their voice, and home isn't good right now.", "abuse_or_danger"),
    ("That bully will find out an old woman can still do damage.", "harm_to_others"),
    ("One of these days a pallet will fall on his head, and not by accident.", "harm_to_others"),
    ("The christening would be the perfect time for him to have a little 'fall'.", "harm_to_others"),
    ("I keep wondering what the poison would do if it found its way into his flask.", "harm_to_others"),
    ("The knife is meant for the man who hurt my daughter.", "harm_to_others"),
    ("I had a hammer in my bag the whole visit and kept thinking about his head.", "harm_to_others"),
    ("My sister says I've been weirdly calm lately. It's because I've made a decision.", "suicidal_ideation"),
    ("I gave my guitar to my brother. It's nice to have everything sorted.", "suicidal_ideation"),
    ("I wrote a letter to my girls for when I'm not around.", "suicidal_ideation"),
    ("The photos are in envelopes labelled 'for after'.", "suicidal_ideation"),
    ("My partner said if I go to the party he'll make sure I regret it.", "abuse_or_danger"),
    ("I keep picturing the bat coming down on his head.", "harm_to_others"),
    ("I've never felt this calm, I know what I'm going to do now.", "suicidal_ideation"),
]

ROUND_NOT_DISCLOSURES = [
    # The other side of each new phrasing.
    "I fell asleep on the sofa and never woke up until noon.",
    "I'd rather just not go to the party.",
    "We crossed to the other side of the road to avoid the puddles.",
    "I tried to fix the fence and I'll finish the job tomorrow.",
    "I'm not planning to be in the office next week.",
    "I told my sister it isn't her fault the cake burnt.",
    "I went to the kitchen and cut the bread.",
    "I cut the grass regularly in summer.",
    "I don't cook much these days, we get takeaway.",
    "I hid the present so no one sees the wrapping.",
    "I got the wine out of the carpet before mum saw it.",
    "Me and the lads are gonna be waiting for her at the station to say happy birthday.",
    "I'm not responsible for what happens at the party, I'm just the DJ.",
    "I'll make a list of people I want to invite.",
    "He'll regret it when he sees the bill.",
    "I know what the evening will look like: pizza and a film.",
    "My husband keeps the car keys in the drawer.",
    "She made us stand in the queue for ages.",
    # Set aside: everyday letters, passwords, tools, figures of speech.
    "My neighbours keep parking across our drive, so we wrote them a polite letter.",
    "Mum made me write all my passwords down after I got locked out of my email again.",
    "I wrote my granddaughter a letter to be opened when she turns eighteen.",
    "Dad sharpened the axe for the winter logs while I watched.",
    "My nephew is trying to kill me with these dance videos.",
    "She'd murder me at Scrabble, she always does.",
    "She'll pretend to strangle me and then forgive me.",
    "When he left I felt like I'd been punched in the stomach.",
    "I told him I'd kill him if he left his muddy boots on the sofa again.",
    "I sorted my affairs with the solicitor at eighty, and I fully intend to be around to nag them for years yet.",
    "My mum used to say she'd kill us if we left our towels on the floor.",
    "I was hurt when my brother didn't call on my birthday.",
    "The abusive husband in that new drama had me shouting at the telly.",
    "Mum was yelling 'I'll kill you!' at Dad while crying with laughter.",
    "In Poland we have the saying 'I will kill you' for a silly joke.",
    "I think my son felt worried for me when I drove home in the snow.",
    "I think he felt he was walking on eggshells around me that week.",
    "rn my mum is making pancakes for everyone",
    # The review's ordinary sentences, in our words: a night's story, a baby's sleep, someone else's
    # blow, a cut kept clean, a trainer, presents hidden, phones kept in exams, keys kept safe, a
    # password reset, a teething baby, a babysitter, a banner at the airport, a dinner paid for, beans
    # in a stew, a pillow for a neck, gifts for a list, a day without a child, a quiz lost.
    "My grandad fell asleep one night and never woke up; he was ninety-three.",
    "If the baby would sleep and never wake up before six I'd be thrilled.",
    "My brother whacked my leg on purpose during football.",
    "I told her I'd keep the cut clean. I wasn't sure how.",
    "My trainer made it very clear what happens when I skip leg day.",
    "When I hear his car in the drive I hide the birthday presents.",
    "The teacher keeps all our phones in his office during exams.",
    "My dad keeps the car keys on him since the car was stolen.",
    "IT changed my password and won't tell me the new one until Monday.",
    "We have to stay quiet until he falls asleep, the baby is teething.",
    "Let's stay out till she's asleep so the babysitter can settle her.",
    "Me and my mates will be waiting for him at the airport with a banner.",
    "He will pay. He offered, and it's his turn.",
    "Is it toxic if I put raw kidney beans in the stew?",
    "My wife says the new pillow is a kindness to her neck.",
    "I made a list of people I want to get gifts for this Christmas.",
    "My daughter starts school tomorrow and I'm terrified of what I will do all day.",
    "She beat my husband, and all of us, at the pub quiz.",
    "Trying to get out the red wine before my wife gets home.",
    "Off social media for a month, see you on the other side!",
    # The other side of dev88's readings.
    "How long until I can take more paracetamol?",
    "I watched a film about gangsters, it was very violent but brilliant.",
    "At kickboxing my sister accidentally kicked me in the face and we laughed.",
    "if my mum sees this grade she's gonna murder me",
    "My son says I'm killing him with all my phone calls.",
    "The ceiling in the bathroom isn't safe, we're getting it fixed.",
    "I wrote a handover guide for when I'm not around on Fridays.",
    "I cut my thumb on a tin. I don't own a plaster, so I used tape.",
    "I made a joke about the weather and everyone laughed.",
    "Sixth time this year I've come off my bike, cuts and bruises everywhere.",
    "I don't have a cat, but my girlfriend's cat scratches me.",
    "I keep razor blades and plasters in my shaving bag.",
    "The relief from my back pain after the physio was huge.",
    "It's not safe at home with the building work going on.",
    "Can I pack a bag without her knowing? It's a surprise trip to Paris.",
    "I flinch when my toddler shouts.",
    "My mate says he'll make sure I regret it if I miss the stag do, lol.",
    "The storm can still do damage tonight.",
    "It's the perfect time for him to have a little nap.",
    "The physio is meant for the man who hurt his back.",
    "Slug poison found its way into the flower bed.",
    "I went looking for the kids with a bat detector.",
    "I feel calm now I've made a decision about the job.",
    "I wrote a list for the sitter for when I'm not around so she knows the routine.",
    "He went after him with a bottle of water after the race.",
]

ROUND_OVER = [
    "When I was nineteen I went after a lad with a bottle in a fight. I've done years of anger work since.",
    "When I was twelve I pushed my little brother down the stairs on purpose. I'm thirty now and we're close.",
    "In my first marriage, in the 1970s, my husband kept me short of money. I left him in 1979.",
    "At university I went to my room and cut most nights. That was 2009 and I've been well since.",
    # A participle hanging on a verb whose past is spelt like its present.
    "I hurt myself in my twenties, scratching my arms till they bled. That was 1994 and I've been well since.",
]

ROUND_CURRENT = [
    "Whenever mum shouts I go to my room and cut.",
    "I hurt myself most nights, scratching my arms till they bleed. It started in 2015.",
]


test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_OVER, ROUND_CURRENT)
