"""Coherence notes, markers and the reflection chosen, on written examples
(bot/exercises/narrative/coherence.py); offsets always quote the answer."""
from __future__ import annotations

import pytest

from bot.exercises.narrative.coherence import read, reflection_key
from bot.exercises.narrative.library import lexicon


def _read(text: str, kind: str = "memory"):
    reading = read(text, kind, lexicon())
    for marker in reading.markers:
        assert text[marker.span.start:marker.span.end] == marker.span.text
    return reading


def test_a_word_without_a_memory_strains_quality_and_invites_an_example():
    reading = _read("She was always loving and caring, a really good mother to all of us.")
    assert "quality" in reading.notes
    assert reflection_key(reading, "memory", mind_seen_before=False) == "invite_example"


def test_a_specific_episode_meets_quality():
    reading = _read("One time I fell off my bike and she carried me home and put a plaster on my knee.")
    assert reading.has("specific_memory") and "quality" not in reading.notes
    assert reflection_key(reading, "memory", mind_seen_before=False) == "acknowledge_memory"


def test_i_cant_remember_is_accepted_without_a_quality_note():
    reading = _read("Honestly, I can't remember.")
    assert reading.cant_remember and reading.notes == {}
    assert reflection_key(reading, "memory", mind_seen_before=False) == "cant_remember"


def test_a_bare_answer_strains_quantity():
    assert _read("It was fine.").notes.get("quantity") == "very little said"


def test_a_flood_strains_quantity_and_manner_and_invites_meaning(flood_text):
    reading = _read(flood_text)
    assert reading.flooding and {"quantity", "manner"} <= set(reading.notes)
    assert reading.has("present_tense") and reading.has("sensory_detail")
    assert reflection_key(reading, "memory", mind_seen_before=False) == "invite_meaning"


def test_present_anger_strains_relation():
    reading = _read("When I was ten he missed my birthday and even now it makes my blood boil.")
    assert "relation" in reading.notes and reading.has("current_anger")


def test_filler_phrases_strain_manner():
    reading = _read("One time, you know, she was sort of there and sort of not, and stuff, whatever.")
    assert reading.notes.get("manner") == "vague filler phrases"


@pytest.mark.parametrize("text", [
    "Maybe she was exhausted and didn't know how to cope.",
    "I think he must have been scared of losing his job.",
    "Mum really wanted us to be safe, even when she shouted.",
])
def test_the_caregiver_s_mind_is_marked_and_noticed_warmly_the_first_time(text):
    reading = _read(text, "reflection")
    assert reading.has("caregiver_mind")
    assert reflection_key(reading, "reflection", mind_seen_before=False) == "caregiver_mind_noticed"
    assert reflection_key(reading, "reflection", mind_seen_before=True) == "acknowledge_reflection"


def test_a_harsh_message_to_the_child_self_gets_a_gentle_response_not_praise():
    reading = _read("You were pathetic and weak, you should have known better than to cry.", "adult_to_child")
    assert reading.has("harsh_to_child")
    assert reflection_key(reading, "adult_to_child", mind_seen_before=False) == "harsh_to_child"


def test_a_kind_message_to_the_child_self_is_recognised():
    reading = _read("You were just a child and it was not your fault.", "adult_to_child")
    assert reflection_key(reading, "adult_to_child", mind_seen_before=False) == "kind_to_child"


def test_declining_the_caregiver_s_side_is_accepted_on_an_optional_step():
    reading = _read("I don't want to see it from their side.", "retelling")
    assert reflection_key(reading, "retelling", mind_seen_before=False, optional_view=True) == "not_their_side"


def test_each_note_travels_as_evidence_at_the_start_of_the_answer():
    text = "She was always loving and caring, a really good mother to all of us, whatever anyone says about it."
    reading = _read(text)
    notes = [m.evidence() for m in reading.markers if m.name == "quality"]
    assert len(notes) == 1 and notes[0]["explanation"] == "quality: " + reading.notes["quality"]
    assert notes[0]["start"] == 0 and text.startswith(notes[0]["text"]) and len(notes[0]["text"]) <= 60
