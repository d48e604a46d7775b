"""Leaving a relationship out of mentalizing practice, over REST: said in answer to a moment that
assumes it, met with care, a fitting moment offered, and remembered after the person stops."""
from __future__ import annotations

import pytest

from bot.exercises.mentalizing.library import scenarios
from bot.exercises.mentalizing.schema import Scenario

pytestmark = pytest.mark.e2e

# What a person might say for each relationship (no bereavement here: a loss is also a matter for
# the safety check, which comes first, tests/e2e/test_safety_over_rest.py).
SAYING = {
    "partner": ("I'm single, so I can't really picture this.", "partner"),
    "parent": ("I'm not in touch with my family.", "parent"),
    "child": ("I don't have kids, so I can't really picture this.", "child"),
    "colleague": ("I'm not working at the moment.", "colleague"),
}


def _moment_in(reply: str) -> Scenario | None:
    flat = " ".join(reply.split())
    return next((s for s in scenarios() if " ".join(s.moment.split())[:60] in flat), None)


def test_a_relationship_left_out_is_met_and_not_offered_again(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    reply = servers.texts(sender, "/start_mentalizing")
    for _ in range(20):  # friends and strangers cannot be left out: ask for another moment
        moment = _moment_in(reply)
        assert moment is not None, reply
        if moment.relationship in SAYING:
            break
        reply = servers.texts(sender, "another scenario")
    saying, key = SAYING[moment.relationship]

    reply = servers.texts(sender, saying)
    assert "leave out" in reply or "won't bring up" in reply, reply
    offered = _moment_in(reply)
    assert offered is not None and key not in offered.assumes, reply
    assert "?" in reply.splitlines()[-1]  # then the new moment's first question

    servers.texts(sender, "stop")
    reply = servers.texts(sender, "/start_mentalizing")
    for _ in range(8):
        moment = _moment_in(reply)
        assert moment is not None and key not in moment.assumes, reply
        reply = servers.texts(sender, "another scenario")
