"""Trainee practice on the exercise contract (bot/exercises/contract.py).

The trainee is the helper; a simulated client (clients.yml) answers each prompt at the depth the
prompt earns (client_state.py), after the prompt rubric (bot/analysis/prompt.py) has read it
(moves.py). Feedback on each prompt comes before the client's reply, or at the end on the quiet
path or after "feedback off". The trainee's profile is the list of clients met, so the next session
starts with someone new.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

from bot.analysis import analyze
from bot.exercises.contract import AnsweredTurn, ChartSeries, Closing, Exercise, Profile, Reply, State
from bot.exercises.trainee.client_state import carry_on, respond
from bot.exercises.trainee.declaration import CHARTED, DECLARATION, QUIET_PATH, RISK_PATH
from bot.exercises.trainee.feedback import feedback_for, risk_cue, risk_feedback_for, say
from bot.exercises.trainee.library import client_by_id, client_fields, clients, feedback_catalogue, session_rules
from bot.exercises.trainee.moves import read_prompt
from bot.exercises.trainee.record import TurnRecord, to_annotation
from bot.exercises.trainee.risk_questions import read_risk_question
from bot.exercises.trainee.schema import Client
from bot.exercises.trainee.state import SessionState
from bot.exercises.trainee.summary import closing_words, session_view

PROFILE_LIMIT = 20
RISK_OVERRULES = frozenset({"advice", "leading_question"})
_NOT_WORD = re.compile(r"[^a-z ]+")


def _reply(state: SessionState, messages: list[str], **extra: Any) -> Reply:
    return Reply(state.to_dict(), [m for m in messages if m], step=state.step, finished=state.finished, **extra)


def client_line(client: Client, text: str) -> str:
    """A client's words, marked as simulated wherever they are shown or stored."""
    return feedback_catalogue().client_line.format_map({"name": client.name, "text": text})


def command_in(text: str) -> str | None:
    """"on" or "off" when the message only asks to switch per-turn feedback."""
    words = " ".join(_NOT_WORD.sub(" ", text.lower()).split())
    for command, phrases in feedback_catalogue().commands.items():
        if words in phrases:
            return command
    return None


def choose_client(met: Sequence[str], rng: random.Random, risk: bool = False) -> Client:
    """A client the trainee has not met recently (the least recently met when all have been): one
    who discloses risk for risk-assessment practice, one who does not otherwise."""
    pool = [c for c in clients() if (c.risk is not None) == risk]
    fresh = [c for c in pool if c.id not in met]
    if fresh:
        return rng.choice(fresh)
    order = {client_id: i for i, client_id in enumerate(met)}
    return min(pool, key=lambda c: order.get(c.id, -1))


def _met(profile: Profile) -> list[str]:
    return [str(item) for item in profile or [] if isinstance(item, str)] if isinstance(profile, list) else []


