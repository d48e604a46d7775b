"""The generic start action with the narrative retelling, run for real against a real store: a
kind refusal that ends the form at once, then a start once the therapist enabled it and the person
agreed to it."""
from __future__ import annotations

import asyncio

import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.exercise import ActionExerciseStart
from bot.exercises.narrative.declaration import NAME
from bot.exercises.narrative.library import words
from bot.store import exercise_access
from bot.store import repository as repo
from bot.store.views import Role

SENDER = "chat-start-action"
PASSWORD = "correct horse battery"


def _start(intent: str) -> tuple[dict, str]:
    parse = {"text": f"/{intent}", "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    tracker = Tracker(sender_id=SENDER, slots={"onboarded": True}, latest_message=parse,
                      events=[ActionExecuted("action_listen"), UserUttered(f"/{intent}", parse_data=parse)],
                      paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    domain = yaml.safe_load(open("domain.yml", encoding="utf-8"))
    events = asyncio.run(ActionExerciseStart().run(dispatcher, tracker, domain))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, " ".join(m.get("text") or "" for m in dispatcher.messages)


def test_refused_then_started(store_url):
    admin = repo.bootstrap_admin("admin", PASSWORD)
    tess = repo.create_person(admin, Role.THERAPIST, "Dr Tess", "tess", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(tess).code, SENDER).ok
    repo.record_consent(SENDER, True)

    slots, said = _start("start_narrative")
    # The form ends at once: its answer is filled and asked for, and no exercise is running to take it.
    assert slots == {"exercise": None, "exercise_answer": "done", "requested_slot": "exercise_answer"}
    assert said == words().refusal_not_enabled[0]

    exercise_access.set_enabled(tess, next(iter(repo.list_people(tess))).id, NAME)
    slots, said = _start("start_narrative")
    assert slots["exercise_answer"] == "done" and said == words().refusal_needs_consent[0]

    slots, said = _start("consent_narrative")
    assert slots["exercise"] == NAME and slots["exercise_answer"] is None and slots["exercise_checkin"] == "start"
    assert said == words().intro[0]
