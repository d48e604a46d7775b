"""Pause, resume and stop: available in every exercise and form."""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import active_loop_name, leave_active_loop, locale_of, say
from actions.exercise import closing_on_stop
from bot.safety.resources import format_resources


class ActionPause(Action):
    def name(self) -> str:
        return "action_pause"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "frame", "paused")
        return leave_active_loop(tracker, remember=True)


class ActionResume(Action):
    """Rules take the person back into the form named by `interrupted_loop`."""

    def name(self) -> str:
        return "action_resume"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("interrupted_loop"):
            say(dispatcher, "frame", "resuming")
            return [SlotSet("interrupted_loop", None)]
        say(dispatcher, "frame", "nothing_to_resume")
        return []


class ActionStop(Action):
    def name(self) -> str:
        return "action_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "frame", "stopped")
        if active_loop_name(tracker) in ("safety_form", "risk_check_form"):
            # Stopping never dismisses a disclosure: the resources stay on screen.
            category = (tracker.get_slot("risk_event") or {}).get("category")
            dispatcher.utter_message(text=format_resources(locale_of(tracker), category))
        ending = closing_on_stop(dispatcher, tracker)  # e.g. the repair rehearsal's debrief
        return ending + leave_active_loop(tracker, remember=False) + [
            SlotSet("interrupted_loop", None),
            SlotSet("pending_offer", None),
            SlotSet("exercise", None),
            SlotSet("exercise_step", None),
        ]
