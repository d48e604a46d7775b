"""A person's own data controls in the chat; the store (bot.store.repository) does the work."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, SayAction, say
from bot.store import repository
from bot.store.access import PRACTICE_ONLY_LINK_KINDS

# Replies after which the pairing form ends; on the others the person can type the code again.
FINAL_PAIRING_REASONS = {"linked", "already_linked", "wrong_role", "too_many_attempts"}


class ActionAskPairingCode(SayAction):
    catalogue, key = "privacy", "ask_pairing_code"

    def name(self) -> str:
        return "action_ask_pairing_code"


class ValidatePairingForm(AnswerValidation):
    def name(self) -> str:
        return "validate_pairing_form"

    def validate_pairing_code(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not tracker.get_slot("consent_given"):
            say(dispatcher, "privacy", "pairing_needs_consent")
            return {"pairing_code": "no_consent"}
        result = repository.redeem_pairing_code(str(slot_value or ""), tracker.sender_id)
        reason = "linked" if result.ok else result.reason
        # A supervisor reads less than a therapist (bot/store/access.py, read_scope): the person hears which.
        key = f"pairing_linked_{result.kind}" if reason == "linked" and result.kind in PRACTICE_ONLY_LINK_KINDS \
            else f"pairing_{reason}"
        say(dispatcher, "privacy", key, issuer=result.issuer_name or "your therapist")
        # The code itself is never kept in a slot: only the outcome.
        return {"pairing_code": reason if reason in FINAL_PAIRING_REASONS else None}


class ActionExportMyData(Action):
    def name(self) -> str:
        return "action_export_my_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        data = repository.export_person_data(tracker.sender_id)
        if data.get("person") is None:
            say(dispatcher, "privacy", "export_nothing")
            return []
        say(dispatcher, "privacy", "export_ready", conversations=len(data.get("conversations", [])),
            consents=len(data.get("consent", [])), links=len(data.get("links", [])))
        dispatcher.utter_message(json_message={"attune_export": data})
        return []


class ActionConfirmErase(Action):
    def name(self) -> str:
        return "action_confirm_erase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "privacy", "confirm_erase")
        return [SlotSet("pending_offer", "erase")]


class ActionEraseMyData(Action):
    """Erase in the store; the tracker store keeps nothing from before the erasure either."""

    def name(self) -> str:
        return "action_erase_my_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        erased = repository.erase_person(tracker.sender_id)
        say(dispatcher, "privacy", "erased" if erased else "erase_nothing")
        return [SlotSet("pending_offer", None), SlotSet("consent_given", None), SlotSet("onboarded", False),
                SlotSet("exercise_profiles", None)]


class ActionWithdrawConsent(Action):
    """The `consent_given: false` event is what the store acts on (it removes the sessions)."""

    def name(self) -> str:
        return "action_withdraw_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "privacy", "consent_withdrawn")
        return [SlotSet("consent_given", False)]
