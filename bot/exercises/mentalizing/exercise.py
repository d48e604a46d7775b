"""The mentalizing exercise on the exercise contract (bot/exercises/contract.py).

Each method takes the step state (an `ExerciseState` as a dict), does one thing the person asked
for and returns what to say. The person's profile is the list of scenarios they finished, with
dates ({"scenario_id", "when"}), so a scenario does not come back too soon (selection.py), and the
relationships they asked to leave out ({"leave_out", "when"}: leave_out.py).
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from bot.analysis.handover import analysis_of
from bot.exercises.contract import AnsweredTurn, Closing, Exercise, Profile, Reply, State
from bot.exercises.mentalizing.asking import introduce_own_moment, offer_another, present_scenario, question_for
from bot.exercises.mentalizing.declaration import DECLARATION
from bot.exercises.mentalizing.feedback import feedback_for
from bot.exercises.mentalizing.leave_out import LeftOut, acknowledge, left_out_in, mention
from bot.exercises.mentalizing.library import scenarios, selection_rules
from bot.exercises.mentalizing.paths import OWN_MOMENT_PATH, SCENARIO_PATH, steps_for
from bot.exercises.mentalizing.people import other_person_in
from bot.exercises.mentalizing.record import Turn, from_annotation, to_annotation
from bot.exercises.mentalizing.schema import Scenario
from bot.exercises.mentalizing.selection import (
    NoScenarioAvailable,
    PastScenario,
    PersonHistory,
    choose_scenario,
    recent_ids,
)
from bot.exercises.mentalizing.state import ExerciseState
from bot.exercises.mentalizing.summary import closing_summary, therapist_view

HISTORY_LIMIT = 100


def history_from(records: Iterable[dict[str, Any]] | None, leave_out: Iterable[str] = ()) -> PersonHistory:
    """The person's past scenarios and left-out relationships, from their profile, plus any left
    out in this conversation."""
    past, left_out = [], set(leave_out)
    for record in records or []:
        if isinstance(record, dict) and isinstance(record.get("leave_out"), str):
            left_out.add(record["leave_out"])
            continue
        try:
            past.append(PastScenario(str(record["scenario_id"]), datetime.fromisoformat(record["when"])))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged record must not stop the exercise
    return PersonHistory(past=tuple(past), leave_out=frozenset(left_out))


def remember_scenario(records: list[dict] | None, scenario_id: str | None,
                      leave_out: Iterable[str] = ()) -> list[dict]:
    """The history with this scenario added (only finished scenarios count as used) and any newly
    left-out relationships; left-outs are kept whatever the length of the history."""
    records = [r for r in records or [] if isinstance(r, dict)]
    now = datetime.now(timezone.utc).isoformat()
    kept = [r for r in records if "leave_out" in r]
    known = {r["leave_out"] for r in kept}
    kept += [{"leave_out": key, "when": now} for key in sorted(set(leave_out) - known)]
    used = [r for r in records if "leave_out" not in r]
    if scenario_id:
        used.append({"scenario_id": scenario_id, "when": now})
    return kept + used[-HISTORY_LIMIT:]


def _reply(state: ExerciseState, messages: list[str], **extra: Any) -> Reply:
    return Reply(state.to_dict(), [m for m in messages if m], step=state.step, finished=state.finished, **extra)


class MentalizingExercise(Exercise):
    declaration = DECLARATION

    def steps(self, path: str) -> tuple[str, ...]:
        return steps_for(path)

    def start(self, path: str, profile: Profile, rng: random.Random) -> Reply:
        if path == OWN_MOMENT_PATH:
            state = ExerciseState()
            state.start_own_moment()
            return _reply(state, [introduce_own_moment(state.seen, rng)])
        return self._begin_scenario(ExerciseState(), profile, rng)

    def swap(self, state: State, profile: Profile, rng: random.Random) -> Reply:
        previous = ExerciseState.from_dict(state)
        # Keep what was offered, said and left out, so the new scenario and its wording are fresh.
        fresh = ExerciseState(offered=previous.offered, seen=previous.seen, left_out=previous.left_out)
        return self._begin_scenario(fresh, profile, rng)

    def _begin_scenario(self, state: ExerciseState, profile: Profile, rng: random.Random) -> Reply:
        messages = [offer_another(state.seen, rng)] if state.offered else []
        history = history_from(profile, state.left_out)
        state.avoid = recent_ids(history.past, selection_rules().no_repeat_within)
        scenario = self._choose(history, state, rng)
        state.start_scenario(scenario.id)
        messages.append(present_scenario(scenario, state.seen, rng))
        if not history.past and not history.leave_out and len(state.offered) == 1:
            messages.append(mention(state.seen, rng))  # a newcomer hears that a moment can be left out
        return _reply(state, messages)

    @staticmethod
    def _choose(history: PersonHistory, state: ExerciseState, rng: random.Random) -> Scenario:
        """Through the one selection function; a scenario offered or used lately only when nothing
        else fits."""
        for exclude in ([*state.offered, *state.avoid], state.offered):
            try:
                return choose_scenario(history, scenarios(), rng, exclude=exclude)
            except NoScenarioAvailable:
                continue
        return choose_scenario(history, scenarios(), rng, exclude=state.offered[-1:])

    def _leave_out(self, current: ExerciseState, left: LeftOut, relevant: set[str], rng: random.Random) -> Reply:
        """The person said this moment's relationship is not part of their life: meet that, leave
        the relationship out from now on, and offer a moment that fits."""
        state = ExerciseState(offered=current.offered, seen=current.seen, avoid=current.avoid,
                              left_out=sorted(set(current.left_out) | left.keys),
                              earlier_answers=current.earlier_answers + current.answers)
        messages = acknowledge(left, relevant, state.seen, rng)
        scenario = self._choose(history_from(None, state.left_out), state, rng)
        state.start_scenario(scenario.id)
        messages.append(present_scenario(scenario, state.seen, rng))
        return _reply(state, messages)

    def ask(self, state: State, rng: random.Random) -> Reply:
        current = ExerciseState.from_dict(state)
        if current.step is None or current.follow_up:  # finished, or the last feedback asked something
            return _reply(current, [])
        question = question_for(current.step, current.about(), current.seen, rng)
        return _reply(current, [question], question=question)

    def answer(self, state: State, text: str, rng: random.Random, question: str = "") -> Reply:
        current = ExerciseState.from_dict(state)
        step, follow_up, text = current.step, current.follow_up, text or ""
        if step is None:  # an answer after the last step: nothing more to ask or record
            return _reply(current, [])
        about = current.about()
        if current.path == SCENARIO_PATH and isinstance(about, Scenario):
            left = left_out_in(text)
            relevant = set(left.keys) & about.assumes if left else set()
            if left and relevant:
                return self._leave_out(current, left, relevant, rng)
        analysis = analysis_of(text, only="mentalizing").mentalizing
        feedback = feedback_for(step, text, analysis, current.seen, rng, scenario=current.about(),
                                follow_up=follow_up, pace=current.pace())
        turn = Turn.record(step, question, text, analysis, feedback, follow_up)
        if step == "what_happened":
            current.note_other(other_person_in(text))
        current.note_reply(feedback)
        current.advance(feedback)
        if (current.step == "other_alternatives" and step != current.step and not feedback.low
                and "alternative" in {marker.family for marker in analysis.markers}):
            current.skip()  # another reading was just offered: not asked for one more straight away
        return _reply(current, [feedback.text], annotation=to_annotation(turn))

    def skip(self, state: State, rng: random.Random) -> Reply:
        current = ExerciseState.from_dict(state)
        current.skip()
        return _reply(current, [])

    def resume(self, state: State) -> State:
        current = ExerciseState.from_dict(state)
        current.follow_up = False  # back from a pause: the pending follow-up is gone from view
        return current.to_dict()

    def close(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
              rng: random.Random) -> Closing:
        current = ExerciseState.from_dict(state)
        records = [from_annotation(t) for t in turns[current.earlier_answers:]]
        text = closing_summary(records, current.about(), rng, current.seen)
        return Closing([text], remember_scenario(profile, current.scenario_id, current.left_out))

    def stopped(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
                rng: random.Random) -> Closing | None:
        """Stopped part-way: nothing to say, but a relationship left out stays left out."""
        current = ExerciseState.from_dict(state)
        if not current.left_out:
            return None
        return Closing([], remember_scenario(profile, None, current.left_out))

    def summary(self, turns: Sequence[AnsweredTurn], state: State | None = None) -> dict:
        current = ExerciseState.from_dict(state) if state else None
        about = current.about() if current and current.scenario_id else None
        scenario = about if isinstance(about, Scenario) else None
        view = therapist_view([from_annotation(t) for t in turns], scenario)
        if current and current.left_out:
            view["left_out"] = list(current.left_out)
        return view
