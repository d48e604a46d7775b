"""Readings added in the twenty-sixth round: who does it in "is it normal for X to ..." (the parser
makes X the object of "for", not the subject), and the "you" of such a question, which is anyone's and
the speaker's first. Each with its other side: someone else's children, a ball, a wish of one's own
that names no person; and a quoted imperative ('he said "kill me now"'), which is the reporter's own
words. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    ("is it normal for my girlfriend to slap me when I'm late home?", "abuse_or_danger"),
    ("Is it normal for a husband to strangle you in an argument? Asking because it happened last night.", "abuse_or_danger"),
    ("is it normal for ur stepdad to hit u with a belt", "abuse_or_danger"),
    # A quoted threat is still the reporter's words aimed at the speaker.
    ('He said "I will kill you" and then he grabbed my neck.', "abuse_or_danger"),
]

ROUND_NOT_DISCLOSURES = [
    "Is it normal for a toddler to hit other children at nursery?",
    "I waited for my brother to hit the ball, then I ran.",
    "It was lovely for my nan to see us all together.",
    # A quoted imperative is the reporter's own words, though the parser makes it the complement of
    # "said" (as in "he said to wait"): "me" is him.
    'After the third lap my brother said "kill me now" and lay down on the track.',
]

test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, [], [])