class TraineeExercise(Exercise):
    declaration = DECLARATION

    def steps(self, path: str) -> tuple[str, ...]:
        rules = session_rules()
        return tuple(f"turn_{i}" for i in range(1, (rules.risk_turns if path == RISK_PATH else rules.turns) + 1))

    def start(self, path: str, profile: Profile, rng: random.Random) -> Reply:
        state = SessionState(feedback_on=path != QUIET_PATH)
        catalogue = feedback_catalogue()
        intro_lines = {QUIET_PATH: catalogue.intro_quiet, RISK_PATH: catalogue.intro_risk}.get(path, catalogue.intro_feedback)
        intro = say(intro_lines, state.seen, rng, {})
        return self._meet(state, choose_client(_met(profile), rng, risk=path == RISK_PATH), rng, [intro])

    def swap(self, state: State, profile: Profile, rng: random.Random) -> Reply:
        previous = SessionState.from_dict(state)
        fresh = SessionState(feedback_on=previous.feedback_on, offered=previous.offered, seen=previous.seen)
        risk = bool(previous.client_id) and previous.client().risk is not None  # stay in risk practice
        return self._meet(fresh, choose_client(_met(profile) + previous.offered, rng, risk=risk), rng, [])

    def _meet(self, state: SessionState, client: Client, rng: random.Random, messages: list[str]) -> Reply:
        state.meet(client)
        fields = {**client_fields(client), "age": str(client.age), "concern": client.presenting_concern,
                  "style": client.style, "opens": client.opens_up_note, "shuts": client.shuts_down_note}
        messages.append(say(feedback_catalogue().brief, state.seen, rng, fields))
        return _reply(state, messages)

    def ask(self, state: State, rng: random.Random) -> Reply:
        current = SessionState.from_dict(state)
        if current.finished or current.voiced or not current.client_id:
            return _reply(current, [])  # the client's reply to the last prompt is already on screen
        line = client_line(current.client(), current.last_reply().text)
        current.voiced = True
        return _reply(current, [line], question=line)

    def answer(self, state: State, text: str, rng: random.Random, question: str = "") -> Reply:
        current = SessionState.from_dict(state)
        if current.finished:
            return _reply(current, [])
        if not current.client_id:  # a damaged state: meet someone and go on
            return self._meet(current, choose_client([], rng), rng, [])
        command = command_in(text or "")
        if command is not None:
            current.feedback_on = command == "on"
            catalogue = feedback_catalogue()
            return _reply(current, [say(catalogue.feedback_on if current.feedback_on else catalogue.feedback_off,
                                        current.seen, rng, {})])
        client, answered = current.client(), current.last_reply()
        if not (text or "").strip():
            return _reply(current, [say(feedback_catalogue().empty, current.seen, rng, client_fields(client))])
        step = current.step or ""
        result = analyze(text or "", context=answered.text, only="prompt").prompt
        reading = read_prompt(result)
        risk = read_risk_question(text or "") if client.risk is not None else None
        overruled: frozenset[str] = frozenset()
        if risk is not None and risk.direct:
            # A plain question about suicide, a plan or the means is what the moment needs; the
            # general rubric can read "how would you do it?" as advice or a lead, and is overruled.
            overruled = reading.features & RISK_OVERRULES
            reading = reading.without(overruled)
        was_disclosed = current.disclosed
        turn = respond(client, current, reading, rng, risk)
        if risk is not None and (was_disclosed or risk.about_risk):
            feedback = risk_feedback_for(text or "", risk, client, current.covered, current.seen, rng)
        else:
            feedback = feedback_for(text or "", reading.move, client, answered, current.seen, rng)
        # The disclosure is a teaching moment: named after the client's words, held like feedback.
        cue = risk_cue(client, current.seen, rng) if turn.risk and turn.risk.event == "disclosed" else None
        annotation = to_annotation(step, text or "", result, reading, turn, feedback, client.id,
                                   shown=current.feedback_on, answered=answered.text, risk=risk, cue=cue,
                                   overruled=sorted(overruled))
        messages = [feedback.text] if current.feedback_on else []
        messages.append(client_line(client, turn.reply.text))
        if cue and current.feedback_on:
            messages.append(cue)
        return _reply(current, messages, annotation=annotation)

    def skip(self, state: State, rng: random.Random) -> Reply:
        current = SessionState.from_dict(state)
        if current.finished or not current.client_id:
            return _reply(current, [])
        client = current.client()
        said = carry_on(client, current, rng)
        return _reply(current, [] if current.finished else [client_line(client, said.text)])

    def resume(self, state: State) -> State:
        current = SessionState.from_dict(state)
        current.voiced = False  # back from a pause: say the client's last words again
        return current.to_dict()

    def close(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
              rng: random.Random) -> Closing:
        current = SessionState.from_dict(state)
        met = _met(profile)
        if not current.client_id:
            return Closing([], met)
        records = [TurnRecord.from_answered(t) for t in turns]
        messages = closing_words(records, current.client(), current.seen, rng)
        met = [m for m in met if m not in current.offered] + current.offered
        return Closing(messages, met[-PROFILE_LIMIT:])

    def summary(self, turns: Sequence[AnsweredTurn], state: State | None = None) -> dict:
        current = SessionState.from_dict(state) if state else None
        client = client_by_id(current.client_id) if current and current.client_id else None
        return session_view([TurnRecord.from_answered(t) for t in turns], client)

    def chart_series(self, turns: Sequence[AnsweredTurn]) -> list[ChartSeries]:
        return [s for s in super().chart_series(turns) if s.score in CHARTED]
