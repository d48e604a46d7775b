"""Helpers every action module shares: leaving a form, reading yes/no answers, the person's locale."""
from __future__ import annotations

import datetime as dt
from abc import ABCMeta, abstractmethod
from typing import Any, ClassVar

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.frame.forms import FORMS
from bot.messages import message
from bot.settings import get_settings

# Forms a person can pause (or a safety interrupt can stop) and later resume where they were.
RESUMABLE_LOOPS = set(FORMS)

YES_INTENTS = {"affirm"}
NO_INTENTS = {"deny"}


def active_loop_name(tracker: Tracker) -> str | None:
    return (tracker.active_loop or {}).get("name")


def leave_active_loop(tracker: Tracker, remember: bool) -> list[EventType]:
    """Events that deactivate the running form; with `remember`, note it so `resume` can go back."""
    loop = active_loop_name(tracker)
    if not loop:
        return []
    events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]
    if remember and loop in RESUMABLE_LOOPS:
        events.append(SlotSet("interrupted_loop", loop))
    return events


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def yes_or_no(tracker: Tracker, yes: set[str] = YES_INTENTS, no: set[str] = NO_INTENTS) -> bool | None:
    """True or False from the latest message's intent, None when it was neither."""
    intent = latest_intent(tracker)
    if intent in yes:
        return True
    if intent in no:
        return False
    return None


def locale_of(tracker: Tracker) -> str | None:
    """Where the person is, for crisis numbers: the channel's metadata "locale", else what the person
    told Attune (the `locale` slot), else the installation's setting; None when nobody said."""
    metadata: dict[str, Any] = tracker.latest_message.get("metadata") or {}
    for locale in (metadata.get("locale"), tracker.get_slot("locale"), get_settings().locale):
        if isinstance(locale, str) and locale:
            return locale
    return None


def practice_on_hold(tracker: Tracker) -> bool:
    """True on the day the safety check found urgent risk: no practice until tomorrow."""
    return tracker.get_slot("practice_hold") == dt.date.today().isoformat()


def refuse_practice_if_on_hold(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """For an exercise's start action: on a held day, say why and listen instead of starting the form
    (the start rules would run the form next; FollowupAction takes precedence over them)."""
    if not practice_on_hold(tracker):
        return None
    say(dispatcher, "safety", "practice_on_hold")
    return [FollowupAction("action_listen")]


def say(dispatcher: CollectingDispatcher, catalogue: str, key: str, **fields: Any) -> None:
    """Send one message from a catalogue in `bot/` (see bot/messages.py), filling {fields}."""
    variant = message(catalogue, key)
    text = variant.text.format(**fields) if fields else variant.text
    dispatcher.utter_message(text=text, buttons=[b.dict() for b in variant.buttons] or None)


def notice_if_new(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Someone who skipped the greeting still hears what Attune is and is not before an exercise.

    (Not at session start: Rasa logs what action_session_start says before the SessionStarted event,
    so it would fall outside the stored session.)
    """
    if not tracker.get_slot("onboarded"):
        say(dispatcher, "frame", "first_notice")


class SayAction(Action, metaclass=ABCMeta):
    """An action whose only job is to say one catalogue message (form questions, for example)."""

    catalogue: ClassVar[str]
    key: ClassVar[str]

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, self.catalogue, self.key)
        return []


class AnswerValidation(FormValidationAction, metaclass=ABCMeta):
    """Validates only answers to a question the form asked.

    Rasa also runs a form's validation on the message that activates it ("I want to check in",
    "/start_mentalizing"). That message is no answer: treating it as one would record a spurious
    exercise turn, or spend one of the limited pairing attempts. Before the form's first question
    `requested_slot` is unset, so the candidate values are dropped and the form asks.
    """

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("requested_slot") is None:
            return [SlotSet(slot, None) for slot in tracker.slots_to_validate()]
        return await super().run(dispatcher, tracker, domain)
