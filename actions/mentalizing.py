"""Mentalizing practice: thin adapters over bot.exercises.mentalizing.session.

The exercise's state (path, scenario, step, sentences already said, answers) lives in the slot
`mz_state`; the form `mentalizing_form` asks for `mz_answer` again and again until the state says
the flow is finished. Each answer's analysis is set on `turn_annotation` for the transcript.
"""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import AnswerValidation, SayAction, latest_intent, notice_if_new, refuse_practice_if_on_hold, say
from bot.exercises.mentalizing import session
from bot.exercises.mentalizing.engine import ExerciseState

DONE = "done"  # fills mz_answer when the flow is over, which completes the form


def state_of(tracker: Tracker) -> ExerciseState:
    return ExerciseState.from_dict(tracker.get_slot("mz_state"))


def utter_all(dispatcher: CollectingDispatcher, texts: list[str]) -> None:
    for text in texts:
        if text:
            dispatcher.utter_message(text=text)


def started(reply: session.Reply) -> list[EventType]:
    return [SlotSet("mz_state", reply.state.to_dict()), SlotSet("mz_answer", None),
            SlotSet("exercise", session.NAME), SlotSet("exercise_step", reply.state.step)]


class ActionStartMentalizing(Action):
    def name(self) -> str:
        return "action_start_mentalizing"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        held = refuse_practice_if_on_hold(dispatcher, tracker)
        if held is not None:
            return held
        notice_if_new(dispatcher, tracker)
        reply = session.begin_scenario(session.history_from(tracker.get_slot("mz_history")), random.Random())
        utter_all(dispatcher, reply.messages)
        return started(reply)


class ActionStartOwnMoment(Action):
    def name(self) -> str:
        return "action_start_own_moment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        held = refuse_practice_if_on_hold(dispatcher, tracker)
        if held is not None:
            return held
        notice_if_new(dispatcher, tracker)
        reply = session.begin_own_moment(random.Random())
        utter_all(dispatcher, reply.messages)
        return started(reply)


class ActionAnotherScenario(Action):
    def name(self) -> str:
        return "action_another_scenario"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        previous = state_of(tracker)
        # Keep what was offered and said, so the new scenario and its wording are fresh.
        fresh = ExerciseState(offered=previous.offered, seen=previous.seen)
        reply = session.begin_scenario(session.history_from(tracker.get_slot("mz_history")), random.Random(), fresh)
        utter_all(dispatcher, reply.messages)
        return started(reply)


class ActionSkipStep(Action):
    def name(self) -> str:
        return "action_skip_step"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = state_of(tracker)
        state.skip()
        say(dispatcher, "mentalizing", "skipped")
        return [SlotSet("mz_state", state.to_dict()), SlotSet("exercise_step", state.step),
                SlotSet("mz_answer", DONE if state.finished else None)]


class ActionAskMzAnswer(Action):
    def name(self) -> str:
        return "action_ask_mz_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = state_of(tracker)
        if latest_intent(tracker) == "resume":
            state.follow_up = False  # back from a pause: the pending follow-up is gone from view
        question = session.next_question(state, random.Random())
        if question is None:  # the feedback just given already asked the person something
            return [SlotSet("mz_state", state.to_dict())]
        dispatcher.utter_message(text=question)
        return [SlotSet("mz_state", state.to_dict()), SlotSet("mz_question", question),
                SlotSet("exercise_step", state.step)]


class ValidateMentalizingForm(AnswerValidation):
    def name(self) -> str:
        return "validate_mentalizing_form"

    def validate_mz_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        state = state_of(tracker)
        if state.finished:
            return {"mz_answer": DONE}
        if (tracker.latest_message.get("attune_risk") or {}).get("flagged"):
            # Never reflect a disclosure back as practice: the safety rules take over from here.
            return {"mz_answer": None}
        reply = session.take_answer(state, str(slot_value or ""), random.Random(),
                                    question=tracker.get_slot("mz_question") or "")
        utter_all(dispatcher, reply.messages)
        return {
            "mz_state": reply.state.to_dict(),
            "turn_annotation": {"kind": "mentalizing", "step": reply.turn.step, "result": reply.turn.to_dict()},
            "exercise_step": reply.state.step,
            "mz_answer": DONE if reply.state.finished else None,
        }


class ActionMentalizingSummary(Action):
    def name(self) -> str:
        return "action_mentalizing_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = state_of(tracker)
        utter_all(dispatcher, session.closing(state, random.Random()).messages)
        dispatcher.utter_message(response="utter_menu")
        return [
            SlotSet("mz_history", session.remember_scenario(tracker.get_slot("mz_history"), state.scenario_id)),
            SlotSet("mz_state", None), SlotSet("mz_answer", None), SlotSet("mz_question", None),
            SlotSet("exercise", None), SlotSet("exercise_step", None),
        ]


class ActionOfferReflection(SayAction):
    """Someone shares a moment outside any exercise: offer the "my own moment" path."""

    catalogue, key = "mentalizing", "offer_own_moment"

    def name(self) -> str:
        return "action_offer_reflection"
