"""Speed of the full analysis against the bare spaCy pipeline, side by side on the same texts.

Texts: AnnoMI therapist utterances (about 17 words each) from ../shared/eval/annomi/dev.csv, with the
client's previous utterance as context; a fixed set of Attune-style sentences when that is absent.
Everything runs on one CPU core (process affinity and BLAS threads limited to one) and the two
systems alternate in rounds; the best round of each is reported and the ratios compare figures from
the same run. Times are the process's CPU time (`time.process_time`), which on one thread is the time
the work took on the core: on a shared machine wall time mostly measures the other processes, so
wall-clock throughput is printed beside it for reference only.

Targets (issue 4): full analysis >= 0.7x the bare pipeline's batched throughput; single-utterance
p95 <= 2x the bare pipeline's.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from bench.evaldata import SHARED_EVAL, read_rows

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 2
SINGLE_SAMPLE = 300
FALLBACK = [
    "I think he was hurt because I laughed at his idea in front of everyone.",
    "Maybe she went quiet because she was embarrassed, or maybe she was just tired after work.",
    "What was going on for you when your dad walked out of the room?",
    "I'm sorry I snapped at you yesterday; I was stressed and it wasn't fair to you.",
    "It sounds like part of you wanted to reach out and part of you was afraid of being turned away.",
    "He never listens to me and he obviously doesn't care what I think.",
]

LOAD_SCRIPT = """
import json, time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
from bot.nlp import load_nlp
nlp = load_nlp()
t2 = time.perf_counter()
from bot.analysis import analyze
analyze("I think she was upset because I forgot.")
t3 = time.perf_counter()
print(json.dumps({"import_spacy": t1 - t0, "load_model": t2 - t1, "first_analysis": t3 - t2}))
"""


def texts_and_contexts() -> tuple[list[str], list[str | None], str]:
    path = SHARED_EVAL / "annomi" / "dev.csv"
    if not path.is_file():
        print(f"note: {path} is absent; using Attune's own sample sentences instead of AnnoMI")
        return FALLBACK * 100, [None] * (len(FALLBACK) * 100), "fallback sentences"
    rows = [r for r in read_rows(path) if r["therapist_text"].strip()]
    return [r["therapist_text"] for r in rows], [r.get("prev_client_text") or None for r in rows], "AnnoMI therapist utterances"


@contextmanager
def one_core():
    """Pin this process to one CPU and BLAS/OpenMP to one thread for the duration."""
    from threadpoolctl import threadpool_limits

    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        with threadpool_limits(limits=1):
            yield min(before)
    finally:
        os.sched_setaffinity(0, before)


def rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    function()
    return time.process_time() - cpu, time.perf_counter() - wall


def latencies(function: Callable[[str, str | None], object], texts: list[str], contexts: list) -> list[float]:
    """CPU seconds of each single call."""
    out = []
    for text, context in zip(texts, contexts):
        start = time.process_time()
        function(text, context)
        out.append(time.process_time() - start)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def load_figures() -> dict:
    """Model load time in a fresh process (the in-process pipeline is already loaded)."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> None:
    from bot.analysis import PARTS, _part, analyze, analyze_many
    from bot.nlp import load_nlp

    texts, contexts, source = texts_and_contexts()
    words = statistics.mean(len(t.split()) for t in texts)
    loads = load_figures()
    rss_before = rss_mib()
    nlp = load_nlp()
    analyze("warm-up: I think she was upset because I forgot.")  # compile matchers, read lexicons
    rss_loaded = rss_mib()
    step = max(1, len(texts) // SINGLE_SAMPLE)
    single_texts, single_contexts = texts[::step][:SINGLE_SAMPLE], contexts[::step][:SINGLE_SAMPLE]

    batched = {"bare": [], "full": []}
    single = {"bare": [], "full": []}
    with one_core() as cpu:
        for _ in range(ROUNDS):
            batched["bare"].append(timed(lambda: list(nlp.pipe(texts, batch_size=64))))
            batched["full"].append(timed(lambda: analyze_many(texts, contexts, batch_size=64)))
            single["bare"].append(latencies(lambda t, c: nlp(t), single_texts, single_contexts))
            single["full"].append(latencies(lambda t, c: analyze(t, c), single_texts, single_contexts))
        docs = list(nlp.pipe(texts, batch_size=64))
        part_ms = {}
        for name in PARTS:
            function = _part(name)
            if function is None:
                continue
            call = (lambda d, c, f=function: f(d, c)) if name == "prompt" else (lambda d, c, f=function: f(d))
            part_ms[name] = 1000 * timed(lambda: [call(d, c) for d, c in zip(docs, contexts)])[0] / len(docs)

    print(f"Texts: {len(texts)} {source}, mean {words:.1f} words; single-call sample {len(single_texts)}; "
          f"CPU core {cpu}; best of {ROUNDS} alternating rounds")
    print("\nModel load (fresh process): " + ", ".join(
        f"{k.replace('_', ' ')} {v:.2f} s" if isinstance(v, float) else f"{k} {v}" for k, v in loads.items()))
    print(f"Resident memory: {rss_before:.0f} MiB before loading here, {rss_loaded:.0f} MiB with the model and "
          f"matchers, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    rate = {k: len(texts) / min(cpu for cpu, _ in v) for k, v in batched.items()}
    wall_rate = {k: len(texts) / min(wall for _, wall in v) for k, v in batched.items()}
    best_single = {k: min(v, key=lambda run: percentile(run, 0.95)) for k, v in single.items()}
    p50 = {k: 1000 * percentile(v, 0.50) for k, v in best_single.items()}
    p95 = {k: 1000 * percentile(v, 0.95) for k, v in best_single.items()}
    single_rate = {k: len(v) / sum(v) for k, v in best_single.items()}
    print(f"\n{'(CPU time on one core)':<34}{'bare spaCy':>14}{'full analysis':>16}{'full / bare':>14}")
    print(f"{'batched (nlp.pipe), utt/s':<34}{rate['bare']:>14.0f}{rate['full']:>16.0f}{rate['full'] / rate['bare']:>13.2f}x")
    print(f"{'one at a time, utt/s':<34}{single_rate['bare']:>14.0f}{single_rate['full']:>16.0f}"
          f"{single_rate['full'] / single_rate['bare']:>13.2f}x")
    print(f"{'single p50, ms':<34}{p50['bare']:>14.2f}{p50['full']:>16.2f}{p50['full'] / p50['bare']:>13.2f}x")
    print(f"{'single p95, ms':<34}{p95['bare']:>14.2f}{p95['full']:>16.2f}{p95['full'] / p95['bare']:>13.2f}x")
    print(f"{'batched, wall clock, utt/s':<34}{wall_rate['bare']:>14.0f}{wall_rate['full']:>16.0f}"
          f"{wall_rate['full'] / wall_rate['bare']:>13.2f}x   (shared machine: reference only)")
    print("\nTargets: batched full/bare >= 0.70x -> "
          + ("met" if rate["full"] / rate["bare"] >= 0.7 else "MISSED")
          + f"; single p95 full/bare <= 2.00x -> " + ("met" if p95["full"] / p95["bare"] <= 2 else "MISSED"))
    print("\nPer-part cost on parsed docs (ms per utterance, one core): "
          + ", ".join(f"{name} {ms:.2f}" for name, ms in part_ms.items()))
