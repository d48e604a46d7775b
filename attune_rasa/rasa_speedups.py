"""Speed-ups for Rasa 3.6 internals that cost the Rasa server most of its time under load.

Installed when `attune_rasa` is first imported inside a Rasa server (which imports it for the tracker
store, the REST channel and the risk detector, after its own core); a process that has not loaded
Rasa's core (the command line, unit tests) is left alone and pays no import. Each one keeps Rasa's behaviour and only removes repeated
work; each checks that the code it replaces is still what it expects, and otherwise leaves Rasa
alone.

- Every custom action's response is checked against a fixed JSON schema with `jsonschema.validate`,
  which first re-checks that schema against the JSON Schema meta-schema, on every call. Profiled with
  20 users in the mentalizing exercise, that meta-schema check was about 45% of the Rasa server's CPU
  time. Here the schema is checked once and one validator is reused: the same errors (the best
  match, with Rasa's hint added) for the same responses. Even so, each event was checked against
  every event type's sub-schema (the schema's `oneOf`), about 5% of the server's time: each
  sub-schema names its type with a `const`, so an event can be valid only under the one its
  `event` names, and a response is first checked that way, event by event. Only a response that
  fails it goes through the whole schema, which gives Rasa's own error. Installed only while
  every sub-schema has a `const` of its own (otherwise the shortcut would not be equivalent).
- Every stored event read back (each message rebuilds its conversation from the tracker store) finds
  its class with `Event.resolve_by_type`, which walks all of Event's subclasses, recursively, for
  each event: about 7% of the Rasa server's CPU time under load. Here the walk is done once into a
  table by type name (the first class in Rasa's own order wins, as in its loop) and done again only
  when a name is not in the table (a subclass imported since), so the answers are Rasa's.
- The logistic-regression intent classifier builds each message's feature row by stacking its
  sparse features beside a dense matrix made from an empty list (there are no dense features in
  Attune's pipeline), which scipy checks and copies at length: about 9% of the Rasa server's CPU
  time under load. Here a message without dense features uses its sparse row as it is (as CSR),
  which is the same matrix; a message with dense features goes through Rasa's own code.
- Each call to the action server serialises the whole conversation with the standard library's
  `json.dumps` (about 7% of the Rasa server's CPU time under load); here the HTTP client sessions
  Rasa makes use `ujson` (already installed with Rasa) instead, falling back to `json.dumps` for
  anything ujson refuses. Both write the same JSON values.
"""
from __future__ import annotations

import json
import logging
import sys
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

_installed = False


@lru_cache(maxsize=1)
def _action_response_validator():
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _event_validators() -> dict[str, Any] | None:
    """One validator per event type (the event schema with only that type's `oneOf` branch), or
    None when the branches are not told apart by a `const` of their own."""
    from jsonschema.validators import validator_for
    from rasa.shared.utils.schemas.events import EVENT_SCHEMA

    branches = EVENT_SCHEMA.get("oneOf") or []
    names: list[Any] = [((branch.get("properties") or {}).get("event") or {}).get("const") for branch in branches]
    if not branches or any(not isinstance(n, str) for n in names) or len(set(names)) != len(names):
        return None
    base = {key: value for key, value in EVENT_SCHEMA.items() if key != "oneOf"}
    cls = validator_for(EVENT_SCHEMA)
    return {name: cls({**base, "allOf": [branch]}) for name, branch in zip(names, branches)}


def _plainly_valid(result: Any) -> bool:
    """True only when `result` is valid under Rasa's schema, checked event by event against the
    one branch each event's type names (see the module docstring)."""
    validators = _event_validators()
    if validators is None or not isinstance(result, dict):
        return False
    responses = result.get("responses", [])
    if not isinstance(responses, list) or not all(isinstance(r, dict) for r in responses):
        return False
    events = result.get("events", [])
    if not isinstance(events, list):
        return False
    for event in events:
        name = event.get("event") if isinstance(event, dict) else None
        validator = validators.get(name) if isinstance(name, str) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True


