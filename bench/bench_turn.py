"""A REST turn's latency and each server's memory and CPU, over scripted mentalizing conversations.

Both servers are started as `make serve` does (scripts/serve.sh, the model in ATTUNE_MODELS_DIR or
models/, a temporary data dir). One person at a time says hello, consents, asks for a scenario and
answers its questions in free text until the summary; that conversation is held once to warm the
servers' workers up (lazy loads each worker pays once are not a turn's cost), then RUNS times
(default 6, `ATTUNE_BENCH_RUNS`). Printed:

- latency p50/p95 of every turn and of the free-text answers alone (wall time: other jobs on the
  machine add to it, so compare figures from one run);
- CPU milliseconds per answer of the Rasa server and of the action server (their own and their
  workers'; the mean, as the kernel counts CPU time in 10 ms ticks), which other jobs inflate far
  less than wall time: the Rasa server is the bottleneck under load. Read from /proc around each
  request, they are too coarse to show a few milliseconds: the in-process figures above show those;
- RSS and PSS (pages shared by forked workers counted once) of both servers once answering, and
  after the conversations (the warm-up included).

The analysis of a message runs where `ATTUNE_NLU_ANALYSIS` says (attune_rasa/risk_detector.py):
both placements are measured in one run, side by side, each with servers of its own. First, in this
process and in CPU time (steady however busy the machine is), what each side does per answer: the
detector with and without the hand-over, the action rebuilding the hand-over or analysing itself.

    .venv/bin/python -m bench.run turn
"""
from __future__ import annotations

import os
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.live import Served, cpu_seconds, log, ratio, say, start_attune, table
from bench.load import ANSWERS, attune_models, percentile

OPENING = ["hi", "yes", "give me a scenario"]
DONE_WORDS = "What would you like to do?"  # the menu after the closing summary
MAX_ANSWERS = 12  # a bound, in case a change makes the flow never finish
PLACEMENTS = {"Rasa server (NLU)": "1", "action server": "0"}


@dataclass
class Figures:
    turns: list[float] = field(default_factory=list)
    answers: list[float] = field(default_factory=list)
    rasa_cpu_ms: list[float] = field(default_factory=list)
    actions_cpu_ms: list[float] = field(default_factory=list)
    memory_started: dict[str, tuple[float, float]] = field(default_factory=dict)
    memory_after: dict[str, tuple[float, float]] = field(default_factory=dict)


def _turn(served: Served, sender: str, text: str, figures: Figures, answer: bool) -> str:
    rasa_cpu, actions_cpu = cpu_seconds(served.rasa_pid), cpu_seconds(served.actions_pid)
    start = time.perf_counter()
    reply = "\n".join(m.get("text") or "" for m in say(served.rasa_url, sender, text))
    elapsed = time.perf_counter() - start
    figures.turns.append(elapsed)
    if answer:
        figures.answers.append(elapsed)
        figures.rasa_cpu_ms.append(1000 * (cpu_seconds(served.rasa_pid) - rasa_cpu))
        figures.actions_cpu_ms.append(1000 * (cpu_seconds(served.actions_pid) - actions_cpu))
    return reply


def conversation(served: Served, figures: Figures) -> None:
    sender = f"bench-turn-{uuid.uuid4().hex[:8]}"
    for text in OPENING:
        _turn(served, sender, text, figures, answer=False)
    for i in range(MAX_ANSWERS):
        if DONE_WORDS in _turn(served, sender, ANSWERS[i % len(ANSWERS)], figures, answer=True):
            return
    raise RuntimeError(f"the exercise did not finish within {MAX_ANSWERS} answers")


