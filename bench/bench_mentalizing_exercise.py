"""Time per turn of the mentalizing exercise: what the analysis adds, and what the engine adds.

Each turn of the exercise runs the mentalizing analysis on the answer (one spaCy parse) and then the
engine (feedback choice, next question, the turn's record). Measured side by side in one run, on the
answers of Attune's own labelled set (tests/data/mentalizing.jsonl, short, one to three sentences)
and on longer answers made by joining three of them (a talkative person). Times are per turn, after
one warm-up turn that loads the pipeline. The closing summary and therapist view run once a session.
"""
from __future__ import annotations

import json
import random
import statistics
import time
from pathlib import Path

from bot.analysis import analyze
from bot.exercises.mentalizing import (
    ExerciseState,
    Turn,
    closing_summary,
    feedback_for,
    question_for,
    scenario_by_id,
    steps_for,
    therapist_view,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "mentalizing.jsonl"
SESSION_TURNS = 5


def _answers() -> tuple[list[str], list[str]]:
    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    long = [" ".join(texts[i:i + 3]) for i in range(0, len(texts) - 2, 3)]
    return texts, long


def _ms(seconds: list[float]) -> str:
    values = sorted(s * 1000 for s in seconds)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"median {statistics.median(values):6.2f} ms  p95 {p95:6.2f} ms  mean {statistics.fmean(values):6.2f} ms"


def _turns(texts: list[str]) -> dict[str, list[float]]:
    scenario = scenario_by_id("partner_unanswered_text")
    steps = steps_for("scenario")
    rng = random.Random(0)
    timings: dict[str, list[float]] = {"analysis (mentalizing only)": [], "analysis (all parts)": [],
                                       "engine (feedback, question, record)": [], "summary + therapist view": []}
    state, turns = ExerciseState(), []
    for index, text in enumerate(texts):
        if index % SESSION_TURNS == 0:
            state, turns = ExerciseState(), []
            state.start_scenario(scenario.id)
        step = steps[index % len(steps)]

        start = time.perf_counter()
        analysis = analyze(text, only="mentalizing").mentalizing
        timings["analysis (mentalizing only)"].append(time.perf_counter() - start)

        start = time.perf_counter()
        analyze(text)
        timings["analysis (all parts)"].append(time.perf_counter() - start)

        start = time.perf_counter()
        feedback = feedback_for(step, text, analysis, state.seen, rng, scenario=scenario)
        question = question_for(steps[(index + 1) % len(steps)], scenario, state.seen, rng)
        turns.append(Turn.record(step, question, text, analysis, feedback))
        timings["engine (feedback, question, record)"].append(time.perf_counter() - start)

        if index % SESSION_TURNS == SESSION_TURNS - 1:
            start = time.perf_counter()
            closing_summary(turns, scenario, rng, state.seen)
            therapist_view(turns, scenario)
            timings["summary + therapist view"].append(time.perf_counter() - start)
    return timings


def run() -> None:
    short, long = _answers()
    _turns(short[:1])  # warm-up: loads spaCy and compiles the lexicons
    for label, texts in (("short answers", short), ("long answers", long)):
        words = statistics.fmean(len(t.split()) for t in texts)
        print(f"\n{label}: {len(texts)} turns, {words:.0f} words on average")
        timings = _turns(texts)
        for name, values in timings.items():
            if values:
                print(f"  {name:<38} {_ms(values)}  (n={len(values)})")
        analysis = statistics.median(timings["analysis (mentalizing only)"])
        engine = statistics.median(timings["engine (feedback, question, record)"])
        print(f"  engine / analysis (medians): {engine / analysis:.2f}")


if __name__ == "__main__":
    run()
