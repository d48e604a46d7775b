"""Attune's patches to Rasa's RemoteAction (an adapter test: importing rasa is fine).

- responses are validated by one cached validator with exactly the errors Rasa's own check raises;
- a call that cannot connect is retried and succeeds when the action server comes up; one that never
  connects fails as before, after the retries.
"""
from __future__ import annotations

import asyncio
import socket

import pytest

pytest.importorskip("rasa")

import jsonschema  # noqa: E402
from aiohttp import web  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402
from rasa.core.channels.channel import CollectingOutputChannel  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from rasa.shared.exceptions import RasaException  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

from attune_rasa import action_retry, rasa_speedups  # noqa: E402


@pytest.fixture(autouse=True)
def installed():
    rasa_speedups.install()
    action_retry.install()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


GOOD = {"events": [{"event": "slot", "name": "a", "value": {"x": [1, 2]}, "timestamp": None}],
        "responses": [{"text": "hi"}]}


@pytest.mark.parametrize("bad", [{"events": "x"}, {"events": [{"event": "slot", "name": 5}], "responses": "no"},
                                 {"responses": [1]}])
def test_responses_are_validated_with_rasas_errors(bad):
    action = RemoteAction("action_x", None)
    assert action._validate_action_result(GOOD)
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(bad)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(bad, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(theirs.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def run_action(port: int) -> list:
    action = RemoteAction("action_x", EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
    return action.run(CollectingOutputChannel(), None, DialogueStateTracker("someone", []), Domain.empty())


def test_a_call_that_cannot_connect_is_retried_until_the_server_answers(monkeypatch):
    monkeypatch.setattr(action_retry, "RETRY_DELAYS_S", (0.2, 0.2, 0.5, 1.0))
    port = free_port()

    async def scenario():
        async def webhook(_request):
            return web.json_response({"events": [], "responses": [{"text": "back"}]})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)

        async def start_later():
            await asyncio.sleep(0.3)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()

        starting = asyncio.create_task(start_later())
        try:
            return await run_action(port)
        finally:
            await starting
            await runner.cleanup()

    events = asyncio.run(scenario())
    assert [e.text for e in events] == ["back"]


def test_a_server_that_never_answers_fails_as_before(monkeypatch):
    monkeypatch.setattr(action_retry, "RETRY_DELAYS_S", (0.05, 0.05))
    with pytest.raises(RasaException, match="Couldn't connect"):
        asyncio.run(run_action(free_port()))


def rasas_own_lookup(type_name: str):
    """Rasa 3.6's Event.resolve_by_type loop, for comparison."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    return next((cls for cls in all_subclasses(Event) if cls.type_name == type_name), None)


def test_event_classes_are_found_as_rasa_finds_them():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    assert Event.resolve_by_type is rasa_speedups._resolve_event_type
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "bot", "action", "slot", "session_started", "active_loop"} <= names
    for name in names:
        assert Event.resolve_by_type(name) is rasas_own_lookup(name)


def test_unknown_event_names_behave_as_in_rasa():
    from rasa.shared.core.events import Event, UserUttered

    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=UserUttered) is UserUttered
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_defined_later_is_found():
    from rasa.shared.core.events import ActionReverted, Event

    class LateEvent(ActionReverted):
        type_name = "attune_late_test_event"

    assert Event.resolve_by_type("attune_late_test_event") is LateEvent
    events = DialogueStateTracker.from_dict("someone", [{"event": "user", "text": "hi", "timestamp": 1.0, "parse_data": {"intent": {"name": "greet"}}}], []).events
    assert [type(e).__name__ for e in events] == ["UserUttered"]
