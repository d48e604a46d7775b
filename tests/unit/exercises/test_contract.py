"""Every registered exercise keeps the contract (bot/exercises/contract.py), run for real.

A new exercise gets these checks by its registry entry alone: its declaration is consistent with
the domain, the rules and the message catalogues; its flow starts, asks, takes answers, skips to
the end and closes on every path; its annotations carry only declared scores and evidence that
quotes the answer; and its step state holds none of the person's words.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

from bot.exercises.contract import AnsweredTurn, Audience
from bot.exercises.registry import DECLARATIONS, exercise, for_start_intent, score_specs
from bot.messages import load_catalogue

REPO = Path(__file__).resolve().parents[3]
DOMAIN = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
RULES = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "rules").glob("*.yml")))
ANSWER = ("I felt hurt, and I wondered whether she was worried about something at work. "
          "Maybe she thought I was angry with her.")
NAMES = [d.name for d in DECLARATIONS]


@pytest.fixture(params=NAMES)
def declared(request):
    return next(d for d in DECLARATIONS if d.name == request.param)


def test_names_and_score_names_are_unique():
    assert len(set(NAMES)) == len(NAMES)
    declared_scores = [s.name for d in DECLARATIONS for s in d.scores]
    assert len(set(declared_scores)) == len(declared_scores) == len(score_specs())


def test_the_declaration_is_the_engine_s(declared):
    assert exercise(declared.name).declaration is declared


def test_every_start_intent_is_in_the_domain_and_has_its_start_rule(declared):
    for intent, path in declared.starts.items():
        assert intent in DOMAIN["intents"]
        assert f"- intent: {intent}\n      - action: action_exercise_start\n      - action: exercise_form" in RULES
        assert for_start_intent(intent) == (exercise(declared.name), path)
        assert exercise(declared.name).steps(path)


def test_the_menu_offers_every_exercise(declared):
    buttons = {(b["title"], b["payload"]) for b in DOMAIN["responses"]["utter_menu"][0]["buttons"]}
    for entry in declared.menu:
        assert (entry.title, entry.payload) in buttons
        assert entry.payload.lstrip("/") in declared.starts


def test_scores_are_declared_with_a_scale_an_audience_and_a_construct(declared):
    for spec in declared.scores:
        assert spec.label and spec.short and spec.scale[0] < spec.scale[1] and spec.audience
        document, _, anchor = spec.construct.partition("#")
        assert (REPO / document).is_file(), spec.construct
        # Numbers are for therapists and trainees; a client-visible score would need a reason.
        assert not spec.visible_to(Audience.CLIENT)


def test_the_catalogue_has_what_the_generic_actions_say(declared):
    assert load_catalogue(declared.name)["skipped"]


def _run_path(name: str, path: str, seed: int):
    engine, rng = exercise(name), random.Random(seed)
    reply = engine.start(path, None, rng)
    assert reply.messages and not reply.finished
    turns: list[AnsweredTurn] = []
    sizes = []
    for _ in range(4 * len(engine.steps(path))):
        if reply.finished:
            break
        asked = engine.ask(reply.state, rng)
        question = asked.question or ""
        reply = engine.answer(asked.state, ANSWER, rng, question=question)
        json.dumps(reply.state)  # travels in a slot
        # At most the last answer, while running (the repair rehearsal's time out quotes it).
        assert json.dumps(reply.state).count("wondered") <= 1
        assert reply.messages and reply.annotation is not None
        turns.append(AnsweredTurn(reply.annotation, ANSWER, question))
        sizes.append(len(json.dumps(reply.state)))
    assert reply.finished
    return engine, reply, turns, sizes


@pytest.mark.parametrize("name, path", [(d.name, p) for d in DECLARATIONS for p in sorted(set(d.starts.values()))])
def test_a_whole_run_on_every_path(name, path):
    engine, reply, turns, sizes = _run_path(name, path, seed=1)
    declared_scores = {s.name for s in engine.scores}
    for turn in turns:
        annotation = turn.annotation
        assert annotation.kind == name and annotation.step in engine.steps(path)
        assert set(annotation.scores) <= declared_scores
        json.dumps(annotation.to_dict())
        for span in annotation.evidence:
            assert ANSWER[span["start"]:span["end"]] == span["text"]
    # The finished step state holds no words of the person, and it does not grow with every answer.
    assert "wondered" not in json.dumps(reply.state)
    assert sizes[-1] < sizes[0] + 120 * len(sizes)
    closing = engine.close(reply.state, turns, None, random.Random(2))
    said = " ".join(closing.messages)
    assert said and not any(ch.isdigit() for ch in said)  # words for the person, never numbers
    json.dumps(closing.profile)
    json.dumps(engine.summary(turns, reply.state))
    for series in engine.chart_series(turns):
        assert series.score in engine.scores


@pytest.mark.parametrize("name, path", [(d.name, p) for d in DECLARATIONS for p in sorted(set(d.starts.values()))])
def test_skipping_every_step_finishes_and_a_swap_starts_again(name, path):
    engine, rng = exercise(name), random.Random(3)
    reply = engine.start(path, None, rng)
    for _ in engine.steps(path):
        reply = engine.skip(reply.state, rng)
    assert reply.finished
    swapped = engine.swap(reply.state, None, rng)
    assert swapped.messages and not swapped.finished
    assert engine.resume(swapped.state) is not None