def _validate_action_result(self, result: dict[str, Any]) -> bool:
    from jsonschema import ValidationError, exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    if _plainly_valid(result):
        return True
    error = exceptions.best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


_event_classes: dict[str, type] = {}


def _resolve_event_type(type_name: str, default: type | None = None) -> type | None:
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    if type_name not in _event_classes:
        _event_classes.clear()
        for cls in all_subclasses(Event):
            _event_classes.setdefault(cls.type_name, cls)
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    if type_name == "topic":
        return None  # Rasa's own special case: old TopicSet events
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def install() -> None:
    global _installed
    module = sys.modules.get("rasa.core.actions.action")
    if _installed or module is None:
        return
    _installed = True
    _install_event_lookup()
    _install_response_validator(module)
    _install_intent_features()
    _install_fast_json_requests()


def _install_event_lookup() -> None:
    from rasa.shared.core.events import Event

    original = Event.__dict__.get("resolve_by_type")
    code = getattr(getattr(original, "__func__", None), "__code__", None)
    if code is None or "all_subclasses" not in code.co_names or code.co_filename.endswith(__file__):
        log.warning("Rasa's Event.resolve_by_type is not the one expected; left as it is")
        return
    Event.resolve_by_type = staticmethod(_resolve_event_type)  # type: ignore[method-assign,assignment]
    log.debug("Rasa speed-up installed: event classes looked up in a table by type name")


def _install_response_validator(module: Any) -> None:
    RemoteAction = module.RemoteAction
    original = RemoteAction.__dict__.get("_validate_action_result")
    code = getattr(original, "__code__", None)
    if code is None or "validate" not in code.co_names or code.co_filename.endswith(__file__):
        log.warning("Rasa's RemoteAction._validate_action_result is not the one expected; left as it is")
        return
    RemoteAction._validate_action_result = _validate_action_result
    log.debug("Rasa speed-up installed: one cached validator for action server responses")


def _intent_features(self: Any, messages: list[Any]) -> Any:
    from rasa.shared.nlu.constants import TEXT
    from scipy.sparse import csr_matrix, vstack

    rows = []
    for message in messages:
        sparse = message.get_sparse_features(attribute=TEXT)[1]
        dense = message.get_dense_features(attribute=TEXT)[1]
        if dense is not None or sparse is None:
            return _rasas_intent_features(self, messages)
        rows.append(csr_matrix(sparse.features))
    return rows[0] if len(rows) == 1 else vstack(rows, format="csr")


_rasas_intent_features: Any = None


def _install_intent_features() -> None:
    global _rasas_intent_features
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    original = LogisticRegressionClassifier.__dict__.get("_create_X")
    code = getattr(original, "__code__", None)
    if code is None or "hstack" not in code.co_names or code.co_filename.endswith(__file__):
        log.warning("Rasa's LogisticRegressionClassifier._create_X is not the one expected; left as it is")
        return
    _rasas_intent_features = original
    LogisticRegressionClassifier._create_X = _intent_features  # type: ignore[method-assign]
    log.debug("Rasa speed-up installed: intent feature rows without an empty dense block")


def _dumps(value: Any) -> str:
    import ujson

    try:
        return ujson.dumps(value, escape_forward_slashes=False)
    except (TypeError, ValueError, OverflowError):  # UnicodeError (a lone surrogate) is a ValueError
        return json.dumps(value)


def _install_fast_json_requests() -> None:
    import aiohttp
    from rasa.utils.endpoints import EndpointConfig

    original = EndpointConfig.__dict__.get("session")
    code = getattr(original, "__code__", None)
    if code is None or "ClientSession" not in code.co_names or code.co_filename.endswith(__file__):
        log.warning("Rasa's EndpointConfig.session is not the one expected; left as it is")
        return

    def session(self: Any) -> aiohttp.ClientSession:
        made = original(self)
        made._json_serialize = _dumps  # aiohttp's own hook for `json=` bodies
        return made

    session.__wrapped__ = original  # type: ignore[attr-defined]
    EndpointConfig.session = session  # type: ignore[method-assign]
    log.debug("Rasa speed-up installed: ujson for request bodies to the action server")
