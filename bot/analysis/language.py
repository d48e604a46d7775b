"""Is this text English enough to analyse? The rubrics are English-only and say so rather than guess."""
from __future__ import annotations

import functools

from spacy.tokens import Doc

from bot.analysis.patterns import load_lexicon

MIN_WORDS_TO_JUDGE = 3
# Below this share of Latin letters the text is in another script (Chinese, Arabic, Cyrillic ...).
MIN_LATIN_SHARE = 0.5
_CACHE_KEY = "attune_is_probably_english"


def is_probably_english(doc: Doc) -> bool:
    """True for English text and for texts too short to judge (a bare "Whatever." or an emoji).

    Three signals: the script (mostly non-Latin letters is not English); then English function
    words (spaCy's stop list) against common function words of other European languages
    (`lexicons/language.yml`): "Lo siento, fue mi culpa" has a few English-looking words ("no", "a")
    but more Spanish ones. A list of names ("New Order, Joy Division") has neither and passes.
    """
    # Every part of the analysis asks about the same Doc, so the answer is kept on it.
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[_CACHE_KEY] = _judge(doc)
    return cached


def _judge(doc: Doc) -> bool:
    if not doc.text.isascii():
        letters = [c for c in doc.text if c.isalpha()]
        latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
        if letters and latin / len(letters) < MIN_LATIN_SHARE:
            return False
    words = [t for t in doc if t.is_alpha]
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    foreign_words = _foreign_words()
    english = sum(t.is_stop for t in words)
    foreign = sum(t.lower_ in foreign_words for t in words)
    return not (foreign >= 2 and foreign > english)


@functools.lru_cache(maxsize=1)
def _foreign_words() -> frozenset[str]:
    return frozenset(load_lexicon("language")["foreign_function_words"])
