"""Generic exercise actions: any registered exercise (bot/exercises/registry.py) runs through these.

One form, `exercise_form`, asks for `exercise_answer` again and again until the exercise says its
flow is finished. Slots: `exercise` (which one is running), `exercise_state` (its step state only),
`exercise_question` (the question just asked), `exercise_step` (for the transcript),
`exercise_profiles` (per-person state, one entry per exercise, kept across sessions) and
`turn_annotation` (each answer's annotation, which the tracker store projects into the transcript).

Past answers are not kept in a slot: the closing summary reads the annotations back from this
session's events (`answered_turns`), so each answer is stored once rather than re-serialised on
every turn.
"""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, latest_intent, notice_if_new, refuse_practice_if_on_hold, say, yes_or_no
from actions.offload import off_loop
from bot.analysis.handover import from_parse_data, run_given
from bot.checkin.around import OFFERED, START, checkin_turn, in_grounding
from bot.exercises.contract import Annotation, AnsweredTurn, Exercise, Reply
from bot.exercises.registry import UnknownExercise, exercise, for_start_intent

DONE = "done"  # fills exercise_answer when the flow is over, which completes the form
STATE, ANSWER, QUESTION, PROFILES = "exercise_state", "exercise_answer", "exercise_question", "exercise_profiles"
CHECKIN = "exercise_checkin"  # the check-in around every exercise (bot/checkin/around.py)


def running(tracker: Tracker) -> Exercise | None:
    try:
        return exercise(tracker.get_slot("exercise"))
    except UnknownExercise:
        return None


def profile_of(tracker: Tracker, name: str) -> Any:
    profiles = tracker.get_slot(PROFILES)
    return profiles.get(name) if isinstance(profiles, dict) else None


def with_profile(tracker: Tracker, name: str, profile: Any) -> dict[str, Any]:
    profiles = tracker.get_slot(PROFILES)
    return {**(profiles if isinstance(profiles, dict) else {}), name: profile}


def utter_all(dispatcher: CollectingDispatcher, texts: list[str]) -> None:
    for text in texts:
        if text:
            dispatcher.utter_message(text=text)


def started(name: str, reply: Reply) -> list[EventType]:
    return [SlotSet(STATE, reply.state), SlotSet(ANSWER, None), SlotSet("exercise", name),
            SlotSet("exercise_step", reply.step)]


def paced_start(reply: Reply) -> dict[str, Any]:
    """The slots an exercise's reading of a start rating sets (`Exercise.rated_at_start`)."""
    slots: dict[str, Any] = {STATE: reply.state, "exercise_step": reply.step}
    if reply.annotation is not None:
        slots["turn_annotation"] = reply.annotation.to_dict()
    return slots


def answered_turns(tracker: Tracker, name: str) -> list[AnsweredTurn]:
    """This run's annotations with the answers and questions they belong to, from the events since
    the exercise (or its latest swap) started."""
    turns: list[AnsweredTurn] = []
    answer, question = "", ""
    for event in tracker.events:
        kind = event.get("event")
        if kind == "user":
            answer = event.get("text") or ""
        elif kind == "slot" and event.get("name") == "exercise" and event.get("value") == name:
            turns = []  # a start or a swap: what came before belongs to another run
        elif kind == "slot" and event.get("name") == QUESTION:
            question = event.get("value") or ""
        elif kind == "slot" and event.get("name") == "turn_annotation":
            value = event.get("value")
            if isinstance(value, dict) and value.get("kind") == name:
                turns.append(AnsweredTurn(Annotation.from_dict(value), answer, question))
    return turns


