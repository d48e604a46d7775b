"""Readings added in the twenty-third round, from the development sets' disclosures that the rules
alone missed. First, a habit of hurting told with "used to", including the parse that hangs "used" on
the noun before it ("my mum's boyfriend used to hurt me"), with words that wound as its other side.
Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import reading_tests

IN_ITS_CATEGORY: list[tuple[str, str]] = [
    ("When I was about 9 my mum's boyfriend used to hurt me.", "abuse_or_danger"),
    ("My gran's lodger used to hurt me when she was out.", "abuse_or_danger"),
]
NOT_DISCLOSURES = [
    "She used to hurt me with her comments about my weight.",
    "My old boss used to hurt me with his silences more than anything he said.",
]
TOLD_AS_OVER = [
    "When I was about 9 my mum's boyfriend used to hurt me. He's long gone and I'm safe now.",
]

test_found_in_its_category, test_reading = reading_tests(IN_ITS_CATEGORY, [], NOT_DISCLOSURES, TOLD_AS_OVER, [])
