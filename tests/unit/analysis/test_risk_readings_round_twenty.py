"""Readings added in the twentieth round, from the development sets' explicit disclosures that the
rules alone missed and from the classes of their veiled ones: self-harm told by its purpose ("on
purpose to get hurt", "to punish myself") or by the act in fresh words (ice or a hair tie held until
it hurts, wounds opened again, food denied as a rule); neglect, exploitation and sexual coercion
told by what happens; the fear or urge to hurt one's own baby; a weapon or a dose brought for
someone; a lethal dose kept; veiled threats, poisoning and violence asked about; veiled endings in
fresh words; and the signs of living around someone's temper. Each with its other side. Written in
our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import outcome, reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # Self-harm told by its purpose, or by the act.
    ("I kicked the garage door on purpose so I would get hurt.", "self_harm"),
    ("I keep my sprained wrist from healing, I want it to stay hurt.", "self_harm"),
    ("I pulled my own hair out in handfuls, deliberately, till it stung.", "self_harm"),
    ("I make myself sick after tea because I deserve to feel awful.", "self_harm"),
    ("I deliberately took more of my tablets than the label says, to punish myself.", "self_harm"),
    ("Every night I hold ice on my forearm until it burns.", "self_harm"),
    ("i snap the hair tie on my wrist til it bruises whenever i get it wrong", "self_harm"),
    ("The scab on my knee never heals because I pick it open again on purpose.", "self_harm"),
    ("I don't let myself eat when I get a bad mark.", "self_harm"),
    ("no food till sunday, that's the rule when i mess up", "self_harm"),
    ("I burn my wrist with a lighter after the phone calls.", "self_harm"),
    ("I pressed the hot straighteners against my own thigh last night.", "self_harm"),
    ("When the shouting starts I go and bang my head against the wardrobe door until it goes quiet.", "self_harm"),
    ("I keep a razor for the bad evenings.", "self_harm"),
    ("I took a shard of the broken mug and drew it across my wrist.", "self_harm"),
    # Neglect, exploitation and coercion told by what happens.
    ("My auntie won't feed us as a punishment, it's been three days.", "abuse_or_danger"),
    ("dads been gone 5 days and there's nothing left to eat", "abuse_or_danger"),
    ("The farm boss makes us sleep in the barn and locks us in overnight.", "abuse_or_danger"),
    ("A man online says if I don't send more photos he'll share the ones he has.", "abuse_or_danger"),
    ("My uncle makes me do sexual things when nobody is home.", "abuse_or_danger"),
    ("My husband force me to have sex, I say no but he does anyway.", "abuse_or_danger"),
    ("They are forcing me to sell sex to pay back the debt.", "abuse_or_danger"),
    ("I said no and he didn't stop.", "abuse_or_danger"),
    # Living around someone's temper, told by what the speaker must do.
    ("I need to be home before he is or there's trouble.", "abuse_or_danger"),
    ("i sleep in my clothes in case my stepdad comes in", "abuse_or_danger"),
    ("I have to hide the bruises before school tomorrow.", "abuse_or_danger"),
    ("My coach says it's our special secret and I mustn't tell my mum.", "abuse_or_danger"),
    ("She decides what I wear and who I see.", "abuse_or_danger"),
    # Harm to others: a child in one's care, a weapon or a dose brought, a veiled threat.
    ("I'm terrified I'll hurt my newborn when she won't settle.", "harm_to_others"),
    ("When he screams I want to throw him against the wall, I nearly did it today.", "harm_to_others"),
    ("taking my cousin's knife to the park later and stabbing him if he shows", "harm_to_others"),
    ("I keep thinking about giving my stepfather a dose that would stop his heart.", "harm_to_others"),
    ("I've agreed to help them beat him when he comes out.", "harm_to_others"),
    ("He will pay with his blood for what he did to my sister.", "harm_to_others"),
    ("My hands want to go round his neck every time he speaks.", "harm_to_others"),
    ("bought tape and zip ties, she walks home alone on thursdays", "harm_to_others"),
    ("How hard do you have to hit someone so they stay down?", "harm_to_others"),
    ("Could you put something in his tea without him noticing?", "harm_to_others"),
    # A dose kept, a drug meant for oneself, veiled endings in fresh words.
    ("I know what dose would kill me and I've got it saved in the loft.", "suicidal_ideation"),
    ("I'm going to use the spare morphine on myself this weekend.", "suicidal_ideation"),
    ("I have no wish to carry on living.", "suicidal_ideation"),
    ("I won't be around long enough for any of this to matter.", "suicidal_ideation"),
    ("Look after my dog when I am not here anymore.", "suicidal_ideation"),
    ("I keep picturing stepping out in front of a lorry.", "suicidal_ideation"),
    ("Which of the pills in the cupboard would be quickest?", "suicidal_ideation"),
    ("I've arranged for the cat to go to my neighbour, after that there will be no loose ends.", "suicidal_ideation"),
    ("I'm so tired of waking up.", "suicidal_ideation"),
]
STILL_FOUND: list[str] = []
NOT_DISCLOSURES = [
    # Accidents, chores, first aid and medicine beside the same words.
    "burned my hand on the toastie maker, kept it under cold water and it's fine now",
    "I burnt myself on the oven tray and my husband made me keep it under the cold tap.",
    "t1 diabetes means i stab my fingers a few times a day, getting a sensor soon",
    "I came off the ladder clearing the gutters and bruised my ribs.",
    "On the first aid course we practised what to do if someone has taken too many tablets.",
    "I bought a new knife set for the kitchen.",
    "I taught pharmacology for years and explained lethal doses to every intake.",
    # Sport, stories and jokes.
    "I do jiu-jitsu and I love it. Last night I got choked in a roll and tapped out late.",
    "I read a crime novel where the sister put antifreeze in the victim's tea.",
    "My boss kill me with so many emails today, haha.",
    "i'd unalive someone for a burger rn",
    "I wanted to strangle you for eating my leftovers, but it's fine.",
    "im gonna kill u if u spoil the new season lol",
    "I coach the under-tens; the season's been good, we're second.",
    # Punishment that is only training talk; food, cold water and ice as first aid or coping.
    "I punish myself at the gym every Monday with squats.",
    "The nurse told me to hold ice on my ankle until the swelling goes down.",
    "There's no food in the house so I'm going shopping after work.",
    # Someone made to do something ordinary.
    "My mum makes me do my homework before tea.",
    "My sister says it's our special recipe and I mustn't tell anyone the secret ingredient.",
    "I need to be home before she is so I can finish decorating for her surprise party.",
    # Worries and fears that are not about harm.
    "I'm scared I'll drop the baby in the bath, she's so slippery.",
    "I'm afraid I'll wake my toddler if I hoover now.",
    "I won't be around for the meeting on Friday, I'm on leave.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, [], [])

# A past that is over, told against who the speaker is now ("now I am 35", "now my life is good",
# "I'm safe with mum now", "way past that now", "since three years I stop"), with its other side: the
# same words beside a present act stay current, and a time only compared with ("like when I was 20")
# does not date a present wish.
TOLD_AS_OVER = [
    "When I was 16 I cut my legs, now I am 40 and I stopped long ago.",
    "Eight years ago I wanted to die, I was in hospital for it, now my life is good.",
    "my stepdad used to hit me when i was 9. hes been gone 5 yrs n im safe w my nan now",
    "in year 8 i took a knife to school to scare a kid. got excluded, way past that now",
    "Before I had habit to hit my head when stressed, but since two years I stop completely.",
    "I had thoughts of suicide after the divorce, about a year. They've been gone a long time now.",
]
STILL_CURRENT = [
    "When I was 15 I started cutting, now I am 35 and I still cut every week.",
    "I cut myself when I was 14. Now my life is good but last week I did it again.",
    "My husband hit me last night but I'm safe now at my sister's.",
    "I'm 40 now and I want to die, like when I was 20.",
    "I feel worse than when I was 15, I want to cut again.",
    "Now I'm twenty-three, he takes my benefits and won't let me leave the house.",
    "I snap the band on my wrist until it bleeds; it's gone way past what the counsellor meant.",
]

_, test_past_reading = reading_tests([], [], [], TOLD_AS_OVER, STILL_CURRENT)

# Abuse named "in my ..." only for a home, a family or a relationship, not a course; games by name
# and by their talk; a rope swing; everyday "too many". With their other sides.
HOME_AND_GAMES_FOUND: list[tuple[str, str]] = [
    ("The domestic violence in my home has got worse since Christmas.", "abuse_or_danger"),
    ("There is violence in our family and I'm scared to go back.", "abuse_or_danger"),
    ("How many of these sleeping pills would be too many?", "suicidal_ideation"),
]
HOME_AND_GAMES_NOT = [
    "We watched a film about domestic violence in my seminar and it stayed with me.",
    "Been grinding Elden Ring all week, died about 150 times to one boss and finally beat him last night.",
    "Cleared the shed and found the old rope swing and some tins of varnish.",
    "How many coffees a day is too many?",
]

test_home_found, test_home_reading = reading_tests(HOME_AND_GAMES_FOUND, [], HOME_AND_GAMES_NOT, [], [])

# Work with victims and a feeling "of not being able to" are not disclosures; being a victim and the
# wish "of not being here" still are.
VICTIMS_AND_BEING_FOUND: list[tuple[str, str]] = [
    ("I am a victim of domestic abuse and he's still in the house.", "abuse_or_danger"),
    ("We are victims of domestic violence, all of us, me and the kids.", "abuse_or_danger"),
    ("Lately I keep thinking about not being here.", "suicidal_ideation"),
]
VICTIMS_AND_BEING_NOT = [
    "In my job I interpret for victims of trafficking, and it weighs on me.",
    "As a support worker I help victims of domestic abuse find housing.",
    "Part of it was the feeling of not being able to fix things for her.",
]

test_victims_found, test_victims_reading = reading_tests(VICTIMS_AND_BEING_FOUND, [], VICTIMS_AND_BEING_NOT, [], [])


def test_a_purpose_inside_the_matched_words_flags_rather_than_asks():
    assert outcome("I punched the bathroom wall on purpose so I would get hurt.") == "flag"
    assert outcome("I made myself sick after dinner to punish myself.") == "flag"
    # The same rule with no purpose said anywhere is only asked about.
    assert outcome("My ankle keeps getting better and I want it to stay hurt.") == "ask"
