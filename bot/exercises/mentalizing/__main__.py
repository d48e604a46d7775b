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

from bot.analysis import analyze
from bot.exercises.mentalizing import (
    ExerciseState,
    PersonHistory,
    Turn,
    choose_scenario,
    closing_summary,
    feedback_for,
    introduce_own_moment,
    other_person_in,
    present_scenario,
    question_for,
    scenario_by_id,
    scenarios,
    therapist_view,
)
from bot.exercises.content import ContentError


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

    state = ExerciseState()
    if args.own:
        state.start_own_moment()
        _say(introduce_own_moment(state.seen, rng))
    else:
        try:
            scenario = scenario_by_id(args.scenario) if args.scenario else choose_scenario(PersonHistory(), scenarios(), rng)
        except ContentError as error:
            print(error, file=sys.stderr)
            return 2
        state.start_scenario(scenario.id)
        _say(present_scenario(scenario, state.seen, rng))

    question = ""
    while not state.finished:
        if not state.follow_up and not state.retried:
            question = question_for(state.step, state.about(), state.seen, rng)
            _say(question)
        answer = _read(prompt_shown=True)
        if answer is None or answer.strip().lower() in ("stop", "quit", "exit"):
            break
        if answer.strip().lower() == "skip":
            state.skip()
            continue
        analysis = analyze(answer, only="mentalizing").mentalizing
        feedback = feedback_for(state.step, answer, analysis, state.seen, rng, scenario=state.about(),
                                follow_up=state.follow_up)
        state.turns.append(Turn.record(state.step, question, answer, analysis, feedback, state.follow_up))
        if state.step == "what_happened":
            state.note_other(other_person_in(answer))
        _say(feedback.text)
        state.advance(feedback)

    _say(closing_summary(state.turns, state.about(), rng, state.seen))
    if args.therapist:
        print(json.dumps(therapist_view(state.turns, state.about() if state.scenario_id else None), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
