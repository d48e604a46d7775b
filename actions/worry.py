"""Worry for someone else at risk, met in the dialogue.

The NLU risk detector sets `worry_for_someone` when someone else's risk is told with worry for them or
a wish to help ("my friend keeps saying she wants to die, what do I say to her?"), or is grave and now
in the speaker's own life, and nothing of the speaker's own was found (bot/analysis/risk.py). This is
no check of the speaker's safety: the worry is met first, then what tends to help, lines that also
support people worried about someone, who will see it, and back where the person was. Recorded as a
risk event of kind "worry" (category `someone_else`) for the therapist.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import active_loop_name
from actions.exercise import take_answer
from actions.safety import message_risk, risk_event, say_who_will_see, show_resources
from bot.analysis.urgency import SOMEONE_ELSE
from bot.exercises.registry import simulated_exercises
from bot.safety import protocol


def worry_met_today(tracker: Tracker) -> bool:
    return tracker.get_slot("worry_heard") == dt.date.today().isoformat()


def worried_finding(tracker: Tracker) -> dict[str, Any]:
    """The detector's finding of someone else's risk that the speaker is worried about (may be empty)."""
    findings = message_risk(tracker).get("findings") or []
    return next((f for f in findings if isinstance(f, dict) and f.get("worried")), {})


class ActionWorryForSomeone(Action):
    """In full once a day. Told again that day, it is met in a line outside a form, and in an exercise
    it is the person's practice answer (they may be reflecting on that very person); in a simulated
    client's session (trainee practice) it is always the practice. Any other form asks its question
    again (the form's rules in data/rules/forms.yml run it next)."""

    def name(self) -> str:
        return "action_worry_for_someone"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loop = active_loop_name(tracker)
        simulated = tracker.get_slot("exercise") in simulated_exercises()
        if loop == "exercise_form" and (simulated or worry_met_today(tracker)):
            answered = await take_answer(dispatcher, tracker, tracker.latest_message.get("text") or "")
            return [SlotSet(name, value) for name, value in answered.items()]
        if simulated or worry_met_today(tracker):
            if loop is None:
                dispatcher.utter_message(text=protocol.load_protocol().worry_again)
            return []
        worry = worried_finding(tracker)
        concern = worry.get("concern")
        words = protocol.load_protocol()
        dispatcher.utter_message(text=protocol.worry_words(concern))
        show_resources(dispatcher, tracker, SOMEONE_ELSE, concern)
        say_who_will_see(dispatcher, tracker)
        dispatcher.utter_message(text=words.worry_back if loop else words.worry_menu)
        if loop is None:
            dispatcher.utter_message(response="utter_menu")
        event = {**risk_event({"findings": [worry] if worry else []}, "worry", tracker),
                 "category": SOMEONE_ELSE, "concern": concern}
        return [SlotSet("worry_heard", dt.date.today().isoformat()), SlotSet("risk_event", event)]
