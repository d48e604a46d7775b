"""`make bench-load`: simulated users holding real conversations over REST, Attune and the vanilla
`rasa init` bot in the same run, alternating, on the same machine.

    python -m bench.load [--users 20] [--turns 10] [--rounds 2] [--profile DIR]

Attune's users say hello, give consent, ask for the mentalizing practice and answer its questions in
free text (a new scenario when one ends); the vanilla bot's users hold its own mood conversation.
Each round starts every user at once; a user sends its next message when the last was answered.
Printed per bot: messages per second, latency percentiles, errors (HTTP failures, time-outs,
Attune's "something went wrong" apology), replies with no message (the vanilla bot answers some
turns with silence) and Rasa's "actions events are lost" (an action's result dropped); then
Attune's figures as ratios of the vanilla bot's, the CPU time each process (and all of a bot's
together) spent per message during the rounds, and the servers' memory after the rounds. On a
machine whose CPUs are all busy, messages per second follow the CPU per message of all processes.

Attune is served as `make serve` does (scripts/serve.sh, the model in models/ or ATTUNE_MODELS_DIR,
a temporary data dir); the vanilla bot is trained once into var/bench/ and reused.
With --profile DIR, py-spy (pip install py-spy into the venv; not a dependency) samples Attune's
servers and its projector during Attune's rounds and the top entries are printed; the folded stacks stay in DIR.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.live import (
    REPO,
    Served,
    cpu_seconds,
    create_vanilla_project,
    log,
    ratio,
    start_attune,
    start_vanilla,
    table,
    train,
)

LOST = "actions events are lost"
APOLOGY = "something went wrong on my side"

ANSWERS = [
    "I felt hurt and a bit embarrassed, like I had done something wrong.",
    "Maybe he was worried about something at work, or he didn't notice me because he was tired.",
    "He might have been shy, or perhaps he had a bad day and didn't want to talk to anyone.",
    "I guess my silence could have looked cold to him, so he may have thought I was unfriendly.",
    "Now I think I jumped to conclusions because I was anxious, and I'd like to say hello again.",
    "I was annoyed at first, and then sad, because it reminded me of being left out at school.",
    "She probably felt awkward too and didn't know what to say, so she kept quiet.",
    "It could have been that she was distracted by her phone, not that she was ignoring me.",
    "From her side I might have seemed impatient, since I sighed and looked away.",
    "Looking back, I think we both wanted the same thing but neither of us said it.",
]
VANILLA = ["hello", "I am feeling sad", "yes", "great, carry on", "are you a bot?", "goodbye",
           "hey there", "very bad", "no", "I am happy"]


def attune_script(turns: int, index: int) -> list[str]:
    """Greeting, consent, the practice, free-text answers (different users start at different answers)."""
    opening = ["hi", "yes", "give me a scenario"]
    answers = [ANSWERS[(index + i) % len(ANSWERS)] for i in range(max(0, turns - len(opening)))]
    return (opening + answers)[:turns]


def vanilla_script(turns: int, index: int) -> list[str]:
    return [VANILLA[(index + i) % len(VANILLA)] for i in range(turns)]


@dataclass
class RoundResult:
    latencies: list[float] = field(default_factory=list)
    errors: collections.Counter = field(default_factory=collections.Counter)
    messages: int = 0
    wall: float = 0.0
    lost: int = 0
    empty: int = 0


def user(url: str, sender: str, script: list[str], result: RoundResult, lock: threading.Lock) -> None:
    session = requests.Session()
    for text in script:
        start = time.perf_counter()
        error, empty = None, False
        try:
            response = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                    timeout=300)
            if response.status_code != 200:
                error = f"HTTP {response.status_code}"
            else:
                reply = response.json()
                if not reply:
                    empty = True  # the vanilla bot has turns it answers with silence; Attune never does
                elif any(APOLOGY in (m.get("text") or "") for m in reply):
                    error = "apology (no reply produced)"
        except requests.RequestException as exc:
            error = type(exc).__name__
        elapsed = time.perf_counter() - start
        with lock:
            result.messages += 1
            result.latencies.append(elapsed)
            result.empty += empty
            if error:
                result.errors[error] += 1


def run_round(served: Served, users: int, turns: int, scripted) -> RoundResult:
    result, lock = RoundResult(), threading.Lock()
    lost_before = served.log("rasa").count(LOST)
    run_id = uuid.uuid4().hex[:8]
    threads = [threading.Thread(target=user, args=(served.rasa_url, f"load-{run_id}-{i}", scripted(turns, i),
                                                   result, lock)) for i in range(users)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall = time.perf_counter() - start
    result.lost = served.log("rasa").count(LOST) - lost_before
    return result


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary(results: list[RoundResult]) -> dict:
    latencies = [x for r in results for x in r.latencies]
    messages = sum(r.messages for r in results)
    wall = sum(r.wall for r in results)
    errors = collections.Counter()
    for r in results:
        errors.update(r.errors)
    return {"messages": messages, "msgs_per_s": messages / wall if wall else 0.0,
            "p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "p99": percentile(latencies, 99),
            "mean": statistics.fmean(latencies) if latencies else float("nan"),
            "errors": sum(errors.values()), "error_kinds": dict(errors), "lost": sum(r.lost for r in results),
            "empty": sum(r.empty for r in results)}


def vanilla_models() -> tuple[Path, Path]:
    """The vanilla project and its model, trained once per Rasa version into var/bench/."""
    import rasa

    project = REPO / "var" / "bench" / f"vanilla-rasa-{rasa.__version__}"
    models = project / "models"
    if not any(models.glob("*.tar.gz")):
        shutil.rmtree(project, ignore_errors=True)
        create_vanilla_project(project)
        log(f"training the vanilla bot once into {project} ...")
        seconds, _ = train(project, models, project / ".rasa-cache", project / "train.log")
        log(f"  trained in {seconds:.0f} s")
    return project, models


def attune_models() -> Path:
    import os

    models = Path(os.environ.get("ATTUNE_MODELS_DIR", REPO / "models"))
    if not any(models.glob("*.tar.gz")):
        raise SystemExit(f"no model in {models}: run `make train` first (make bench-load does)")
    return models


class Profiler:
    """py-spy on a process tree while Attune's rounds run; folded stacks into a folder."""

    def __init__(self, folder: Path, pids: dict[str, int]):
        self.folder, self.pids, self.processes = folder, pids, []
        self.exe = shutil.which("py-spy", path=str(REPO / ".venv" / "bin")) or shutil.which("py-spy")

    def __enter__(self):
        if not self.exe:
            log("py-spy is not installed (.venv/bin/pip install py-spy): no profile")
            return self
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, pid in self.pids.items():
            self.processes.append(subprocess.Popen(
                [self.exe, "record", "--pid", str(pid), "--subprocesses", "--rate", "50", "--format", "raw",
                 "--output", str(self.folder / f"{name}.folded")], stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        return self

    def __exit__(self, *exc) -> None:
        for process in self.processes:
            process.send_signal(2)  # SIGINT: py-spy writes its output and exits
        for process in self.processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()

    def report(self, top: int = 15) -> None:
        for path in sorted(self.folder.glob("*.folded")):
            print(f"\nprofile of {path.stem} ({path}): top {top} by own time, then by inclusive time")
            own, inclusive, total = fold_counts(path)
            for label, counter in (("own", own), ("inclusive", inclusive)):
                print(f"  -- {label}")
                for frame, count in counter.most_common(top):
                    print(f"  {100 * count / max(total, 1):5.1f}%  {frame[:150]}")


def fold_counts(path: Path) -> tuple[collections.Counter, collections.Counter, int]:
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        total += int(count)
        own[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    return own, inclusive, total


def projector_pid(workdir: Path) -> dict[str, int]:
    """The projector process scripts/serve.sh started beside Attune's servers, if it did."""
    try:
        return {"projector": int((workdir / "run" / "projector.pid").read_text().strip())}
    except (OSError, ValueError):
        return {}


@contextlib.contextmanager
def cpu_used(processes: dict[str, int], into: collections.Counter):
    """Add the CPU seconds each process tree uses inside the block to `into`."""
    before = {name: cpu_seconds(pid) for name, pid in processes.items()}
    yield
    for name, pid in processes.items():
        into[name] += cpu_seconds(pid) - before[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Attune and the vanilla Rasa bot under simulated users")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2, help="rounds per bot, alternating (default 2)")
    parser.add_argument("--profile", type=Path, help="sample Attune's servers with py-spy into this folder")
    parser.add_argument("--rasa-workers", type=int, default=None,
                        help="Attune's Rasa worker processes (more than one shares a Redis lock store; "
                             "default: as make serve decides, scripts/rasa_workers.py)")
    args = parser.parse_args(argv)

    if args.rasa_workers is None:
        args.rasa_workers = int(subprocess.run([str(REPO / ".venv" / "bin" / "python"), "scripts/rasa_workers.py", "auto"],
                                               cwd=REPO, capture_output=True, text=True, check=True).stdout)
    project, vanilla_model = vanilla_models()
    with tempfile.TemporaryDirectory(prefix="attune-load-") as tmp:
        attune = vanilla = None
        try:
            log("starting Attune's servers (scripts/serve.sh) ...")
            attune = start_attune(Path(tmp), attune_models(), args.rasa_workers)
            log(f"  first answer after {attune.started_s:.1f} s; starting the vanilla bot's ...")
            vanilla = start_vanilla(project, vanilla_model)
            log(f"  first answer after {vanilla.started_s:.1f} s")
            results: dict[str, list[RoundResult]] = {"attune": [], "vanilla": []}
            pids = {"rasa": attune.rasa_pid, "actions": attune.actions_pid, **projector_pid(Path(tmp))}
            processes = {"attune": pids,
                         "vanilla": {"rasa": vanilla.rasa_pid, "actions": vanilla.actions_pid}}
            cpu: dict[str, collections.Counter] = {"attune": collections.Counter(), "vanilla": collections.Counter()}
            for round_number in range(1, args.rounds + 1):
                log(f"round {round_number}/{args.rounds}: vanilla, {args.users} users x {args.turns} turns ...")
                with cpu_used(processes["vanilla"], cpu["vanilla"]):
                    results["vanilla"].append(run_round(vanilla, args.users, args.turns, vanilla_script))
                log(f"round {round_number}/{args.rounds}: Attune ...")
                with cpu_used(processes["attune"], cpu["attune"]):
                    if args.profile:
                        with Profiler(args.profile / f"round{round_number}", pids):
                            results["attune"].append(run_round(attune, args.users, args.turns, attune_script))
                    else:
                        results["attune"].append(run_round(attune, args.users, args.turns, attune_script))
            memory = {"attune": attune.memory(), "vanilla": vanilla.memory()}
        finally:
            for served in (attune, vanilla):
                if served is not None:
                    served.stop()

    a, v = summary(results["attune"]), summary(results["vanilla"])
    print(f"\n{args.users} users x {args.turns} turns, {args.rounds} rounds per bot, alternating; "
          f"Attune's Rasa server with {args.rasa_workers} worker(s), the vanilla bot's with Rasa's default 1")
    rows = []
    for key, label, fmt in [("messages", "messages", "{:.0f}"), ("msgs_per_s", "messages/s", "{:.2f}"),
                            ("p50", "p50 latency (s)", "{:.2f}"), ("p95", "p95 latency (s)", "{:.2f}"),
                            ("p99", "p99 latency (s)", "{:.2f}"), ("errors", "errors", "{:.0f}"),
                            ("empty", "replies with no message", "{:.0f}"),
                            ("lost", "'actions events are lost'", "{:.0f}")]:
        rows.append((label, fmt.format(a[key]), fmt.format(v[key]),
                     ratio(a[key], v[key]) if key in ("msgs_per_s", "p50", "p95", "p99") else ""))
    for name in ("rasa", "actions", "projector"):
        a_ms, v_ms = (1000 * cpu[bot][name] / max(1, s["messages"]) for bot, s in (("attune", a), ("vanilla", v)))
        if name in processes["attune"] or name in processes["vanilla"]:
            rows.append((f"{name} CPU per message (ms)", f"{a_ms:.1f}", f"{v_ms:.1f}" if name != "projector" else "",
                         ratio(a_ms, v_ms) if name == "rasa" else ""))
    total = {bot: 1000 * sum(cpu[bot].values()) / max(1, s["messages"]) for bot, s in (("attune", a), ("vanilla", v))}
    rows.append(("all its processes' CPU per message (ms)", f"{total['attune']:.1f}", f"{total['vanilla']:.1f}",
                 ratio(total["attune"], total["vanilla"])))
    for name in ("rasa", "actions"):
        (ar, ap), (vr, vp) = memory["attune"][name], memory["vanilla"][name]
        rows.append((f"{name} server RSS / PSS (MiB)", f"{ar:.0f} / {ap:.0f}", f"{vr:.0f} / {vp:.0f}", ratio(ap, vp)))
    print(table(rows, ("", "Attune", "vanilla", "ratio")))
    for name, s in (("Attune", a), ("vanilla", v)):
        if s["error_kinds"]:
            print(f"{name} errors: {s['error_kinds']}")
    if args.profile:
        for folder in sorted(args.profile.glob("round*")):
            Profiler(folder, {}).report()
    return 1 if a["errors"] or a["lost"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
