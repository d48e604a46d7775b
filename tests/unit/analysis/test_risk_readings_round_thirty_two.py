"""Readings added in the thirty-second round, each with its other side.

Structure: a diary's dropped "I" before a past verb of harm ("punched my brother today"); a question
about someone else then owned ("What would you say to a man who ...? This man is me."); a move given
as the reason for goodbyes, then denied ("I'm not moving anywhere"); marks on the speaker's own body,
whoever notices them; the pronoun before a gerund as its doer ("with him grabbing me by the throat");
a recovery milestone dates the act it counts from ("six months since I last self-harmed"); a threat
that keeps a telling secret is no idiom ("he'll kill me if he finds out I told you").
Suicidal thoughts: wanting "very much" to be dead; being with someone who died "again soon" or "one
day, and that day needn't be far off"; a season decided to be over; not planning on still being here;
done "too, with everything"; not bothering to drive back; alone one last time; the water at its
deepest; the last someone would hear from me; a folder called "after"; not leaving much of a gap;
others coping if I wasn't around; in the way now; others free of me; nothing left hanging; it made
easy for everyone after; in writing afterwards; a seatbelt no longer worn; not caring if I die.
Self-harm: the marks I keep making; "I was cutting."; deserving punishment and the scissors;
"giving myself what I deserve"; a first aid kit empty again; ninety days and one bad night.
Harm to others: beaten until he cannot walk; smacked so hard it left a handprint; a list with
addresses and when they walk home; which nights her mum works late; a face smashed in; a glass thrown
at a partner; "something to remember" with a hammer; no one would think it anything but an accident;
not walking away in one piece; not sleeping safe; set up so he cannot leave.
Abuse: a teacher's sexual messages; a silence bought by a threat; a child shut in the cellar; a room
with the light off; nobody who feeds me; doing exactly what he says; learning not to cry; "it wasn't
from the oven"; the fuse taken from the kettle; the heating cut off to get me out; a report met with
the Home Office; bruises nobody must see; falls on the evenings he drinks; a location sent on demand;
the dog threatened; a phone given back only if the words are right; a cat held over a balcony; my
mum made sure to get hurt; left sitting in wet things; the night bad for me; until the marks faded;
a padlock on the fridge.
Set aside: "she squeezed my hand", a sister who'll kill me for borrowed jeans, burnt on the
straighteners, a strict teacher, a passport given back the same day, a letter to open at eighteen,
pheasant guns surrendered, "sleep forever" after term, "die of cringe", guests who thought someone
had hit me, "so annoying I could kill him", money managed together, a login shared on request, a
friend's burden, advice about blunt knives, the day chosen to write about.
Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    # Suicidal thoughts in fresh words.
    ("Last spring I found myself wanting very much to be dead, and some days I still do.", "suicidal_ideation"),
    ("Since Grandad passed I don't go to the allotment. I'll be digging it with him again soon enough.",
     "suicidal_ideation"),
    ("My wife died in March. I know I'll see her again one day, and that day doesn't have to be so far off.",
     "suicidal_ideation"),
    ("I've thought it over and decided my race is run. The books have gone to the library.",
     "suicidal_ideation"),
    ("Everyone wants me at the reunion but I'm not planning on still being here by June.",
     "suicidal_ideation"),
    ("Once the move is finished I'm done too, with everything.", "suicidal_ideation"),
    ("I wrote to my son that it was the last he'd hear from me and he'd be better off.", "suicidal_ideation"),
    ("There's a folder on the desktop called 'after' with letters for everyone.", "suicidal_ideation"),
    ("Honestly I don't think I'd leave much of a gap.", "suicidal_ideation"),
    ("My family would cope fine if I just wasn't around.", "suicidal_ideation"),
    ("I'm simply in the way now.", "suicidal_ideation"),
    ("Soon you'll be free of me, I promise.", "suicidal_ideation"),
    ("I've been making sure there's nothing left hanging, the loans and the car.", "suicidal_ideation"),
    ("I'm writing it down for my sister so she has it in writing afterwards.", "suicidal_ideation"),
    ("I've stopped wearing a seatbelt and I don't slow down on the bends.", "suicidal_ideation"),
    ("I honestly don't care if I die on the way home.", "suicidal_ideation"),
    ("Since the divorce I don't care if I get hurt any more.", "suicidal_ideation"),
    ("I told the neighbours I'm off abroad so nobody will come looking for me.", "suicidal_ideation"),
    ("Forgive me. Soon you can find a better wife.", "suicidal_ideation"),
    # Self-harm.
    ("Nobody knows about the marks I keep making.", "self_harm"),
    ("During my first job I was cutting again.", "self_harm"),
    ("i want so bad to be dead", "suicidal_ideation"),
    ("Nobody's going to come looking for me, and that's the point.", "suicidal_ideation"),
    ("I felt I deserved to be punished after the call, so I went upstairs with a razor.", "self_harm"),
    ("Most nights the bottle is a way of giving myself what I deserve.", "self_harm"),
    ("The first aid box in my room is almost empty again.", "self_harm"),
    ("Sixty days and then one bad night.", "self_harm"),
    # Harm to others.
    ("punched my cousin in the stomach after school and i wanted to keep going", "harm_to_others"),
    ("I want to kick him until he can't stand up.", "harm_to_others"),
    ("I slapped my nephew so hard it left a mark and I keep wanting to do it again.", "harm_to_others"),
    ("got all their addresses, what time they walk home. they'll see", "harm_to_others"),
    ("i know what nights his dad works late now", "harm_to_others"),
    ("gonna smash daniels face in after registration", "harm_to_others"),
    ("Last week I threw a bottle at my boyfriend during a row.", "harm_to_others"),
    ("The crowbar is in my van, and I'm going to give him something to remember on Friday.", "harm_to_others"),
    ("She's frail on the stairs now. No one would think it anything but an accident.", "harm_to_others"),
    ("My cousin won't be walking away from that party in one piece, I've had enough of him.", "harm_to_others"),
    ("Tell him from me: you will not sleep safe in that flat.", "harm_to_others"),
    ("I've got the cellar set up so he won't be able to leave the room.", "harm_to_others"),
    ("Punched my girlfriend last night and I'd do it again.", "harm_to_others"),
    ("No one would suspect it as anything other than an accident.", "harm_to_others"),
    ("I dream about push my boss down the stairs at work.", "harm_to_others"),
    # Abuse.
    ("My swimming coach sends me sexual messages at night.", "abuse_or_danger"),
    ("My uncle says I'll be sent away if I tell anyone what he does.", "abuse_or_danger"),
    ("If we tell our parents he'll make sure we get expelled.", "abuse_or_danger"),
    ("They lock us in the dormitory for hours with the lights off when we talk.", "abuse_or_danger"),
    ("Nobody really feeds me at home these days.", "abuse_or_danger"),
    ("Things are calm as long as I do exactly what she says.", "abuse_or_danger"),
    ("I've learned not to cry because it only makes it worse.", "abuse_or_danger"),
    ("There's a burn on my arm and it wasn't from the iron.", "abuse_or_danger"),
    ("My son takes the fuse out of the heater when he goes out.", "abuse_or_danger"),
    ("The landlord switched off the water to force me out.", "abuse_or_danger"),
    ("My manager says if I complain about the hours he will phone immigration.", "abuse_or_danger"),
    ("There are bruises on my wrist and my husband says nobody must see them.", "abuse_or_danger"),
    ("I've had so many accidents lately, always on the nights my partner has been drinking.", "abuse_or_danger"),
    ("He makes me share my location with him every hour.", "abuse_or_danger"),
    ("She said if I told my brother she would have the cat put down.", "abuse_or_danger"),
    ("If I say it wrong I don't get my keys back for days.", "abuse_or_danger"),
    ("He dangled the puppy over the railing to show me what happens.", "abuse_or_danger"),
    ("He said if I told anyone he'd make sure my sister got hurt.", "abuse_or_danger"),
    ("At the home I'm often left sitting in wet clothes for hours.", "abuse_or_danger"),
    ("I stayed off college until the bruises faded.", "abuse_or_danger"),
    ("My stepmum has put a padlock on the fridge.", "abuse_or_danger"),
    ("It ended with him grabbing me by the hair in the hallway.", "abuse_or_danger"),
    ("He will kill me if he finds out I told you.", "abuse_or_danger"),
    ("My teacher used to grab my wrist so hard it left bruises.", "abuse_or_danger"),
]

ROUND_NOT_DISCLOSURES = [
    # The other side of the structural readings.
    "Punch the dough down and leave it to rise again.",
    "What would you say to a friend whose dog died? She's very upset.",
    "The nurse noticed the fresh paint on my sister's arm and laughed.",
    "I watched him grabbing the ball and running off with it.",
    "Broke my 40 days clean from sugar today, oh well.",
    "my mum will kill me if she finds out i told my sister about the party lol",
    # The other side of the round's phrasings.
    "If I had to choose the day I'd say my wedding day was the best.",
    "My nan squeezed my hand so hard at the jab I thought she'd broken it.",
    "my sister is gonna kill me when she sees i borrowed her jeans lmaooo",
    "Mr Patel is so strict, he took my phone for the whole lesson.",
    "My boss took my passport to copy it and gave it back the same day.",
    "My late father used to shoot pheasant and I want the guns surrendered to the police.",
    "two weeks till the end of term and then i'm going to sleep forever",
    "i called my teacher mum today, i want to die (of cringe)",
    "The guests thought someone had hit me, but it was just a nosebleed.",
    "Surfers only go in when the tide's highest.",
    "The physio and I decided my season is over.",
    "I wanted so much to be a dancer when I was small.",
    "Dad held him up over the railing to see the fireworks.",
    "Mum says I'll spoil the surprise if I tell anyone.",
    "The electrician took the fuse out of the old cooker.",
    "If I leave the UK for a year, do I need to tell the Home Office?",
    "I hit the ball so hard it left the ground.",
    "I threw a mug at my pottery class, on the wheel, and it went wonky.",
    "My phone won't be coming home from the festival in one piece.",
    "The playpen is set up so she can't get out.",
    "I don't care if I don't make the team.",
    "She'll murder me if she hears I spoke to her crush about her.",
    "How can I help a friend who self-harms? She's a student, like me.",
    "my brother is so annoying i could kill him, he ate my cereal",
    "We decided together to control our spending this year.",
    "I asked him to help with my banking, so he has my login.",
    "My friend keeps saying everyone would be better off without her. How can I help her?",
    "Keep your knives sharp, blunt ones are how you end up cutting yourself.",
    "I'll be having lunch with her again soon, she's my oldest friend.",
    "My season is over, I tore my ankle ligaments in the cup match.",
    "I'm not planning on still being here at midnight, this party is dull.",
    "Once the exams are over I'm done too, with everything on the reading list.",
    "Next time I won't bother driving back, I'll get the train.",
    "I went to the beach alone last Sunday.",
    "That's the last you'll hear from me about the parking.",
    "If I left the team I'd leave a gap in midfield.",
    "I'm in the way now the builders are here, so I'm going out.",
    "I want a better wife? No, I want a better dishwasher.",
    "I tell the kids I don't care if I get wet on the walk.",
    "Nobody will come looking for me at the library, it's my quiet place.",
    "The marks I keep making on the wall are from the chair.",
    "Who was on onions? I was cutting.",
    "She said I'd get detention if I talked in class.",
    "My son's football coach sends me messages about training.",
    "They kept us in the hall for hours when the fire alarm went off.",
    "Nobody feeds my cat when I'm away, so I got a sitter.",
    "I learned not to argue with referees because it makes it worse.",
    "It wasn't from the oven. It was the neighbour's barbecue.",
    "The first aid box at nursery is almost empty again.",
    "The fuse box is in the cupboard under the stairs.",
    "My daughter has put a lock on the garden gate for the toddler.",
    "My gran makes sure my tea is hot when I get in.",
    "We stayed in until the snow melted.",
    "I stayed home until the bruises faded after I fell off my bike.",
    "Dad held the baby over the water so she could see the ducks.",
    "I threw a ball at my brother and missed.",
]

ROUND_OVER = [
    "When I was twenty I spent one winter wanting very much to be dead. It passed, and I'm fine now.",
    "In 2012 I pushed my ex down the stairs and she fell. I did the course and I've never done it since.",
    "As a boy I was often shut in the coal shed by my father as punishment. He died years ago.",
    "Six months since I last self-harmed. I told my mum and she hugged me.",
    "one year free from self harm today!! so proud",
    "In 2016 I was cutting myself most weeks. I stopped in 2018 and haven't since.",
]

ROUND_CURRENT = [
    "broke my 40 days clean from sh today and i want to do it again tonight",
    "It's been a year since I last cut, but the urges are back and I relapsed last night.",
]


test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_OVER, ROUND_CURRENT)
