"""What the mentalizing exercise says around the answers: the moment, the questions, the offer of
another scenario. Wording lives in questions.yml; every sentence shown is remembered in the
session's `seen` set so nobody reads the same sentence twice (bot/exercises/wording.py).
"""
from __future__ import annotations

import random
from collections.abc import MutableSet
from typing import Union

from bot.exercises.mentalizing.library import UNNAMED_OTHER, questions
from bot.exercises.mentalizing.paths import UnknownStep
from bot.exercises.mentalizing.schema import STEPS, OtherPerson, Scenario
from bot.exercises.wording import pick_fresh

# Whom the questions are about: a scenario (its other person), the person found in the story of
# the person's own moment ("your sister", see people.py), or nobody known ("the other person").
About = Union[Scenario, OtherPerson, None]


def person_fields(about: About) -> dict[str, str]:
    """Template fields naming the other person."""
    if isinstance(about, Scenario):
        return {**about.other.fields(), "moment": about.moment.strip(), "title": about.title}
    return (about or UNNAMED_OTHER).fields()


def say_fresh(templates: list[str], seen: MutableSet[str], rng: random.Random, fields: dict) -> str:
    """A fresh variant; if a long session has used every one, repeat rather than say nothing."""
    text = pick_fresh(templates, seen, rng, fields)
    if text is None:
        text = pick_fresh(templates, set(), rng, fields) or ""
    return text


def present_scenario(scenario: Scenario, seen: MutableSet[str], rng: random.Random) -> str:
    return say_fresh(questions().introduce_scenario, seen, rng, person_fields(scenario))


def introduce_own_moment(seen: MutableSet[str], rng: random.Random) -> str:
    return say_fresh(questions().introduce_own_moment, seen, rng, person_fields(None))


def offer_another(seen: MutableSet[str], rng: random.Random) -> str:
    """What to say before presenting a different scenario when the person asks for another."""
    return say_fresh(questions().offer_another, seen, rng, {})


def question_for(step: str, scenario: About, seen_sentences: MutableSet[str], rng: random.Random) -> str:
    """The question for `step`, naming the other person, in a variant not yet seen.

    `scenario`: the Scenario, or on the own-moment path the OtherPerson from the story (or None).
    """
    if step not in STEPS:
        raise UnknownStep(step)
    return say_fresh(questions().steps[step], seen_sentences, rng, person_fields(scenario))
