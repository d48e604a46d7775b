"""The distress check-in: read a SUDS rating, then offer grounding when distress is high."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, SayAction, notice_if_new, say
from bot.checkin.suds import is_high_distress, is_moderate_distress, is_very_high_distress, parse_suds


class ActionAskSuds(SayAction):
    catalogue, key = "checkin", "ask_suds"

    def name(self) -> str:
        return "action_ask_suds"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("requested_slot") is None:  # the first time the form asks
            notice_if_new(dispatcher, tracker)
        return await super().run(dispatcher, tracker, domain)


class ValidateSudsForm(AnswerValidation):
    def name(self) -> str:
        return "validate_suds_form"

    def validate_suds(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        reading = parse_suds(str(slot_value) if slot_value is not None else "")
        if reading.value is None:
            say(dispatcher, "checkin", f"suds_{reading.problem}")
            return {"suds": None}
        return {"suds": float(reading.value)}


class ActionSudsFeedback(Action):
    def name(self) -> str:
        return "action_suds_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        rating = tracker.get_slot("suds")
        if is_high_distress(rating):
            if is_very_high_distress(rating):  # support as well as grounding
                say(dispatcher, "checkin", "suds_very_high")
            say(dispatcher, "checkin", "offer_grounding")
            return [SlotSet("pending_offer", "grounding")]
        say(dispatcher, "checkin", "suds_moderate" if is_moderate_distress(rating) else "suds_low")
        dispatcher.utter_message(response="utter_menu")
        return []


class ActionGrounding(Action):
    def name(self) -> str:
        return "action_grounding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "checkin", "grounding")
        say(dispatcher, "checkin", "after_grounding")
        return [SlotSet("pending_offer", None)]


class ActionDeclineOffer(Action):
    def name(self) -> str:
        return "action_decline_offer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "checkin", "offer_declined")
        return [SlotSet("pending_offer", None)]