def measure(placement: str, runs: int) -> Figures:
    figures = Figures()
    previous = os.environ.get("ATTUNE_NLU_ANALYSIS")
    os.environ["ATTUNE_NLU_ANALYSIS"] = placement  # start_attune passes the environment on
    try:
        with tempfile.TemporaryDirectory(prefix="attune-turn-") as tmp:
            served = start_attune(Path(tmp), attune_models())
            try:
                figures.memory_started = served.memory()
                conversation(served, Figures())  # the warm-up: not counted
                for _ in range(runs):
                    conversation(served, figures)
                figures.memory_after = served.memory()
            finally:
                served.stop()
    finally:
        if previous is None:
            os.environ.pop("ATTUNE_NLU_ANALYSIS", None)
        else:
            os.environ["ATTUNE_NLU_ANALYSIS"] = previous
    return figures


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def rows_for(results: dict[str, Figures]) -> list[tuple]:
    a, b = results.values()

    def row(label: str, x: float, y: float, digits: int = 0) -> tuple:
        return (label, f"{x:.{digits}f}", f"{y:.{digits}f}", ratio(x, y))

    rows = [row("every turn p50 (ms)", 1000 * percentile(a.turns, 50), 1000 * percentile(b.turns, 50)),
            row("every turn p95 (ms)", 1000 * percentile(a.turns, 95), 1000 * percentile(b.turns, 95)),
            row("answer p50 (ms)", 1000 * percentile(a.answers, 50), 1000 * percentile(b.answers, 50)),
            row("answer p95 (ms)", 1000 * percentile(a.answers, 95), 1000 * percentile(b.answers, 95)),
            row("Rasa server CPU per answer, mean (ms)", _mean(a.rasa_cpu_ms), _mean(b.rasa_cpu_ms), 1),
            row("action server CPU per answer, mean (ms)", _mean(a.actions_cpu_ms), _mean(b.actions_cpu_ms), 1)]
    for moment, attr in (("started", "memory_started"), ("after", "memory_after")):
        for name in ("rasa", "actions"):
            (ar, ap), (br, bp) = getattr(a, attr)[name], getattr(b, attr)[name]
            rows.append(row(f"{name} server RSS, {moment} (MiB)", ar, br))
            rows.append(row(f"{name} server PSS, {moment} (MiB)", ap, bp))
    return rows


def _cpu_ms(function, texts: list[str], repeat: int = 20) -> float:
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            function(text)
    return 1000 * (time.process_time() - start) / (repeat * len(texts))


def in_process() -> None:
    import json

    from bot.analysis import NLU_PARTS, analyze
    from bot.analysis.handover import ANALYSIS_KEY, RISK_KEY, from_parse_data, to_parse_data
    from bot.analysis.risk import assess_risk_text

    analyze(ANSWERS[0])  # loads spaCy and every lexicon, outside the figures
    parse = {t: json.dumps({"text": t, RISK_KEY: assess_risk_text(t).to_dict(),
                            ANALYSIS_KEY: to_parse_data(analyze(t, only=NLU_PARTS))}) for t in ANSWERS}
    rows = [("Rasa server: risk alone (ms)", f"{_cpu_ms(assess_risk_text, ANSWERS):.2f}"),
            ("Rasa server: risk, mentalizing, repair and the hand-over (ms)",
             f"{_cpu_ms(lambda t: to_parse_data(analyze(t, only=NLU_PARTS)), ANSWERS):.2f}"),
            ("action server: analysing the answer itself (mentalizing) (ms)",
             f"{_cpu_ms(lambda t: analyze(t, only='mentalizing'), ANSWERS):.2f}"),
            ("action server: rebuilding the hand-over (ms)",
             f"{_cpu_ms(lambda t: from_parse_data(json.loads(parse[t])), ANSWERS):.2f}")]
    print(f"CPU per answer in one process ({len(ANSWERS)} answers, 20 times each)")
    print(table(rows, ("", "CPU")))
    print()


def run() -> None:
    in_process()
    runs = int(os.environ.get("ATTUNE_BENCH_RUNS", "6"))
    results: dict[str, Figures] = {}
    for label, placement in PLACEMENTS.items():
        log(f"analysis in the {label}: {runs} mentalizing conversations ...")
        results[label] = measure(placement, runs)
    first, second = results
    answers = len(results[first].answers)
    print(f"{runs} conversations each ({answers} answers, {len(results[first].turns)} turns in all, one person at a "
          f"time); CPUs: {os.cpu_count()}; load average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    print(table(rows_for(results), ("analysis runs in the", first, second, "ratio")))
