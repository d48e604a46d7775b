"""Readings added in the twenty-fourth round. First, a question put to the listener that the speaker
answers for themselves: the question alone is a trainee's or a friend's and discloses nothing, but
"I have, every night" after it is the speaker's own. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ANSWERED_BY_THE_SPEAKER: list[tuple[str, str]] = [
    ("Have you ever thought about ending your life? I have, every night.", "suicidal_ideation"),
    ("Do you ever want to kill yourself? Because I do.", "suicidal_ideation"),
    ("do u ever wanna kms? bc i do", "suicidal_ideation"),
    ("Have you ever thought about killing yourself? I have thought about it a lot.", "suicidal_ideation"),
    ("Have you ever self harmed? i have lol", "self_harm"),
    ("Do you ever hurt yourself on purpose? Me too.", "self_harm"),
    ("Do you ever hurt yourself? I still do, but not as much as before.", "self_harm"),
]
# The question alone, or followed by words that are no answer about the speaker: a verb of the
# speaker's own ("I have to ask"), a negation, the question's reason.
QUESTION_ONLY = [
    "Have you had any thoughts of ending your life?",
    "Have you had any thoughts of ending your life? I have to ask everyone this.",
    "Do you ever think about killing yourself? I don't.",
    "Have you ever thought about killing yourself? I do care about you, that's why I ask.",
    "Are you thinking of killing yourself? I am so sorry to ask.",
    "Has anyone at home ever hurt you? I have a feeling you might say yes.",
]
ANSWERED_AS_OVER = [
    "Have you ever tried to end your life? I did, when I was fifteen.",
]

test_found_in_its_category, test_reading = reading_tests(
    ANSWERED_BY_THE_SPEAKER, [], QUESTION_ONLY, ANSWERED_AS_OVER, [])
