"""Quoting a person's words from analysis evidence: always their exact words, short and on one line."""
from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from bot.analysis.evidence import Evidence
from bot.exercises.quotes import MAX_QUOTE_CHARS, MAX_QUOTE_WORDS, quote_for

LABELLED = Path(__file__).resolve().parents[2] / "data" / "mentalizing.jsonl"


def _evidence(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(start, start + len(words), words, "m", "")


def test_a_single_word_widens_to_its_phrase():
    text = "I think maybe she was worried about the rent, or she was tired."
    assert quote_for(text, _evidence(text, "worried")) == "I think maybe she was worried about the rent"


def test_a_very_short_clause_runs_on_past_a_comma():
    text = "Looking back, I used to assume the worst. Now I ask."
    assert quote_for(text, _evidence(text, "Looking back")) == "Looking back, I used to assume the worst"


def _words_of(quote: str) -> str:
    return quote.removeprefix("...").removesuffix("...")


def test_a_long_clause_is_cut_where_a_smaller_clause_starts_and_says_so():
    text = "I felt hurt and a bit stupid and small and silly for writing such a long and careful message to her"
    quote = quote_for(text, _evidence(text, "hurt"))
    assert quote == "I felt hurt and a bit stupid and small..."


def test_a_cut_before_a_reason_keeps_the_clause_whole():
    text = "I was really angry because she kept ignoring me when I tried to talk to her about the holiday plans we made"
    assert quote_for(text, _evidence(text, "because")) == "I was really angry because she kept ignoring me..."


def test_a_clause_cut_on_the_left_starts_at_a_smaller_clause_and_is_marked():
    text = "Well I suppose on that particular evening after the long drive home she was maybe tired and a bit fed up"
    assert quote_for(text, _evidence(text, "maybe")) == "...after the long drive home she was maybe tired and a bit fed up"


def test_a_cut_between_words_leaves_no_function_word_dangling_and_is_marked():
    text = "She said nothing at dinner and later when we were washing up she told me she had felt left out all week"
    quote = quote_for(text, _evidence(text, "left out"))
    assert quote == "...she told me she had felt left out all week"


def test_a_condition_stays_with_what_depends_on_it():
    text = "if he ignored me again in front of all of them I'd feel stupid"
    assert quote_for(text, _evidence(text, "stupid")) == text
    before_a_comma = "If she ignored me, I'd feel stupid and small"
    assert quote_for(before_a_comma, _evidence(before_a_comma, "stupid")) == before_a_comma


def test_a_condition_too_far_back_gives_no_quote_rather_than_a_fact():
    text = "if he ever just ignored me again like that in front of everyone I'd feel stupid"
    assert quote_for(text, _evidence(text, "stupid")) is None


def test_a_negation_stays_with_what_it_negates():
    text = "I really honestly don't think that she was ever angry with me about the party at all"
    quote = quote_for(text, _evidence(text, "angry"))
    assert quote is not None and "don't think" in quote and quote.startswith("...")


def test_a_clause_is_not_quoted_from_the_word_that_links_it_to_the_one_before():
    text = "I felt embarrassed and angry, and I think he just didn't care much about me."
    assert quote_for(text, _evidence(text, "think")) == "I think he just didn't care much about me"


def test_a_short_clause_is_quoted_whole_without_marks():
    text = "I probably seemed cold to her. She left early."
    assert quote_for(text, _evidence(text, "seemed")) == "I probably seemed cold to her"


def test_markup_and_control_characters_end_a_quote():
    text = "<i>maybe</i> she was\x00 scared"
    quote = quote_for(text, _evidence(text, "scared"))
    assert quote == "she was scared" and "\x00" not in quote


def test_offsets_that_drifted_are_found_by_the_words():
    text = "Honestly, maybe she didn’t want to upset me."
    drifted = Evidence(0, 5, "didn't want", "m", "")  # straight apostrophe, wrong offsets
    quote = quote_for(text, drifted)
    assert quote is not None and "didn’t want" in quote and quote in text


def test_words_not_in_the_text_give_no_quote():
    assert quote_for("She left.", Evidence(0, 4, "stayed", "m", "")) is None
    assert quote_for("", Evidence(0, 0, "", "m", "")) is None


def test_a_huge_unbroken_text_gives_a_bounded_quote():
    text = "maybe " + "x" * 50_000
    quote = quote_for(text, _evidence(text, "maybe"))
    assert quote is not None and len(quote) <= MAX_QUOTE_CHARS + 3 and quote.endswith("...")


@pytest.mark.skipif(not LABELLED.exists(), reason="the labelled mentalizing set is not in this checkout")
def test_every_marker_of_the_labelled_set_quotes_the_exact_words(analyse):
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Blind rows stay unread: a failure here would print them.
    texts = [row["text"] for row in rows if row.get("split") != "blind"]
    quoted = 0
    for text in texts:
        for marker in analyse(text).markers:
            quote = quote_for(text, marker.evidence)
            if quote is None:  # only where a condition is too far back to quote with the evidence
                assert " if " in f" {text.lower()} " or "unless" in text.lower(), (text, marker)
                continue
            words = _words_of(quote)
            assert words in " ".join(text.split()), (quote, text)
            assert len(words.split()) <= MAX_QUOTE_WORDS and len(words) <= MAX_QUOTE_CHARS
            # The quote shows the evidence, or at least its beginning when a long span was cut.
            first_word = marker.evidence.text.split()[0].strip(string.punctuation)
            assert first_word in [w.strip(string.punctuation) for w in words.split()], (quote, marker.evidence.text)
            quoted += 1
    assert quoted > 100
