"""Try the mentalizing exercise in a terminal, without Rasa: `python -m bot.exercises.mentalizing`.

For content writers, trainees and reviewers: the same engine, content and analysis as the chatbot.
Answers are read line by line from standard input, so a conversation can also be scripted:

    printf 'I felt hurt.\\nMaybe she was busy.\\n...' | python -m bot.exercises.mentalizing --seed 1

Options: --scenario ID (default: chosen as for a new person), --own (the "my own moment" path),
--seed N (repeatable wording), --therapist (print the therapist view as JSON at the end).
"""
from __future__ import annotations

import argparse
import json
import random
import sys

from bot.content import ContentError
from bot.exercises.contract import AnsweredTurn, Reply
from bot.exercises.mentalizing.asking import present_scenario
from bot.exercises.mentalizing.exercise import MentalizingExercise
from bot.exercises.mentalizing.library import scenario_by_id
from bot.exercises.mentalizing.paths import OWN_MOMENT_PATH, SCENARIO_PATH
from bot.exercises.mentalizing.state import ExerciseState


def _say(text: str) -> None:
    print(f"\nAttune: {text}", flush=True)


def _read(prompt_shown: bool) -> str | None:
    if prompt_shown and sys.stdin.isatty():
        print("You: ", end="", flush=True)
    line = sys.stdin.readline()
    if line == "":
        return None
    if not sys.stdin.isatty():
        print(f"\nYou: {line.rstrip()}")
    return line.rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.exercises.mentalizing", description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", help="scenario id (see scenarios.yml)")
    parser.add_argument("--own", action="store_true", help="reflect on a moment of your own")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--therapist", action="store_true", help="print the therapist view at the end")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    exercise = MentalizingExercise()

    if args.own:
        reply = exercise.start(OWN_MOMENT_PATH, None, rng)
    elif args.scenario:
        try:
            scenario = scenario_by_id(args.scenario)
        except ContentError as error:
            print(error, file=sys.stderr)
            return 2
        chosen = ExerciseState()
        chosen.start_scenario(scenario.id)
        text = present_scenario(scenario, chosen.seen, rng)
        reply = Reply(chosen.to_dict(), [text], step=chosen.step)
    else:
        reply = exercise.start(SCENARIO_PATH, [], rng)
    for message in reply.messages:
        _say(message)

    state, question, turns = reply.state, "", []
    while not reply.finished:
        if not ExerciseState.from_dict(state).retried:
            asked = exercise.ask(state, rng)
            state = asked.state
            if asked.question:
                question = asked.question
                _say(question)
        answer = _read(prompt_shown=True)
        if answer is None or answer.strip().lower() in ("stop", "quit", "exit"):
            break
        if answer.strip().lower() == "skip":
            reply = exercise.skip(state, rng)
            state = reply.state
            continue
        reply = exercise.answer(state, answer, rng, question=question)
        state = reply.state
        if reply.annotation is not None:
            turns.append(AnsweredTurn(reply.annotation, answer, question))
        for message in reply.messages:
            _say(message)

    _say(exercise.close(state, turns, [], rng).messages[0])
    if args.therapist:
        print(json.dumps(exercise.summary(turns, state), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
