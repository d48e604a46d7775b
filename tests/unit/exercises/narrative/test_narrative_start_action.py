"""The generic start action with the narrative retelling, run for real against a real store: a
kind refusal that ends the form at once, then a start once the therapist enabled it and the person
agreed to it."""
from __future__ import annotations

import asyncio
import random
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.exercise import ActionExerciseStart, ActionExerciseSummary, ValidateExerciseForm
from bot.exercises.narrative.declaration import NAME
from bot.exercises.narrative.library import words
from bot.exercises.registry import exercise
from bot.store import exercise_access
from bot.store import repository as repo
from bot.store.views import Role

SENDER = "chat-start-action"
PASSWORD = "correct horse battery"


def _tracker(intent: str, slots: dict[str, Any] | None = None, after: list[dict] | None = None) -> Tracker:
    parse = {"text": f"/{intent}", "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    return Tracker(sender_id=SENDER, slots={"onboarded": True, **(slots or {})}, latest_message=parse,
                   events=[ActionExecuted("action_listen"), UserUttered(f"/{intent}", parse_data=parse), *(after or [])],
                   paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def _domain() -> dict:
    with open("domain.yml", encoding="utf-8") as file:
        return yaml.safe_load(file)


def _start(intent: str, slots: dict[str, Any] | None = None) -> tuple[dict, str]:
    tracker = _tracker(intent, slots)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionExerciseStart().run(dispatcher, tracker, _domain()))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, " ".join(m.get("text") or "" for m in dispatcher.messages)


def test_refused_then_started(store_url):
    admin = repo.bootstrap_admin("admin", PASSWORD)
    tess = repo.create_person(admin, Role.THERAPIST, "Dr Tess", "tess", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(tess).code, SENDER).ok
    repo.record_consent(SENDER, True)

    slots, said = _start("start_narrative")
    # The form ends at once: its answer is filled and asked for; the exercise slots are left alone.
    assert slots == {"exercise_answer": "done", "requested_slot": "exercise_answer"}
    assert said == words().refusal_not_enabled[0]

    exercise_access.set_enabled(tess, next(iter(repo.list_people(tess))).id, NAME)
    slots, said = _start("start_narrative")
    assert slots["exercise_answer"] == "done" and said == words().refusal_needs_consent[0]

    slots, said = _start("consent_narrative")
    assert slots["exercise"] == NAME and slots["exercise_answer"] is None and slots["exercise_checkin"] == "start"
    assert said == words().intro[0]


def test_a_refused_start_leaves_a_paused_exercise_to_resume(store_url):
    """Paused in the mentalizing practice, then the narrative retelling refused: the form that the
    refusal ends neither runs nor closes the paused exercise, and its slots stay as they were."""
    mentalizing = exercise("mentalizing")
    state = mentalizing.start(next(iter(mentalizing.starts.values())), None, random.Random(1)).state
    paused = {"exercise": "mentalizing", "exercise_state": state, "exercise_step": "s1",
              "interrupted_loop": "exercise_form"}
    refusal = _tracker("start_narrative", paused)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionExerciseStart().run(dispatcher, refusal, _domain()))
    assert dispatcher.messages[-1]["text"] == words().refusal_not_enabled[0]
    assert {e["name"] for e in events} == {"exercise_answer", "requested_slot"}

    # As Rasa records an action: the action, what it said, then its events.
    said = [BotUttered(m["text"]) for m in dispatcher.messages]
    after = [ActionExecuted("action_exercise_start"), *said, *events, ActionExecuted("exercise_form")]
    form_turn = _tracker("start_narrative", {**paused, "exercise_answer": "done", "requested_slot": "exercise_answer"},
                         after)
    dispatcher = CollectingDispatcher()
    validated = asyncio.run(ValidateExerciseForm().validate_exercise_answer("done", dispatcher, form_turn, _domain()))
    assert validated == {"exercise_answer": "done"} and dispatcher.messages == []  # the paused exercise never ran

    dispatcher = CollectingDispatcher()
    closed = asyncio.run(ActionExerciseSummary().run(dispatcher, form_turn, _domain()))
    # Only the answer is cleared (so resuming asks again); nothing closes the paused exercise.
    assert [(e["name"], e["value"]) for e in closed] == [("exercise_answer", None)]
    assert [m.get("response") for m in dispatcher.messages] == ["utter_menu"]


def test_a_start_that_went_ahead_is_no_refusal(store_url):
    """The same form turn after a start that went ahead runs the exercise (the refusal test can fail)."""
    mentalizing = exercise("mentalizing")
    started = mentalizing.start(next(iter(mentalizing.starts.values())), None, random.Random(1))
    after = [ActionExecuted("action_exercise_start"), SlotSet("exercise_state", started.state),
             SlotSet("exercise_answer", None), SlotSet("exercise", "mentalizing"), ActionExecuted("exercise_form")]
    form_turn = _tracker("reflect", {"exercise": "mentalizing", "exercise_state": started.state,
                                     "requested_slot": "exercise_answer"}, after)
    dispatcher = CollectingDispatcher()
    closed = asyncio.run(ActionExerciseSummary().run(dispatcher, form_turn, _domain()))
    assert ("exercise", None) in [(e["name"], e["value"]) for e in closed]
