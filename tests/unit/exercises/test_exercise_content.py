"""Exercise content files: every entry validates, and a broken one fails naming the entry and field."""
from __future__ import annotations

import copy
import re
from collections import Counter

import pytest
import yaml

from bot.content import ContentError, load_document, parse_entries, read_yaml
from bot.exercises.mentalizing import library
from bot.exercises.mentalizing.asking import person_fields
from bot.exercises.mentalizing.schema import (
    ATTACHMENT_TAGS,
    RELATIONSHIPS,
    STEPS,
    FeedbackCatalogue,
    Questions,
    Scenario,
)
from bot.exercises.wording import render, sentences


@pytest.fixture(scope="module")
def raw_library() -> dict:
    return read_yaml(library.SCENARIOS_FILE)


@pytest.fixture
def good_entry(raw_library) -> dict:
    return copy.deepcopy(raw_library["scenarios"][0])


def test_every_scenario_loads_and_meets_the_brief():
    scenarios = library.scenarios()
    assert len(scenarios) >= 26
    ids = [s.id for s in scenarios]
    assert len(ids) == len(set(ids))
    per_relationship = Counter(s.relationship for s in scenarios)
    assert set(per_relationship) == set(RELATIONSHIPS)
    assert min(per_relationship.values()) >= 3, per_relationship
    for scenario in scenarios:
        assert len(scenario.readings) >= 3 and all(r.strip() for r in scenario.readings), scenario.id
        assert set(scenario.tags) <= set(ATTACHMENT_TAGS), scenario.id
        assert scenario.intensity in ("gentle", "moderate")
        assert 2 <= len(sentences(scenario.moment)) <= 4, scenario.id
        assert scenario.hidden_view.strip() and scenario.title.strip()
    # Early sessions start gentle: there must be gentle moments to start with, in every kind of relationship.
    gentle = Counter(s.relationship for s in scenarios if s.intensity == "gentle")
    assert set(gentle) == set(RELATIONSHIPS)


def test_every_tag_is_used_by_some_scenario():
    used = {tag for s in library.scenarios() for tag in s.tags}
    assert used == set(ATTACHMENT_TAGS)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda e: e.update(readings=["only one", "and two"]), "readings", "at least 3"),
        (lambda e: e.update(tags=["anxiety", "clingy"]), "tags.1", "unexpected value"),
        (lambda e: e.update(intensity="intense"), "intensity", "unexpected value"),
        (lambda e: e.update(relationship="boss"), "relationship", "unexpected value"),
        (lambda e: e.pop("hidden_view"), "hidden_view", "field required"),
        (lambda e: e.update(moment="One sentence only, about you."), "moment", "2-4 sentences"),
        (lambda e: e.update(moment="She left. He stayed. Nobody spoke."), "moment", "second person"),
        (lambda e: e.update(readings=["Same.", "same.", "Other."]), "readings", "different"),
        (lambda e: e["other"].update(pronoun="it"), "other.pronoun", "unexpected value"),
    ],
)
def test_a_broken_entry_names_the_entry_and_the_field(good_entry, change, field, message):
    change(good_entry)
    with pytest.raises(ContentError) as error:
        parse_entries([good_entry], Scenario, source="scenarios.yml")
    text = str(error.value)
    assert f"entry '{good_entry['id']}' (#1)" in text
    assert f"field '{field}'" in text
    assert message in text


def test_duplicate_ids_are_refused(good_entry):
    with pytest.raises(ContentError, match=r"entry .* \(#2\): field 'id': duplicate of entry #1"):
        parse_entries([good_entry, copy.deepcopy(good_entry)], Scenario, source="scenarios.yml")


def test_an_entry_without_an_id_is_named_by_position(good_entry):
    del good_entry["id"]
    with pytest.raises(ContentError, match=r"scenarios.yml, entry #1: field 'id': field required"):
        parse_entries([good_entry], Scenario, source="scenarios.yml")


def test_the_shipped_file_with_one_broken_entry_fails_to_load(raw_library):
    broken = copy.deepcopy(raw_library)
    broken["scenarios"][5]["readings"] = []
    with pytest.raises(ContentError, match=r"entry '\w+' \(#6\): field 'readings'"):
        library.parse_scenario_library(broken)


@pytest.mark.parametrize("raw", [None, [], "text", [["a list"]]])
def test_malformed_files_get_a_clear_error(raw):
    with pytest.raises(ContentError):
        parse_entries(raw, Scenario, source="x.yml")


def test_unreadable_and_invalid_yaml_files(tmp_path):
    with pytest.raises(ContentError, match="missing.yml: cannot be read"):
        read_yaml(tmp_path / "missing.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("steps: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match="bad.yml: cannot be read"):
        read_yaml(bad)


def test_questions_and_feedback_load_and_cover_every_step():
    assert set(library.questions().steps) == set(STEPS)
    assert set(library.feedback_catalogue().steps) == set(STEPS)


def test_a_typo_in_a_placeholder_is_caught(tmp_path):
    raw = read_yaml(library.QUESTIONS_FILE)
    raw["steps"]["now"][0] = "What does {nmae} make of it?"
    path = tmp_path / "questions.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match=r"questions.yml: .*unknown placeholder\(s\) \['nmae'\]"):
        load_document(path, Questions)


def test_a_step_without_a_feedback_plan_is_caught(tmp_path):
    raw = read_yaml(library.FEEDBACK_FILE)
    del raw["steps"]["now"]
    path = tmp_path / "feedback.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match=r"steps without a feedback plan: \['now'\]"):
        load_document(path, FeedbackCatalogue)


def _all_templates() -> list[str]:
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    templates = []
    for path in (library.QUESTIONS_FILE, library.FEEDBACK_FILE):
        templates += [t for t in walk(read_yaml(path)) if " " in t]  # skip family names in lists
    return templates


def test_no_sentence_is_shared_by_two_templates():
    # A sentence shared by two templates would be shown twice in one session.
    counts = Counter(
        sentence
        for template in _all_templates()
        for sentence in sentences(re.sub(r"{\w+}", "X", template.replace("{moment}", "")))
    )
    repeated = [s for s, n in counts.items() if n > 1]
    assert not repeated


def test_every_template_renders_for_every_scenario_and_the_own_moment_path():
    extra = {"quote": "q", "hidden_view": "h", "moment": "m", "title": "t", "feelings": "f", "Feelings": "F",
             "sounds": "s", "still": "it still hurts", "readings": "(a) r or (b) s"}
    for fields in [person_fields(s) for s in library.scenarios()] + [person_fields(None)]:
        for template in _all_templates():
            text = render(template, {**extra, **fields})
            assert "{" not in text and "}" not in text, template


def test_no_digits_in_what_clients_read():
    # The closing summary is words only; scenario text is quoted in it.
    for scenario in library.scenarios():
        assert not re.search(r"\d", scenario.moment + scenario.hidden_view), scenario.id
