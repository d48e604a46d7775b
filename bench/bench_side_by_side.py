"""Attune next to `rasa init`'s vanilla bot, in one run on the same machine, each from scratch.

- train time: `rasa train` with an empty Rasa cache and a new output folder (Attune through
  scripts/train.sh, as `make train` does; the vanilla bot as `rasa init` would, its own default config);
- CPU time beside each wall time: what the work costs even when other jobs share the machine;
- server start to first answer: both servers started together (scripts/serve.sh for Attune), until
  the REST channel answers "hi";
- memory once answering: RSS and PSS (pages shared by forked workers counted once) of the Rasa server
  and of the action server, each with its worker processes.

    .venv/bin/python -m bench.run side_by_side
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.live import (
    BASE_ENV,
    REPO,
    create_vanilla_project,
    log,
    ratio,
    start_attune,
    start_vanilla,
    table,
    timed_run,
    train,
)


def train_attune(out: Path, cache: Path, log_path: Path) -> tuple[float, float]:
    """As `make train` does (scripts/train.sh), into a new folder with an empty Rasa cache."""
    env = {**BASE_ENV, "ATTUNE_MODELS_DIR": str(out), "RASA_CACHE_DIRECTORY": str(cache)}
    return timed_run([str(REPO / "scripts" / "train.sh")], REPO, env, log_path)


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="attune-vs-vanilla-") as tmp:
        work = Path(tmp)
        project = create_vanilla_project(work / "vanilla")
        log("training the vanilla bot from scratch ...")
        vanilla_train = train(project, work / "vanilla-models", work / "vanilla-cache", work / "vanilla-train.log")
        log("training Attune from scratch ...")
        attune_train = train_attune(work / "attune-models", work / "attune-cache", work / "attune-train.log")

        log("starting the vanilla bot's servers ...")
        vanilla = start_vanilla(project, work / "vanilla-models")
        try:
            vanilla_memory = vanilla.memory()
        finally:
            vanilla.stop()
        log("starting Attune's servers ...")
        (work / "attune-data").mkdir()
        attune = start_attune(work / "attune-data", work / "attune-models")
        try:
            attune_memory = attune.memory()
        finally:
            attune.stop()

    rows = [("rasa train from scratch (s)", f"{attune_train[0]:.0f}", f"{vanilla_train[0]:.0f}",
             ratio(attune_train[0], vanilla_train[0])),
            ("  its CPU time (s)", f"{attune_train[1]:.0f}", f"{vanilla_train[1]:.0f}", ratio(attune_train[1], vanilla_train[1])),
            ("server start to first answer (s)", f"{attune.started_s:.1f}", f"{vanilla.started_s:.1f}",
             ratio(attune.started_s, vanilla.started_s)),
            ("  CPU time of both servers (s)", f"{attune.started_cpu:.0f}", f"{vanilla.started_cpu:.0f}",
             ratio(attune.started_cpu, vanilla.started_cpu))]
    for name in ("rasa", "actions"):
        (ar, ap), (vr, vp) = attune_memory[name], vanilla_memory[name]
        rows.append((f"{name} server RSS (MiB)", f"{ar:.0f}", f"{vr:.0f}", ratio(ar, vr)))
        rows.append((f"{name} server PSS (MiB)", f"{ap:.0f}", f"{vp:.0f}", ratio(ap, vp)))
    print(f"CPUs: {os.cpu_count()}; load average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    print(table(rows, ("", "Attune", "vanilla", "Attune / vanilla")))
