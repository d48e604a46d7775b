"""Real rasa_sdk Trackers and the real domain for the frame's action tests."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((REPO / "domain.yml").read_text())


def make_tracker(
    text: str = "",
    intent: str | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    requested_slot: str | None = None,
    extracted: dict[str, Any] | None = None,
    **latest: Any,
) -> Tracker:
    """A tracker as the action server receives it: the latest user message, then any slots a form
    extracted from it (these are what FormValidationAction validates)."""
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], **latest}
    events = [ActionExecuted("action_listen"), UserUttered(text, parse_data=parse)]
    events += [SlotSet(name, value) for name, value in (extracted or {}).items()]
    all_slots = {**(slots or {}), **(extracted or {})}
    if requested_slot:
        all_slots["requested_slot"] = requested_slot
    return Tracker(
        sender_id="test-person",
        slots=all_slots,
        latest_message=parse,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run_action(action, tracker: Tracker, domain: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """Run an action for real; return (events, messages)."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return events, dispatcher.messages


@pytest.fixture
def tracker_factory():
    return make_tracker


@pytest.fixture
def run():
    return run_action
