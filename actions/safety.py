"""The safety net in the dialogue: interrupt, a direct and level-dependent check, and what follows.

Three ways in, set by the NLU risk detector (attune_rasa/risk_detector.py):
- `risk_disclosure` (the detector is sure): care, resources for the kind of risk, and the safety
  check of `bot/safety/protocol.yml` (direct questions; at least two, so one "I'm fine" never ends it);
- `risk_unclear` (the detector is unsure): the exercise pauses and one direct question is asked;
  a clear no goes back where the person was, anything else starts the safety check;
- `risk_past` (an event that is over, such as childhood abuse): validation and one question about
  safety now, without the crisis script; a danger answer starts the safety check.
- `worry_for_someone` (someone else at risk, told with worry for them): actions/worry.py.
Every way in records a risk event of its own level for the therapist (the `risk_event` slot, which
the transcript store projects onto the user's turn).
"""
from __future__ import annotations

import datetime as dt
import uuid
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    AnswerValidation,
    active_loop_name,
    latest_intent,
    leave_active_loop,
    locale_of,
    say,
)
from bot.analysis.urgency import SOMEONE_ELSE, most_urgent
from bot.safety import protocol
from bot.safety.resources import format_resources, known_locale, locale_named_in, resources_for

SAFETY_LOOPS = {"safety_form", "risk_check_form"}
ANSWER_BUTTONS = [
    {"title": "Yes", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
    {"title": "Not sure", "payload": "/unsure"},
]


# --- what the detector found --------------------------------------------------------------------

def message_risk(tracker: Tracker) -> dict[str, Any]:
    """What the NLU risk detector attached to the latest message (empty when it found nothing)."""
    risk = tracker.latest_message.get("attune_risk")
    return risk if isinstance(risk, dict) else {}


def risk_event(risk: dict[str, Any], kind: str, tracker: Tracker, level: str | None = None) -> dict[str, Any]:
    """The flagged event for the therapist: the most urgent finding, its level and its evidence."""
    findings = [f for f in risk.get("findings") or [] if isinstance(f, dict)]
    top = most_urgent(findings) or {}
    return {
        # One id for the event's whole course: the outcome recorded turns later refines this event
        # in the store rather than adding a second one (bot/store/projection.py).
        "id": uuid.uuid4().hex,
        "kind": kind,
        "category": protocol.category_of_finding(top),
        "severity": top.get("severity"),
        "level": level or top.get("level") or risk.get("level") or "concern",
        "evidence": [e for f in findings for e in f.get("evidence", [])],
        "exercise": tracker.get_slot("exercise"),
    }


def current_event(tracker: Tracker) -> dict[str, Any]:
    event = tracker.get_slot("risk_event")
    return event if isinstance(event, dict) else {}


def current_check(tracker: Tracker) -> tuple[str, str]:
    """The short check under way: its question and the answer that means danger."""
    event = current_event(tracker)
    return protocol.check_question(event.get("kind", "ask"), event.get("category"))


# --- shared replies -----------------------------------------------------------------------------

def show_resources(dispatcher: CollectingDispatcher, tracker: Tracker, category: str | None,
                   concern: str | None = None, ask_where: bool = True) -> None:
    """Resources for this kind of risk where the person is; asks where they are when nobody said."""
    locale = locale_of(tracker)
    dispatcher.utter_message(text=format_resources(locale, category, concern))
    if ask_where and not known_locale(locale) and locale != "default":
        say(dispatcher, "safety", "ask_location")


def say_worry_help(dispatcher: CollectingDispatcher, tracker: Tracker, concern: str | None, ask_where: bool) -> None:
    """What meets a worry for someone else at risk of this kind, and lines that support the worried."""
    dispatcher.utter_message(text=protocol.worry_words(concern))
    show_resources(dispatcher, tracker, SOMEONE_ELSE, concern, ask_where=ask_where)


WORRY_HEARD = "worry_heard"  # the slot: "<date> <kind of risk>" of the worry last met in full


def worry_mark(concern: str | None) -> str:
    """The `worry_heard` value of a worry of this kind met in full today (actions/worry.py)."""
    return f"{dt.date.today().isoformat()} {concern or 'unknown'}"


def worried_about(risk: dict[str, Any]) -> dict[str, Any]:
    """The detector's finding of someone else's risk the speaker is worried about (may be empty)."""
    return next((f for f in risk.get("findings") or [] if isinstance(f, dict) and f.get("worried")), {})


def say_who_will_see(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Only what is true: whether this is kept, who sees it and when; nobody watches live."""
    say(dispatcher, "safety", "kept" if tracker.get_slot("consent_given") else "not_kept")


def hold_practice_for_today() -> SlotSet:
    return SlotSet("practice_hold", dt.date.today().isoformat())


# --- the safety check ---------------------------------------------------------------------------

class ActionSafetyInterrupt(Action):
    """Care, resources, and the start of the safety check, from any state."""

    def name(self) -> str:
        return "action_safety_interrupt"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        risk = message_risk(tracker)
        asked_for_help = latest_intent(tracker) == "need_help_now"
        if risk.get("outcome", "flag" if risk.get("flagged") else "none") == "flag" and not risk.get("past_only"):
            event = risk_event(risk, "flag", tracker)
        elif asked_for_help:
            # No words to read a kind of risk from: the check asks about the gravest.
            event = risk_event(risk, "help_request", tracker, level="concern")
        else:
            # Confirmed by the person in answer to a short check: the check's category, at least concern.
            event = {**current_event(tracker), "kind": "confirmed", "level": "concern"}
            event.setdefault("category", protocol.DEFAULT_CATEGORY)
        category = event["category"]
        if asked_for_help:
            say(dispatcher, "safety", "help_now")
        else:
            dispatcher.utter_message(text=protocol.load_protocol().categories[category].care)
        show_resources(dispatcher, tracker, category)
        say_who_will_see(dispatcher, tracker)
        # A second disclosure during a check restarts the check but keeps what was paused. `safety_next`
        # is left alone: the rule that brought a short check here is still matching on it.
        events = leave_active_loop(tracker, remember=active_loop_name(tracker) not in SAFETY_LOOPS)
        return events + [
            SlotSet("risk_event", event),
            *(SlotSet(slot, None) for slot in protocol.QUESTION_SLOTS),
            SlotSet("safety_reask", None),
            SlotSet("pending_offer", None),
        ]


def _answers(tracker: Tracker) -> dict[str, str | None]:
    return {slot: tracker.get_slot(slot) for slot in protocol.QUESTION_SLOTS if tracker.get_slot(slot)}


class ActionAskSafetyQuestion(Action, metaclass=ABCMeta):
    """Asks the safety question the form requests, in the words for this kind of risk.

    Abstract, so that rasa_sdk (which instantiates every concrete Action subclass with no
    arguments) registers only the three subclasses below."""

    @abstractmethod
    def __init__(self, slot: str) -> None:
        self.slot = slot

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        question = protocol.question(current_event(tracker).get("category"), self.slot)
        dispatcher.utter_message(text=question.text, buttons=ANSWER_BUTTONS)
        return []


class ActionAskSafetyQ1(ActionAskSafetyQuestion):
    def __init__(self) -> None:
        super().__init__("safety_q1")


class ActionAskSafetyQ2(ActionAskSafetyQuestion):
    def __init__(self) -> None:
        super().__init__("safety_q2")


class ActionAskSafetyQ3(ActionAskSafetyQuestion):
    def __init__(self) -> None:
        super().__init__("safety_q3")


def _read(tracker: Tracker, slot: str, danger_on: str, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """One answer: yes/no/unsure/fine, or asked again once; unclear twice counts as not sure."""
    answer = protocol.read_answer_for(tracker.latest_message.get("text"), latest_intent(tracker), danger_on)
    if answer is None and message_risk(tracker).get("outcome") in ("flag", "ask"):
        answer = "unsure"  # risk words with no yes or no in them are no reassurance
    if answer is None and tracker.get_slot("safety_reask") == slot:
        answer = "unsure"
    if answer is None:
        say(dispatcher, "safety", "unclear")
        return {slot: None, "safety_reask": slot}
    return {slot: answer, "safety_reask": None}


class ValidateSafetyForm(AnswerValidation):
    def name(self) -> str:
        return "validate_safety_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        event = current_event(tracker)
        return protocol.questions_to_ask(event.get("category"), event.get("level"), _answers(tracker))

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        if tracker.get_slot("requested_slot") is None:
            # At activation the base drops the triggering message; the questions still depend on the level.
            events.append(await self.next_requested_slot(dispatcher, tracker, domain))
        return [e for e in events if e is not None]

    async def _validate_question(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        event = current_event(tracker)
        result = _read(tracker, slot, protocol.question(event.get("category"), slot).danger_on, dispatcher)
        if message_risk(tracker).get("level") == "imminent":
            result["risk_event"] = {**event, "level": "imminent"}  # said during the check: no more questions
        return result

    async def validate_safety_q1(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return await self._validate_question("safety_q1", dispatcher, tracker)

    async def validate_safety_q2(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return await self._validate_question("safety_q2", dispatcher, tracker)

    async def validate_safety_q3(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return await self._validate_question("safety_q3", dispatcher, tracker)


class ActionSafetyResolve(Action):
    """What the answers lead to: urgent help, resources and a choice, or a thank-you and a choice."""

    def name(self) -> str:
        return "action_safety_resolve"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        event = current_event(tracker)
        category = protocol.category_of(event.get("category"))
        result = protocol.outcome(category, event.get("level"), _answers(tracker))
        recorded = SlotSet("risk_event", {**event, "outcome": result, "answers": _answers(tracker)})
        if result == "urgent":
            dispatcher.utter_message(text=protocol.load_protocol().categories[category].urgent)
            show_resources(dispatcher, tracker, category)
            say(dispatcher, "safety", "stay")
            return [recorded, hold_practice_for_today(), SlotSet("interrupted_loop", None),
                    SlotSet("exercise", None), SlotSet("exercise_step", None)]
        if result == "concern":
            dispatcher.utter_message(text=protocol.load_protocol().categories[category].concern)
            show_resources(dispatcher, tracker, category)
        else:
            say(dispatcher, "safety", "checked")
        say(dispatcher, "safety", "offer_resume" if tracker.get_slot("interrupted_loop") else "offer_menu")
        return [recorded]


# --- the short checks: unsure findings and past events ------------------------------------------

class ActionRiskCheck(Action):
    """Pauses what was going on and starts a one-question check (`risk_unclear` or `risk_past`)."""

    def name(self) -> str:
        return "action_risk_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kind = "past" if latest_intent(tracker) == "risk_past" else "ask"
        risk = message_risk(tracker)
        event = risk_event(risk, kind, tracker, level="ask" if kind == "ask" else None)
        worry = worried_about(risk)
        if worry:
            # Someone else's risk told in the same message waits: the person's own safety comes first.
            event["worry"] = worry.get("concern") or "unknown"  # an unknown kind is met as the gravest
        if kind == "past":
            dispatcher.utter_message(text=protocol.load_protocol().past[event["category"]].validate_)
            say_who_will_see(dispatcher, tracker)
        events = leave_active_loop(tracker, remember=active_loop_name(tracker) not in SAFETY_LOOPS)
        return events + [SlotSet("risk_event", event), SlotSet("risk_check_answer", None),
                         SlotSet("safety_reask", None), SlotSet("safety_next", None)]


class ActionAskRiskCheckAnswer(Action):
    def name(self) -> str:
        return "action_ask_risk_check_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text, _ = current_check(tracker)
        dispatcher.utter_message(text=text, buttons=ANSWER_BUTTONS)
        return []


class ValidateRiskCheckForm(AnswerValidation):
    def name(self) -> str:
        return "validate_risk_check_form"

    async def validate_risk_check_answer(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                         domain: DomainDict) -> dict[str, Any]:
        _, danger_on = current_check(tracker)
        result = _read(tracker, "risk_check_answer", danger_on, dispatcher)
        if message_risk(tracker).get("outcome") == "flag" and not message_risk(tracker).get("past_only"):
            result["risk_check_answer"] = "yes" if danger_on == "yes" else "no"  # a disclosure is danger
        return result


class ActionRiskCheckResolve(Action):
    """A clear safe answer goes back where the person was; anything else starts the safety check."""

    def name(self) -> str:
        return "action_risk_check_resolve"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        event = current_event(tracker)
        _, danger_on = current_check(tracker)
        answer = tracker.get_slot("risk_check_answer")
        if protocol.is_danger(answer, danger_on):
            return [SlotSet("safety_next", "check")]
        recorded = [SlotSet("risk_event", {**event, "outcome": "checked", "answers": {"check": answer}})]
        if event.get("worry"):
            # The worry for someone else told with it, now that the person's own answer is safe.
            say_worry_help(dispatcher, tracker, event["worry"], ask_where=False)
            recorded.append(SlotSet(WORRY_HEARD, worry_mark(event["worry"])))
        if event.get("kind") == "past":
            dispatcher.utter_message(text=protocol.load_protocol().past_safe)
            return [*recorded, SlotSet("safety_next", "done")]
        dispatcher.utter_message(text=protocol.clear_no(event.get("category")))
        if tracker.get_slot("interrupted_loop"):
            return [*recorded, SlotSet("safety_next", "resume")]
        dispatcher.utter_message(response="utter_menu")
        return [*recorded, SlotSet("safety_next", "done")]


class ActionSafetyFirst(Action):
    """Pause, menu or help asked during a safety question: the question comes first, then anything."""

    def name(self) -> str:
        return "action_safety_first"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        say(dispatcher, "safety", "safety_first")
        return []


# --- where the person is ------------------------------------------------------------------------

def answered_just_after(tracker: Tracker, action: str) -> bool:
    """Whether the bot's last action before the latest message was `action` (the message answers it)."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
        elif users == 1 and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name") == action
    return False


class ActionSetLocale(Action):
    """Remembers the country someone names, and shows that country's numbers for the current risk."""

    def name(self) -> str:
        return "action_set_locale"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        named = next(tracker.get_latest_entity_values("location"), None)
        locale = named if named == "default" or known_locale(named) else locale_named_in(
            tracker.latest_message.get("text"))
        if locale is None:
            say(dispatcher, "safety", "location_unknown")
            locale = "default"
        event = current_event(tracker)
        if active_loop_name(tracker) in SAFETY_LOOPS:
            dispatcher.utter_message(text=format_resources(locale, event.get("category")))
        elif event.get("kind") == "worry" and answered_just_after(tracker, "action_worry_for_someone"):
            dispatcher.utter_message(text=format_resources(locale, event.get("category"), event.get("concern")))
        else:
            say(dispatcher, "safety", "location_noted", region=resources_for(locale).region)
        return [SlotSet("locale", locale)]
