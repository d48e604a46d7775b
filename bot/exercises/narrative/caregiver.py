"""How the exercise names the chosen caregiver in its questions: the person's own short words ("my
nan" becomes "your nan", "Auntie Jo" stays), else a kind word found in a longer answer ("your
grandmother"), else a neutral phrase. Never more than a few words of the answer."""
from __future__ import annotations

import re

from bot.exercises.narrative.phrases import find
from bot.exercises.narrative.schema import Lexicon

MAX_WORDS = 4
MAX_CHARS = 40
_OWN = re.compile(r"^(my|our)\b", re.IGNORECASE)


def caregiver_label(text: str, lexicon: Lexicon, unnamed: str) -> str:
    said = (text or "").strip().strip(".!?,;: ")
    kinds = find(said, lexicon.caregiver_kinds)
    short = 0 < len(said.split()) <= MAX_WORDS and len(said) <= MAX_CHARS and not any(c.isdigit() for c in said)
    if short and (kinds or _OWN.match(said) or said[:1].isupper()) and "'" not in said.split()[0]:
        return _OWN.sub("your", said)
    if kinds:
        return f"your {kinds[0].text.lower()}"
    return unnamed
