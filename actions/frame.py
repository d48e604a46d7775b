"""The conversation frame: session start, consent, help, about, fallback."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, SayAction, say, yes_or_no

# Slots that belong to the person rather than to one conversation, so a new session keeps them.
PERSON_SLOTS = ("onboarded", "consent_given", "exercise_profiles", "locale", "practice_hold", "worry_heard")


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        events += [SlotSet(slot, tracker.get_slot(slot)) for slot in PERSON_SLOTS if tracker.get_slot(slot) is not None]
        events.append(ActionExecuted("action_listen"))
        return events


class ActionWelcomeBack(SayAction):
    catalogue, key = "frame", "welcome_back"

    def name(self) -> str:
        return "action_welcome_back"


class ActionAskConsentGiven(SayAction):
    catalogue, key = "frame", "ask_consent_given"

    def name(self) -> str:
        return "action_ask_consent_given"


class ValidateConsentForm(AnswerValidation):
    def name(self) -> str:
        return "validate_consent_form"

    def validate_consent_given(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = yes_or_no(tracker)
        if answer is None:
            # Consent is never guessed: an unclear answer is asked again.
            say(dispatcher, "frame", "consent_unclear")
        return {"consent_given": answer}


class ActionRecordConsent(Action):
    """Confirm the answer; the `consent_given` slot event is the consent record the store keeps."""

    def name(self) -> str:
        return "action_record_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "frame", "consent_yes" if tracker.get_slot("consent_given") else "consent_no")
        return [SlotSet("onboarded", True)]


class ActionHelp(SayAction):
    catalogue, key = "frame", "help"

    def name(self) -> str:
        return "action_help"


class ActionAbout(SayAction):
    catalogue, key = "frame", "about"

    def name(self) -> str:
        return "action_about"


class ActionFallback(SayAction):
    """Low confidence (NLU or dialogue): say what we can do instead of failing silently."""

    catalogue, key = "frame", "fallback"

    def name(self) -> str:
        return "action_fallback"
