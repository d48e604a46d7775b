"""Readings added after two development sets of the eighteenth round (families and care; the quietest
ways of telling), each with its other side. Written in our own words; rules alone. The readings of
someone close being hurt are tested in test_risk_someone_close.py."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    # "he's 25" of a teenager's boyfriend still reads as an adult grooming a child.
    ("my boyfriend picks me up from school, he's 25 and says my parents wouldn't get it", "abuse_or_danger"),
    ("I'm planning to take them all on Friday night", "suicidal_ideation"),
]
STILL_FOUND = [
    "He said he would kill me if he knew I had told anyone.",  # a threat, not a shopping slip
    "I've been watching when he leaves work and which way he walks home.",  # no surprise named
    "I want to stab myself, I've thought about it all week.",  # no stage, no prop
    "I've been thinking about suicide every day since the funeral.",  # no sermon
    "I swallowed too many pills last night on purpose.",  # no first-aid course
]
NOT_DISCLOSURES = [
    # An adult's age said of a friend or sister, not a groomer's.
    "My sister's partner takes all her wages. She's 35. How can I help her see it?",
    # Surprises: tracking or noting someone's movements to decorate, cater or celebrate.
    "I've been noting when my flatmate goes to the gym so we can decorate the lounge for her thirtieth.",
    # Decluttering and stern letters are not farewells.
    "Gave away half my wardrobe this weekend, going for a capsule wardrobe at last.",
    "I wrote the landlord a very stern letter about the damp and I feel better for it.",
    # A plan to take people somewhere.
    "I'm planning to take the kids to the seaside for Dad's birthday.",
    # Anger at a household slip or a quiz partner, said as a figure.
    "I could kill my brother rn he took my charger again",
    "We lost the quiz by a point, I could have throttled Priya for changing our answer.",
    "My wife would kill me if she knew how much that guitar cost.",
    # From the retired seventeenth blind set's false alarms: a stage death, a sermon, a first-aid
    # course, a tool called a gun, anger felt and taken back, a child's fall from a bike.
    "In the school play I fake stab myself with a rubber knife, everyone laughs.",
    "Our priest preached about suicide prevention on Sunday and I found it moving.",
    "We covered overdoses on my first aid course, what to do if someone swallowed too many pills.",
    "I meant the staple gun, not a real one, we're putting up fence panels.",
    "I felt like strangling him when he was late again, but we laughed about it after.",
    "My son fell off his bike and has a bruise on his knee, he cried but he's fine now.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, STILL_FOUND, NOT_DISCLOSURES, [], [])
