"""Readings added in the twenty-third round, from the development sets' disclosures that the rules
alone missed. First, a habit of hurting told with "used to", including the parse that hangs "used" on
the noun before it ("my mum's boyfriend used to hurt me"), with words that wound as its other side;
a relapse, or an act done again after a gap, told with the clean time it ends, read as now.
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


# A relapse or an act done again after a gap is now, whatever clean time is named; clean time kept is over.
DONE_AGAIN_NOW = [
    "relapsed on sh last night after 90 days clean",
    "i relapsed. three weeks clean and i relapsed",
    "Broke my streak at 20 days. Did it again last night.",
    "havent been clean in a week, the blade is back in my pencil case",
    "After the row I cut my arm, which I haven't done since college.",
    "I've gone back to the thing with the safety pin on my thigh.",
    "I have started cutting my legs where nobody looks, at fifty-five.",
]
CLEAN_TIME_KEPT = [
    "i used to sh in year 8 but ive been clean for 3 years now",
    "When I was at uni I relapsed into cutting for a few months. That was ten years ago and I'm well now.",
]

test_done_again_reading = reading_tests([], [], [], CLEAN_TIME_KEPT, DONE_AGAIN_NOW)[1]
