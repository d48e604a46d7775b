"""Attune's patches to Rasa's RemoteAction (an adapter test: importing rasa is fine).

- responses are validated by one cached validator with exactly the errors Rasa's own check raises;
- a call that cannot connect is retried and succeeds when the action server comes up; one that never
  connects fails as before, after the retries.
"""
from __future__ import annotations

import asyncio
import socket
from typing import Any

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


def rasa_event_dicts() -> list[dict]:
    """One event of each kind an action returns or Rasa stores, as Rasa serialises them."""
    from rasa.shared.core import events as ev

    made = [
        ev.UserUttered("hi", {"name": "greet", "confidence": 0.9}, [{"entity": "x", "value": "y", "start": 0, "end": 1}],
                       parse_data={"intent": {"name": "greet", "confidence": 0.9}, "entities": [], "text": "hi",
                                   "attune_risk": {"flagged": False}}),
        ev.BotUttered("hello", {"buttons": [{"title": "Yes", "payload": "/affirm"}]}, {"utter_action": "utter_x"}),
        ev.SlotSet("exercise_state", {"step": 2, "answers": ["a", None]}), ev.SlotSet("x", None),
        ev.ActionExecuted("action_listen"), ev.ActionExecuted("validate_x", policy="RulePolicy", confidence=1.0),
        ev.ActiveLoop("exercise_form"), ev.ActiveLoop(None), ev.FollowupAction("action_x"),
        ev.SessionStarted(), ev.Restarted(), ev.AllSlotsReset(), ev.UserUtteranceReverted(), ev.ActionReverted(),
        ev.ReminderScheduled("intent_x", __import__("datetime").datetime(2030, 1, 1), name="r"),
        ev.ReminderCancelled(name="r"), ev.ConversationPaused(), ev.ConversationResumed(), ev.StoryExported(),
        ev.LoopInterrupted(True), ev.ActionExecutionRejected("action_x"), ev.AgentUttered("agent"),
        ev.EntitiesAdded([{"entity": "x", "value": "y"}]), ev.DefinePrevUserUtteredFeaturization(False),
    ]
    return [event.as_dict() for event in made]


def test_the_event_by_event_check_is_active_for_rasas_schema():
    assert rasa_speedups._event_validators() is not None


WRONG = [5, "text", None, [], {}, 1.5, True]


def mutations(event: dict) -> list[dict]:
    """The event with each of its fields, and a few it lacks, set to each wrong value in turn."""
    fields = set(event) | {"event", "timestamp", "metadata", "name", "value", "text", "parse_data"}
    return [{**event, key: value} for key in sorted(fields) for value in WRONG] + \
           [{k: v for k, v in event.items() if k != key} for key in event]


def test_the_event_by_event_check_agrees_with_the_whole_schema():
    full = rasa_speedups._action_response_validator()
    cases = [{"events": [event], "responses": []} for event in rasa_event_dicts()]
    cases += [{"events": [m], "responses": [{"text": "x"}]} for e in rasa_event_dicts() for m in mutations(e)]
    cases += [{"events": rasa_event_dicts()}, {}, {"responses": [1]}, {"responses": "no"}, {"events": "x"},
              {"events": [5]}, {"events": [{"event": "no_such_kind"}]}, [], "x", None]
    accepted = 0
    for case in cases:
        assert rasa_speedups._plainly_valid(case) == full.is_valid(case), case
        accepted += full.is_valid(case)
    assert 0 < accepted < len(cases)  # both kinds are there


def sentence_message(row: list[float]) -> Any:
    import scipy.sparse
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    message = Message({TEXT: "x"})
    message.add_features(Features(scipy.sparse.coo_matrix([row]), FEATURE_TYPE_SENTENCE, TEXT, "count"))
    message.add_features(Features(scipy.sparse.coo_matrix([row, row]), FEATURE_TYPE_SEQUENCE, TEXT, "count"))
    return message


@pytest.mark.parametrize("rows", [[[0, 1, 0, 2]], [[0, 1, 0, 2], [3, 0, 0, 0], [0, 0, 0, 0]]])
def test_intent_feature_rows_are_the_matrix_rasa_builds(rows):
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    assert LogisticRegressionClassifier._create_X is rasa_speedups._intent_features
    messages = [sentence_message(row) for row in rows]
    ours = LogisticRegressionClassifier._create_X(None, messages)
    theirs = rasa_speedups._rasas_intent_features(None, messages)
    assert ours.format == "csr" and ours.shape == theirs.shape == (len(rows), 4)
    assert (ours.toarray() == theirs.toarray()).all()


def test_a_message_with_dense_features_goes_through_rasas_own_code():
    import numpy as np
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
    from rasa.shared.nlu.training_data.features import Features

    message = sentence_message([1, 0])
    message.add_features(Features(np.array([[0.5, 0.25, 0.125]]), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    built = LogisticRegressionClassifier._create_X(None, [message])
    assert built.toarray().tolist() == [[1.0, 0.0, 0.5, 0.25, 0.125]]


@pytest.mark.parametrize("value", [
    {"text": "é “quoted” / \u2028", "n": [1e-7, 0.1 + 0.2, 1716000000.123456, 10**30], "none": None, "ok": True},
    {"lone": "\ud800x"},
])
def test_request_bodies_carry_the_same_json_values(value):
    import json

    assert json.loads(rasa_speedups._dumps(value)) == json.loads(json.dumps(value))


def test_what_ujson_refuses_is_written_by_the_standard_library():
    with pytest.raises(TypeError):
        rasa_speedups._dumps({"a": {1, 2}})  # as json.dumps does
    assert rasa_speedups._dumps({"a": float("nan")}) in ('{"a":NaN}', '{"a": NaN}')


def test_the_action_server_receives_the_tracker_as_rasa_serialises_it():
    import json

    port = free_port()
    received: list[dict] = []

    async def scenario():
        async def webhook(request):
            received.append(json.loads(await request.text()))
            return web.json_response({"events": [], "responses": [{"text": "seen"}]})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            action = RemoteAction("action_x", EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
            tracker = DialogueStateTracker.from_dict("someone", [
                {"event": "user", "text": "Ça va — “mostly”", "timestamp": 1.5,
                 "parse_data": {"intent": {"name": "greet", "confidence": 0.87654321}}}], [])
            return await action.run(CollectingOutputChannel(), None, tracker, Domain.empty()), tracker
        finally:
            await runner.cleanup()

    events, tracker = asyncio.run(scenario())
    assert [e.text for e in events] == ["seen"]
    expected = json.loads(json.dumps(RemoteAction("action_x", None)._action_call_format(tracker, Domain.empty())))
    assert received == [expected]
