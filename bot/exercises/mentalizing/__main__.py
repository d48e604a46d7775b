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

from bot.exercises.content import ContentError
from bot.exercises.mentalizing import session
from bot.exercises.mentalizing.engine import ExerciseState, present_scenario
from bot.exercises.mentalizing.library import scenario_by_id


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

    if args.own:
        reply = session.begin_own_moment(rng)
    elif args.scenario:
        try:
            scenario = scenario_by_id(args.scenario)
        except ContentError as error:
            print(error, file=sys.stderr)
            return 2
        state = ExerciseState()
        state.start_scenario(scenario.id)
        reply = session.Reply(state, [present_scenario(scenario, state.seen, rng)])
    else:
        reply = session.begin_scenario(session.history_from([]), rng)
    for message in reply.messages:
        _say(message)

    state, question = reply.state, ""
    while not state.finished:
        if not state.retried:
            asked = session.next_question(state, rng)
            if asked:
                question = asked
                _say(question)
        answer = _read(prompt_shown=True)
        if answer is None or answer.strip().lower() in ("stop", "quit", "exit"):
            break
        if answer.strip().lower() == "skip":
            state.skip()
            continue
        reply = session.take_answer(state, answer, rng, question=question)
        for message in reply.messages:
            _say(message)

    _say(session.closing(state, rng).messages[0])
    if args.therapist:
        print(json.dumps(session.review(state), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
