"""End to end over the REST channel against the real Rasa and action servers."""
from __future__ import annotations

import asyncio

import pytest
import requests

pytestmark = pytest.mark.e2e


def stored_tracker(servers, sender):
    """Read the conversation back through Attune's own tracker store, as the Rasa server does."""
    from rasa.shared.core.domain import Domain

    from attune_rasa.tracker_store import AttuneTrackerStore

    with servers.store():
        store = AttuneTrackerStore(domain=Domain.load("domain.yml"))
        return asyncio.run(store.retrieve(sender))


def user_texts(tracker) -> list[str]:
    return [e.text for e in tracker.events if e.type_name == "user"]


def test_greeting_consent_and_a_checkin(servers, sender):
    first = servers.texts(sender, "hi")
    assert "Attune" in first and "not therapy" in first
    assert "keep a record" in first  # the explicit consent question
    assert "noted your consent" in servers.texts(sender, "yes")
    assert "0 (completely calm)" in servers.texts(sender, "I want to check in")
    assert "couldn't find a number" in servers.texts(sender, "banana")
    assert "Some stirred-up feeling" in servers.texts(sender, "about 6/10")


def test_the_conversation_survives_a_restart_of_the_rasa_server(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    assert "0 (completely calm)" in servers.texts(sender, "check in")

    servers.serve("stop-rasa")
    servers.serve("start-rasa")

    tracker = stored_tracker(servers, sender)
    assert user_texts(tracker) == ["hi", "yes", "check in"]
    assert tracker.active_loop_name == "suds_form"
    # The bot carries on inside the form it was in: "seven" is read as the rating.
    reply = servers.texts(sender, "seven")
    assert "a lot to be carrying" in reply  # 7 is high distress: grounding is offered
    assert "Let's slow things down" in servers.texts(sender, "yes")


def test_a_disclosure_mid_checkin_interrupts_and_one_im_fine_is_not_enough(servers, sender):
    servers.texts(sender, "check in")
    reply = servers.texts(sender, "honestly i just want to kill myself")
    assert "Thank you for telling me" in reply and "thoughts of ending your life?" in reply
    # No locale from the channel: the international directory, and a question about where one is.
    assert "findahelpline.com" in reply and "988" not in reply and "which country" in reply
    second = servers.texts(sender, "no, I'm fine")
    assert "how you would do it" in second  # one "I'm fine" does not end the check
    assert "go back to what we were doing" in servers.texts(sender, "no")
    assert "0 (completely calm)" in servers.texts(sender, "resume")
    tracker = stored_tracker(servers, sender)
    risk_events = [e for e in tracker.events if e.type_name == "slot" and e.key == "risk_event" and e.value]
    assert risk_events and risk_events[0].value["category"] == "suicidal_ideation"
    assert risk_events[-1].value["outcome"] == "checked"


BAD_INPUTS = [
    "",
    "x" * 10_000,
    "😶‍🌫️🫠🙃",
    "Ich fühle mich heute sehr traurig und weiß nicht warum.",
    "\x00\x1b[31mred\x07\u202e",
    "<script>alert(1)</script> '; DROP TABLE events; --",
]


@pytest.mark.parametrize("text", BAD_INPUTS, ids=["empty", "10k", "emoji", "german", "control", "injection"])
def test_bad_input_gets_a_clear_reply_and_loses_nothing(servers, sender, text):
    servers.texts(sender, "hi")
    replies = servers.say(sender, text)
    assert replies and all(r.get("text") for r in replies), replies
    # The conversation before it is intact and the bot still answers.
    assert "Here's what I can do" in servers.texts(sender, "help")
    assert user_texts(stored_tracker(servers, sender))[0] == "hi"


@pytest.mark.parametrize("body", ["[1, 2, 3]", '"just a string"', "{not json", "null", '{"sender": 5}'])
def test_a_body_that_is_not_a_message_object_is_refused_with_4xx(servers, body):
    response = requests.post(f"{servers.rasa_url}/webhooks/rest/webhook", data=body,
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    # The server is still up.
    assert requests.get(f"{servers.rasa_url}/", timeout=10).status_code == 200


def test_the_http_api_is_off_without_a_token(servers, sender):
    servers.texts(sender, "hi")
    response = requests.get(f"{servers.rasa_url}/conversations/{sender}/tracker", timeout=10)
    assert response.status_code in (403, 404), response.status_code
