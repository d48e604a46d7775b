"""Trainee practice's content: the simulated clients and the feedback wording, checked by their schema."""
from __future__ import annotations

import copy

import pytest

from bot.content import ContentError, read_yaml
from bot.exercises.trainee.library import (
    CLIENTS_FILE,
    client_fields,
    clients,
    feedback_catalogue,
    parse_client_library,
)
from bot.exercises.trainee.moves import MOVE_ORDER
from bot.exercises.trainee.schema import DEPTHS, FEATURES, MIN_REPLIES_PER_DEPTH, STYLES
from bot.exercises.wording import render


def test_at_least_ten_clients_covering_every_style_and_the_hard_ones():
    library = clients()
    assert len(library) >= 10
    assert {c.style for c in library} == set(STYLES)
    assert any(c.stance == "hostile" for c in library)
    assert any(c.stance == "withdrawn" for c in library)
    assert any(c.mentalizing.failure_mode == "hypermentalizing" for c in library)
    assert any(c.style == "pleasing" for c in library)


def test_every_client_has_replies_at_every_depth_and_enough_for_a_session():
    for client in clients():
        for depth in DEPTHS:
            assert len(client.replies.at(depth)) >= MIN_REPLIES_PER_DEPTH, (client.id, depth)
        assert set(client.opens_up) <= set(FEATURES) and set(client.shuts_down) <= set(FEATURES)


def _raw():
    return copy.deepcopy(read_yaml(CLIENTS_FILE))


def test_a_client_short_of_replies_is_refused_naming_the_entry_and_field():
    raw = _raw()
    raw["clients"][2]["replies"]["feeling"] = raw["clients"][2]["replies"]["feeling"][:1]
    with pytest.raises(ContentError, match=r"clients.yml, entry 'theo_hypermentalizing' \(#3\): field 'replies.feeling'"):
        parse_client_library(raw)


def test_an_unknown_style_a_repeated_reply_and_a_contradiction_are_refused():
    raw = _raw()
    raw["clients"][0]["style"] = "chatty"
    with pytest.raises(ContentError, match="field 'style'"):
        parse_client_library(raw)
    raw = _raw()
    raw["clients"][0]["replies"]["shut"].append(dict(raw["clients"][0]["replies"]["reflective"][0]))
    with pytest.raises(ContentError, match="appears twice"):
        parse_client_library(raw)
    raw = _raw()
    raw["clients"][0]["opens_up"].append(raw["clients"][0]["shuts_down"][0])
    with pytest.raises(ContentError, match="both opens the client up and shuts them down"):
        parse_client_library(raw)


def test_every_move_has_feedback_and_every_line_renders_for_every_client():
    catalogue = feedback_catalogue()
    assert set(MOVE_ORDER) | {"other"} == set(catalogue.moves)
    for client in clients():
        fields = {**client_fields(client), "quote": "What was that like?"}
        for templates in catalogue.moves.values():
            for template in templates:
                assert "What was that like?" in render(template, fields)
        for key in catalogue.closing_practise:
            for template in catalogue.closing_practise[key]:
                render(template, fields)


def test_feedback_reads_right_for_he_she_and_they():
    # Present-tense verbs after {they} would need agreement ("she feels", "they feel"): the lines
    # avoid them, so a line written for one pronoun reads right for all three.
    catalogue = feedback_catalogue()
    lines = [t for ts in catalogue.moves.values() for t in ts] + [t for ts in catalogue.closing_depth.values() for t in ts]
    for client in {c.pronoun: c for c in clients()}.values():
        fields = {**client_fields(client), "quote": "So?"}
        for template in lines:
            text = render(template, fields)
            for verb in ("feel", "feels", "want", "wants", "think", "thinks", "is", "are"):
                assert f" {fields['they']} {verb} " not in text and f" {fields['they']} {verb}." not in text, text
