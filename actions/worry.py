"""Worry for someone else at risk, met in the dialogue.

The NLU risk detector sets `worry_for_someone` when someone else's risk is told with worry for them or
a wish to help ("my friend keeps saying she wants to die, what do I say to her?"), or is grave and now
in the speaker's own life, and nothing of the speaker's own was found (bot/analysis/risk.py). This is
no check of the speaker's safety: the worry is met first, then what tends to help, lines that also
support people worried about someone, who will see it, and back where the person was. Recorded as a
risk event of kind "worry" (category `someone_else`) for the therapist.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import active_loop_name, locale_of
from actions.exercise import take_answer
from actions.safety import (
    WORRY_HEARD,
    message_risk,
    risk_event,
    say_who_will_see,
    say_worry_help,
    worried_about,
    worry_mark,
)
from bot.analysis.urgency import SOMEONE_ELSE
from bot.exercises.registry import simulated_exercises
from bot.safety import protocol
from bot.safety.resources import resources_for


def heard_again(tracker: Tracker, worry: dict[str, Any]) -> bool:
    """The same kind of worry was met in full today, and this one is no graver: a graver or another
    kind ("she has just taken the tablets") is met in full again."""
    return tracker.get_slot(WORRY_HEARD) == worry_mark(worry.get("concern")) and worry.get("level") in (None, "concern")


class ActionWorryForSomeone(Action):
    """Met in full, unless the same worry was met today. Told again, it is met in a line; in an
    exercise it is then the person's practice answer (they may be reflecting on that very person), as
    it always is in a simulated client's session (trainee practice: the words are the practice).
    After it, a form asks its question again (the form's rules in data/rules/forms.yml)."""

    def name(self) -> str:
        return "action_worry_for_someone"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loop = active_loop_name(tracker)
        worry = worried_about(message_risk(tracker))
        in_exercise = loop == "exercise_form"
        simulated = in_exercise and tracker.get_slot("exercise") in simulated_exercises()
        if simulated or (in_exercise and heard_again(tracker, worry)):
            answered = await take_answer(dispatcher, tracker, tracker.latest_message.get("text") or "")
            return [SlotSet(name, value) for name, value in answered.items()]
        texts = protocol.load_protocol()
        if heard_again(tracker, worry):
            emergency = resources_for(locale_of(tracker)).emergency
            dispatcher.utter_message(text=texts.worry_again.format(emergency=emergency))
            return []
        concern = worry.get("concern")
        # Inside a form, a tapped location would be taken as the form's answer: no question there.
        say_worry_help(dispatcher, tracker, concern, ask_where=loop is None)
        say_who_will_see(dispatcher, tracker)
        dispatcher.utter_message(text=texts.worry_back if loop else texts.worry_menu)
        if loop is None:
            dispatcher.utter_message(response="utter_menu")
        event = {**risk_event({"findings": [worry] if worry else []}, "worry", tracker),
                 "category": SOMEONE_ELSE, "concern": concern}
        return [SlotSet(WORRY_HEARD, worry_mark(concern)), SlotSet("risk_event", event)]