def closing_on_stop(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """"Stop" part-way (actions/pacing.py): what the running exercise says then, if anything
    (`Exercise.stopped`), and the profile it leaves."""
    current = running(tracker)
    if current is None:
        return []
    closing = current.stopped(tracker.get_slot(STATE) or {}, answered_turns(tracker, current.name),
                              profile_of(tracker, current.name), random.Random())
    if closing is None:
        return []
    utter_all(dispatcher, closing.messages)
    return [SlotSet(PROFILES, with_profile(tracker, current.name, closing.profile)), SlotSet(STATE, None)]


def start_refused(tracker: Tracker) -> bool:
    """Whether this turn's start ended at once (refused, or nothing to start): the form it ends must
    neither run nor close an exercise paused before it."""
    since_user: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        since_user.insert(0, event)
    for index, event in enumerate(since_user):
        if event.get("event") == "action" and event.get("name") == "action_exercise_start":
            # Its events up to the next action: what it said (Rasa puts those first), then its slots.
            for after in since_user[index + 1:]:
                if after.get("event") == "action":
                    break
                if after.get("event") == "slot" and after.get("name") == ANSWER and after.get("value") == DONE:
                    return True
    return False


class ActionExerciseStart(Action):
    """Start the exercise the latest intent names (each exercise declares its start intents)."""

    def name(self) -> str:
        return "action_exercise_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        found = for_start_intent(latest_intent(tracker))
        if found is None:
            return [SlotSet(ANSWER, DONE)]  # nothing to run: the form ends at once
        held = refuse_practice_if_on_hold(dispatcher, tracker)
        if held is not None:
            return held
        chosen, path = found
        notice_if_new(dispatcher, tracker)
        admission = await off_loop(chosen.admit, tracker.sender_id, path, profile_of(tracker, chosen.name))
        if not admission.allowed:  # said why and how to get it; the form then ends at once
            utter_all(dispatcher, admission.messages)
            # requested_slot set, so the form's validation keeps "done" (actions/common.py, AnswerValidation);
            # the exercise slots stay as they were, so one paused before can still be resumed, and the
            # form neither runs nor closes it (`start_refused`).
            return [SlotSet(ANSWER, DONE), SlotSet("requested_slot", ANSWER)]
        reply = chosen.start(path, admission.profile, random.Random())
        utter_all(dispatcher, reply.messages)
        return started(chosen.name, reply) + [SlotSet(CHECKIN, START)]


class ActionExerciseAnother(Action):
    """Swap the content (another scenario) and start its steps again."""

    def name(self) -> str:
        return "action_exercise_another"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        current = running(tracker)
        if current is None:
            return [SlotSet(ANSWER, DONE)]
        reply = current.swap(tracker.get_slot(STATE) or {}, profile_of(tracker, current.name), random.Random())
        utter_all(dispatcher, reply.messages)
        return started(current.name, reply)


class ActionExerciseSkip(Action):
    def name(self) -> str:
        return "action_exercise_skip"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        current = running(tracker)
        if current is None:
            return [SlotSet(ANSWER, DONE)]
        reply = await off_loop(current.skip, tracker.get_slot(STATE) or {}, random.Random())  # it may save progress
        say(dispatcher, current.name, "skipped")
        utter_all(dispatcher, reply.messages)
        return [SlotSet(STATE, reply.state), SlotSet("exercise_step", reply.step),
                SlotSet(ANSWER, DONE if reply.finished else None), SlotSet(CHECKIN, None)]


class ActionAskExerciseAnswer(Action):
    def name(self) -> str:
        return "action_ask_exercise_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        current = running(tracker)
        if current is None:
            return []
        state = tracker.get_slot(STATE) or {}
        phase = tracker.get_slot(CHECKIN)
        events: list[EventType] = []
        if in_grounding(phase):
            if latest_intent(tracker) != "resume":
                return []  # one grounding step at a time: the question waits
            events.append(SlotSet(CHECKIN, None))  # back from a pause: on with the exercise
        if phase == START:  # with the first question: an optional check-in, skipped by answering
            say(dispatcher, "checkin", "offer_before_exercise")
            events.append(SlotSet(CHECKIN, OFFERED))
        if latest_intent(tracker) == "resume":
            state = current.resume(state)
        # An exercise may read the store to choose its question (the narrative retelling: was past harm
        # told?): a blocking call, so in the worker thread, off the event loop.
        if latest_intent(tracker) == "help":  # after the frame's help: the exercise's own, if any
            reply = await off_loop(current.help, state, random.Random())
        else:
            reply = await off_loop(current.ask, state, random.Random())
        if reply.question is None:  # the feedback just given already asked the person something
            return events + [SlotSet(STATE, reply.state)]
        utter_all(dispatcher, reply.messages)
        return events + [SlotSet(STATE, reply.state), SlotSet(QUESTION, reply.question),
                         SlotSet("exercise_step", reply.step)]


class ValidateExerciseForm(AnswerValidation):
    def name(self) -> str:
        return "validate_exercise_form"

    async def validate_exercise_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await take_answer(dispatcher, tracker, str(slot_value or ""))


async def take_answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> dict[str, Any]:
    """The running exercise's reply to `text` as the answer to its question: what it says, and the
    slots that carry it on (`exercise_answer` DONE when it has finished). The form's validation takes
    each answer here; so does a worry for someone else told again, once met (actions/worry.py)."""
    current = running(tracker)
    if current is None or start_refused(tracker):
        return {ANSWER: DONE}
    if (tracker.latest_message.get("attune_risk") or {}).get("flagged"):
        # Never reflect a disclosure back as practice: the safety rules take over from here.
        return {ANSWER: None}
    phase = tracker.get_slot(CHECKIN)
    if phase is not None:
        checkin = checkin_turn(phase, text, yes_or_no(tracker))
        if checkin.consumed:
            checkin_slots: dict[str, Any] = {CHECKIN: checkin.phase, ANSWER: None}
            if checkin.suds is not None:
                checkin_slots["suds"] = checkin.suds
                # The exercise's own pacing reads the start rating too (Exercise.rated_at_start); it
                # may save progress, so off the event loop.
                paced = await off_loop(current.rated_at_start, tracker.get_slot(STATE) or {}, checkin.suds,
                                       random.Random())
                if paced is not None:
                    checkin_slots.update(paced_start(paced))
                    if paced.finished:  # stopped before the first question: its words, then its closing
                        utter_all(dispatcher, paced.messages)
                        return {**checkin_slots, CHECKIN: None, ANSWER: DONE}
            for key in checkin.keys:
                say(dispatcher, "checkin", key)
            return checkin_slots
    # The exercise reads the answer's analysis from the NLU's parse data when it is there
    # (bot/analysis/handover.py); otherwise analysing it is CPU work: in a worker thread, not on
    # the event loop.
    reply = await off_loop(run_given, from_parse_data(tracker.latest_message), current.answer,
                           tracker.get_slot(STATE) or {}, text, random.Random(),
                           question=tracker.get_slot(QUESTION) or "")
    utter_all(dispatcher, reply.messages)
    slots: dict[str, Any] = {STATE: reply.state, "exercise_step": reply.step,
                             ANSWER: DONE if reply.finished else None}
    if phase is not None:  # the question was answered instead: the check-in is passed by
        slots[CHECKIN] = None
    if reply.annotation is not None:
        slots["turn_annotation"] = reply.annotation.to_dict()
    return slots


class ActionExerciseSummary(Action):
    """The words-only ending for the person; their profile remembers this run."""

    def name(self) -> str:
        return "action_exercise_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if start_refused(tracker):  # nothing ran; an exercise paused before stays as it was, to resume
            dispatcher.utter_message(response="utter_menu")
            return [SlotSet(ANSWER, None)]
        current = running(tracker)
        events: list[EventType] = [SlotSet(STATE, None), SlotSet(ANSWER, None), SlotSet(QUESTION, None),
                                   SlotSet("exercise", None), SlotSet("exercise_step", None), SlotSet(CHECKIN, None)]
        if current is not None:
            closing = current.close(tracker.get_slot(STATE) or {}, answered_turns(tracker, current.name),
                                    profile_of(tracker, current.name), random.Random())
            utter_all(dispatcher, closing.messages)
            events.insert(0, SlotSet(PROFILES, with_profile(tracker, current.name, closing.profile)))
            # After any exercise: an optional check-in (the usual one, bot/checkin/), easy to pass by.
            say(dispatcher, "checkin", "offer_after_exercise")
        dispatcher.utter_message(response="utter_menu")
        return events
