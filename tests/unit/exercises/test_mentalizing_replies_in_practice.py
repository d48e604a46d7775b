"""Replies to answers from mentalizing practice, with the REAL analysis, each pinned with neighbours on
both sides: a feeling verb is not echoed as "you felt ...", an invitation never asks for what the
answer already gave, and a repair at the question about the person's own feeling offers choices about
that feeling rather than readings of the other person."""
from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from bot.exercises.mentalizing import feedback_for, scenario_by_id
from bot.exercises.mentalizing.feedback import Pace
from bot.exercises.mentalizing.library import feedback_catalogue
from bot.exercises.mentalizing.schema import OtherPerson, Scenario
from bot.exercises.wording import render, sentences


def _wordings(step: str, family: str, fields: dict) -> set[str]:
    catalogue = feedback_catalogue()
    variants = catalogue.steps[step].invite_wording.get(family) or catalogue.invite[family]
    return {s for v in variants for s in sentences(render(v, fields))}


# -- a feeling verb is no "you felt ..." --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A bit. When we were younger I'd just laugh it off. Now it matters more, maybe because I have less free "
    "time and I value it more.",
    "I mind a lot when he's late, and I care about him.",
])
def test_a_feeling_verb_is_not_echoed_as_a_feeling(analyse, text):
    for seed in range(6):
        feedback = feedback_for("now", text, analyse(text), set(), random.Random(seed), follow_up=True,
                                scenario=scenario_by_id("friend_late_again"))
        assert not feedback.validated
        for word in ("value", "mind", "care"):
            assert f"felt {word}" not in feedback.text and f"Feeling {word}" not in feedback.text
            assert not feedback.text.lower().startswith(word)


def test_a_feeling_named_beside_a_feeling_verb_is_still_met(analyse):
    text = "I felt small and I hate it."
    for seed in range(6):
        feedback = feedback_for("own_feeling", text, analyse(text), set(), random.Random(seed),
                                scenario=scenario_by_id("friend_late_again"))
        assert feedback.validated and "hate" not in feedback.text  # "small" is met, or how it sounds


# -- no invitation for what the answer already gave ------------------------------------------------
@pytest.mark.parametrize(("step", "text"), [
    ("own_feeling", "Annoyed, and a bit small, like my time doesn't count. I wanted to say something sharp "
                    "but I just smiled and let it go."),
    ("own_feeling", "I wanted to shout at him but I just stayed quiet."),
    ("own_feeling", "I was annoyed, so I went quiet."),
    ("other_mind", "Maybe he honestly doesn't notice time the way I do. He might have felt a bit guilty walking "
                   "in, and the traffic line was a way to skip past that."),
    ("other_mind", "He might have felt guilty, so the joke was a way to change the subject."),
])
def test_a_link_already_made_is_not_invited(analyse, step, text):
    scenario = scenario_by_id("friend_late_again")
    wordings = _wordings(step, "causal_link", scenario.other.fields())
    for seed in range(6):
        feedback = feedback_for(step, text, analyse(text), set(), random.Random(seed), scenario=scenario,
                                pace=Pace(answers=1, praised_at=0))
        assert feedback.invited != "causal_link"
        assert not set(sentences(feedback.text)) & wordings


@pytest.mark.parametrize(("step", "text"), [
    ("own_feeling", "I felt annoyed, and a bit small, like my time doesn't count."),
    ("own_feeling", "I wanted to say something sharp."),
    ("other_mind", "Maybe he honestly doesn't notice time the way I do. He might have felt a bit guilty."),
])
def test_a_link_not_yet_made_is_still_invited(analyse, step, text):
    scenario = scenario_by_id("friend_late_again")
    feedback = feedback_for(step, text, analyse(text), set(), random.Random(1), scenario=scenario,
                            pace=Pace(answers=1, praised_at=0))
    assert feedback.invited == "causal_link"
    assert set(sentences(feedback.text)) & _wordings(step, "causal_link", scenario.other.fields())


# -- a repair offers choices about what the open question asked -----------------------------------
def _offered(text: str, choices: list[str]) -> int:
    return sum(c.rstrip(".").lower() in text.lower() for c in choices)


@pytest.mark.parametrize("scenario_id", ["stranger_driver_horn", "friend_late_again"])
def test_a_repair_at_the_own_feeling_question_offers_own_feelings(analyse, scenario_id):
    scenario = scenario_by_id(scenario_id)
    for seed in range(4):
        feedback = feedback_for("own_feeling", "whatever", analyse("whatever"), set(), random.Random(seed),
                                scenario=scenario, pace=Pace(answers=1, low_before=True))
        assert feedback.repaired
        assert _offered(feedback.text, scenario.own_readings) >= 2
        assert _offered(feedback.text, [r[len(r.split()[0]) + 1:] for r in scenario.readings]) == 0


def test_a_repair_at_a_question_about_the_other_person_still_offers_readings_of_them(analyse):
    scenario = scenario_by_id("stranger_driver_horn")
    feedback = feedback_for("other_mind", "whatever", analyse("whatever"), set(), random.Random(2),
                            scenario=scenario, pace=Pace(answers=1, low_before=True))
    assert feedback.repaired
    assert _offered(feedback.text, [r[len(r.split()[0]) + 1:] for r in scenario.readings]) >= 2
    assert _offered(feedback.text, scenario.own_readings) == 0


@pytest.mark.parametrize("about", [None, OtherPerson(name="the other person", pronoun="they")])
def test_without_written_own_feelings_the_general_ones_are_offered(analyse, about):
    general = feedback_catalogue().repair.own_feelings
    feedback = feedback_for("own_feeling", "whatever", analyse("whatever"), set(), random.Random(3),
                            scenario=about, pace=Pace(answers=1, low_before=True))
    assert feedback.repaired and _offered(feedback.text, general) >= 2


def test_own_readings_are_several_or_none():
    base = scenario_by_id("stranger_driver_horn").dict()
    Scenario(**{**base, "own_readings": []})
    with pytest.raises(ValidationError):
        Scenario(**{**base, "own_readings": ["Startled.", "Embarrassed."]})
    with pytest.raises(ValidationError):
        Scenario(**{**base, "own_readings": ["Startled.", "startled.", "Embarrassed."]})


def test_every_gentle_scenario_offers_its_own_feelings_as_choices():
    """A newcomer gets gentle scenarios first, and a newcomer is the one most likely to need a repair."""
    from bot.exercises.mentalizing.library import scenarios

    gentle = [s for s in scenarios() if s.intensity == "gentle"]
    assert gentle and all(len(s.own_readings) >= 3 for s in gentle), [s.id for s in gentle if not s.own_readings]
