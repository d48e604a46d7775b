"""The safety interrupt: care, crisis resources, an explicit two-step safety check, then a choice."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, SayAction, active_loop_name, leave_active_loop, locale_of, say, yes_or_no
from bot.safety.resources import format_resources

# "I'm fine" counts as a yes to a safety question, but one "I'm fine" never ends the check: the form
# always asks a second, explicit question (`safe_confirmed`).
SAFE_INTENTS = {"affirm", "im_fine"}


def risk_event_from(tracker: Tracker) -> dict[str, Any]:
    """The flagged event for the therapist, from what the NLU risk detector attached to the message."""
    risk = tracker.latest_message.get("attune_risk") or {}
    findings = risk.get("findings") or []
    top = findings[0] if findings else {}  # the detector lists findings most urgent first
    return {
        "category": top.get("category", "unspecified"),
        "severity": top.get("severity"),
        "level": risk.get("level", "concern"),
        "evidence": [e for f in findings for e in f.get("evidence", [])],
        "exercise": tracker.get_slot("exercise"),
    }


class ActionSafetyInterrupt(Action):
    def name(self) -> str:
        return "action_safety_interrupt"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "safety", "care")
        dispatcher.utter_message(text=format_resources(locale_of(tracker)))
        # A second disclosure during the safety check restarts the check but keeps what was paused.
        events = leave_active_loop(tracker, remember=active_loop_name(tracker) != "safety_form")
        return events + [
            SlotSet("risk_event", risk_event_from(tracker)),
            SlotSet("safe_now", None),
            SlotSet("safe_confirmed", None),
            SlotSet("pending_offer", None),
        ]


class ActionAskSafeNow(SayAction):
    catalogue, key = "safety", "ask_safe_now"

    def name(self) -> str:
        return "action_ask_safe_now"


class ActionAskSafeConfirmed(SayAction):
    catalogue, key = "safety", "ask_safe_confirmed"

    def name(self) -> str:
        return "action_ask_safe_confirmed"


class ValidateSafetyForm(AnswerValidation):
    def name(self) -> str:
        return "validate_safety_form"

    def validate_safe_now(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = yes_or_no(tracker, yes=SAFE_INTENTS)
        if answer is None:
            say(dispatcher, "safety", "unclear")
            return {"safe_now": None}
        if answer is False:
            # Not safe: skip the second question and go straight to urgent help.
            return {"safe_now": False, "safe_confirmed": False}
        return {"safe_now": True}

    def validate_safe_confirmed(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = yes_or_no(tracker, yes=SAFE_INTENTS)
        if answer is None:
            say(dispatcher, "safety", "unclear")
        return {"safe_confirmed": answer}


class ActionSafetyResolve(Action):
    def name(self) -> str:
        return "action_safety_resolve"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("safe_now") and tracker.get_slot("safe_confirmed"):
            say(dispatcher, "safety", "ok")
            if tracker.get_slot("interrupted_loop"):
                say(dispatcher, "safety", "offer_resume")
            else:
                dispatcher.utter_message(response="utter_menu")
            return []
        say(dispatcher, "safety", "escalate")
        dispatcher.utter_message(text=format_resources(locale_of(tracker)))
        say(dispatcher, "safety", "stay")
        return [SlotSet("interrupted_loop", None), SlotSet("exercise", None), SlotSet("exercise_step", None)]
