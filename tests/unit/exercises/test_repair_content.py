"""The repair rehearsal's content: enough varied personas, every line in place, and a schema that
refuses broken entries by file, entry and field."""
from __future__ import annotations

import copy

import pytest

from bot.content import ContentError, read_yaml
from bot.exercises.repair.library import PERSONAS_FILE, coaching, parse_personas, personas, shaped_personas


def test_at_least_twelve_personas_varied_in_relationship_age_pattern_and_hurt():
    people = personas()
    assert len(people) >= 12
    assert {"partner", "parent", "friend", "colleague", "adult_child", "therapist"} <= {p.relationship for p in people}
    assert {p.attachment for p in people} == {"secure", "anxious", "avoidant"}
    assert {p.hurt for p in people} == {"raw", "sore"}
    ages = [p.age for p in people]
    assert min(ages) < 30 and max(ages) > 60
    assert len({p.situation for p in people}) == len(people)


def test_shaped_personas_cover_every_attachment_pattern_and_every_relationship_is_named():
    assert sorted(p.attachment for p in shaped_personas()) == ["anxious", "avoidant", "secure"]
    assert set(coaching().relationship_names) == set(coaching().relationship_words)


def raw_library():
    return copy.deepcopy(read_yaml(PERSONAS_FILE))


def test_the_schema_names_the_entry_and_field_of_a_missing_line_kind():
    raw = raw_library()
    del raw["personas"][1]["lines"]["still_hurts"]
    with pytest.raises(ContentError, match=r"personas.yml, entry 'gerald_speech' \(#2\): field 'lines.still_hurts'"):
        parse_personas(raw)


def test_the_schema_refuses_a_line_said_twice_by_one_character():
    raw = raw_library()
    lines = raw["personas"][0]["lines"]
    lines["open"][0] = lines["guarded"][0]
    with pytest.raises(ContentError, match="appears twice"):
        parse_personas(raw)


def test_an_anxious_character_must_need_a_way_forward():
    raw = raw_library()
    anxious = next(p for p in raw["personas"] if p["attachment"] == "anxious")
    anxious["needs"] = [n for n in anxious["needs"] if n != "a_way_forward"]
    with pytest.raises(ContentError, match="a_way_forward"):
        parse_personas(raw)


def test_unknown_needs_and_blockers_are_refused():
    raw = raw_library()
    raw["personas"][0]["worse"] = ["sulking"]
    with pytest.raises(ContentError, match="worse"):
        parse_personas(raw)
