"""Choosing wording without repeats: sentences and templates."""
from __future__ import annotations

import random

from bot.exercises.wording import pick_fresh, render, sentences

TEMPLATES = ['You said "{quote}".', 'I noticed "{quote}".', 'In "{quote}" you looked inward.']


def test_sentences_are_normalised_for_comparison():
    assert sentences("Hello  there.  How ARE you?\nFine!") == ["hello there.", "how are you?", "fine!"]
    assert sentences('She said "no." Then left.') == ['she said "no."', "then left."]


def test_no_sentence_is_picked_twice():
    seen: set[str] = set()
    rng = random.Random(1)
    picked = [pick_fresh(["One. Two.", "Three.", "Two. Four."], seen, rng) for _ in range(3)]
    shown = [s for text in picked if text for s in sentences(text)]
    assert len(shown) == len(set(shown))
    assert None in picked  # "Two." was shared, so one variant could not be used


def test_every_template_is_used_once_before_any_is_filled_again():
    seen: set[str] = set()
    rng = random.Random(2)
    used = []
    for n in range(6):
        text = pick_fresh(TEMPLATES, seen, rng, {"quote": f"words {n}"})
        used.append(next(t for t in TEMPLATES if render(t, {"quote": f"words {n}"}) == text))
    assert sorted(used[:3]) == sorted(TEMPLATES) and sorted(used[3:]) == sorted(TEMPLATES)


def test_exhausted_templates_give_none():
    seen: set[str] = set()
    rng = random.Random(3)
    for _ in TEMPLATES:
        assert pick_fresh(TEMPLATES, seen, rng, {"quote": "same"})
    assert pick_fresh(TEMPLATES, seen, rng, {"quote": "same"}) is None


def test_values_are_not_reinterpreted_as_templates():
    assert render("You said {quote}.", {"quote": "{name} {0} {__class__}"}) == "You said {name} {0} {__class__}."
