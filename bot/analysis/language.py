"""Is this text English enough to analyse? The rubrics are English-only and say so rather than guess."""
from __future__ import annotations

from spacy.tokens import Doc

# English function words make up roughly 40-60% of ordinary English running text; other languages
# parsed with the English model hit almost none of spaCy's English stop list.
MIN_STOPWORD_SHARE = 0.15
MIN_WORDS_TO_JUDGE = 3


def is_probably_english(doc: Doc) -> bool:
    """True for English text and for texts too short to judge (a bare "Whatever." or an emoji)."""
    words = [t for t in doc if t.is_alpha]
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    return sum(t.is_stop for t in words) / len(words) >= MIN_STOPWORD_SHARE
