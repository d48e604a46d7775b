"""Stored event bytes of one whole mentalizing exercise, as the tracker store keeps them.

The tracker store keeps every Rasa event of a consented conversation (attune_rasa/tracker_store.py),
so whatever an action puts in a slot is stored again each time it is set. This replays one exercise
through the real actions (real analysis, real content) and adds up the JSON of the events Rasa would
store: the user's messages with their parse data, the slot events the form extracts and the actions
return, and the bot's messages. It prints the total and the bytes per answer, so growth over an
exercise shows (a state that re-serialises every past turn grows quadratically). Each user message
carries the parse data the risk detector adds (attune_rasa/risk_detector.py): the risk result, and
with the hand-over of the analysis (bot/analysis/handover.py) the compact mentalizing and repair
parts; the exercise is counted both with and without that hand-over.

    .venv/bin/python -m bench.run stored_events
"""
from __future__ import annotations

import asyncio
import functools
import json
import random
from pathlib import Path
from typing import Any

import yaml

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

import actions.exercise as ex
from actions.exercise import ANSWER, DONE, STATE
from bot.analysis import NLU_PARTS, analyze
from bot.analysis.handover import ANALYSIS_KEY, RISK_KEY, to_parse_data
from bot.exercises.mentalizing.state import ExerciseState

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"
ANSWERS = [
    "I felt hurt and a bit stupid, because I had been looking forward to it all week.",
    "Maybe she was exhausted after her shift, or worried about something she hadn't told me.",
    "It could also be that she thought I was angry with her and didn't know how to bring it up.",
    "From her side I probably looked cold, since I went quiet and then left the room.",
    "Now I think we were both tired, and I'd like to ask her how she saw it rather than guess.",
]
FOLLOW_UPS = [
    "I'm not sure, maybe she felt guilty too.",
    "Perhaps she wanted me to notice that she was struggling.",
]


def _tracker(slots: dict[str, Any], text: str = "", intent: str | None = None,
             extracted: dict[str, Any] | None = None, requested_slot: str | None = None,
             history: list[dict] | None = None, latest: dict[str, Any] | None = None) -> Tracker:
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], **(latest or {})}
    all_slots = {**slots, **(extracted or {})}
    if requested_slot:
        all_slots["requested_slot"] = requested_slot
    events = list(history or []) + [UserUttered(text, parse_data=parse)]
    events += [SlotSet(k, v) for k, v in (extracted or {}).items()]
    return Tracker("bench", all_slots, parse, events, False, None,
                   {"name": "exercise_form"} if requested_slot else {}, "action_listen")


@functools.lru_cache(maxsize=1)
def _domain() -> dict[str, Any]:
    return yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))


def _run(action, tracker: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, _domain()))
    return events, dispatcher.messages


class _Conversation:
    """The events Rasa would store, and the slots it would hold, while the actions run."""

    def __init__(self, hand_over: bool) -> None:
        self.hand_over = hand_over
        self.stored: list[dict] = []
        self.slots: dict[str, Any] = {"onboarded": True, "consent_given": True}

    def _keep(self, events: list[dict], messages: list[dict], action: str) -> None:
        self.stored.append(ActionExecuted(action))
        for event in events:
            self.stored.append(event)
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        for message in messages:
            self.stored.append({"event": "bot", "text": message.get("text"), "data": {}})

    def user(self, text: str, intent: str) -> dict:
        parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [],
                 "intent_ranking": [{"name": intent, "confidence": 1.0}]}
        if not text.startswith("/"):  # Rasa runs no NLU on a button's payload
            analysis = analyze(text, only=NLU_PARTS)
            parse[RISK_KEY] = analysis.risk.to_dict()
            if self.hand_over:
                parse[ANALYSIS_KEY] = to_parse_data(analysis)
        self.stored.append(UserUttered(text, parse_data=parse))
        return parse

    def run(self, action, **tracker_args: Any) -> list[dict]:
        events, messages = _run(action, _tracker(self.slots, **tracker_args))
        self._keep(events, messages, action.name())
        return events

    def bytes(self) -> int:
        return sum(len(json.dumps(event, ensure_ascii=False, default=str)) for event in self.stored)


def one_exercise(hand_over: bool = True) -> tuple[int, list[int]]:
    """Total stored bytes of one scenario exercise, and the bytes added by each answer."""
    random.seed(7)
    talk = _Conversation(hand_over)
    talk.user("/start_mentalizing", "start_mentalizing")
    talk.run(ex.ActionExerciseStart(), text="/start_mentalizing", intent="start_mentalizing")
    talk.run(ex.ActionAskExerciseAnswer())
    per_answer, follow_ups = [], iter(FOLLOW_UPS * 5)
    answers = iter(ANSWERS)
    for _ in range(40):  # a bound, in case a change makes the flow never finish
        state = ExerciseState.from_dict(talk.slots.get(STATE))
        if state.finished:
            break
        text = next(follow_ups) if state.follow_up else next(answers, "I don't know any more.")
        before = talk.bytes()
        parse = talk.user(text, "reflect")
        # The form extracts the raw text into the requested slot, then its validation runs.
        talk.stored.append(SlotSet(ANSWER, text))
        latest = {k: v for k, v in parse.items() if k in (RISK_KEY, ANALYSIS_KEY)}
        events = talk.run(ex.ValidateExerciseForm(), text=text, intent="reflect",
                          extracted={ANSWER: text}, requested_slot=ANSWER, latest=latest)
        if not any(e.get("name") == ANSWER and e.get("value") == DONE for e in events):
            talk.run(ex.ActionAskExerciseAnswer())
        per_answer.append(talk.bytes() - before)
    talk.run(ex.ActionExerciseSummary(), history=list(talk.stored))  # it reads the annotations back
    return talk.bytes(), per_answer


def run() -> None:
    for hand_over, label in ((True, "with the analysis handed over"), (False, "risk only in the parse data")):
        total, per_answer = one_exercise(hand_over)
        print(f"one mentalizing exercise ({len(per_answer)} answers), {label}: {total:,} stored event bytes")
        print("  bytes added per answer: " + ", ".join(f"{b:,}" for b in per_answer))


if __name__ == "__main__":
    run()
