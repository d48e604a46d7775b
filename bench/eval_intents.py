"""Intent classification by cross-validation on data/nlu, with the folds fixed so configs compare.

`rasa test nlu --cross-validation` draws new folds on every run (scikit-learn's StratifiedKFold with
shuffling and no seed), so two configs measured one after the other differ by the folds as much as
by the classifier (a standard deviation of 0.02-0.05 between runs here). This runs Rasa's own
cross-validation with the folds' seed (and string hashing) fixed, for each config named, and prints one table:

    python -m bench.eval_intents                                   # config.yml
    ATTUNE_CV_CONFIGS=config.yml,/tmp/diet.yml python -m bench.eval_intents

Accuracy and F1 are Rasa's (weighted over intents, on the held-out fold; Rasa undoes the
FallbackClassifier's nlu_fallback before scoring). The share of held-out examples that would have
fallen to nlu_fallback is not in Rasa's report; each run's full report stays in var/eval/intents/.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.live import REPO

FOLDS = 3
SEED = 7
OUT = REPO / "var" / "eval" / "intents"
FIGURE = re.compile(r"test (Accuracy|F1-score|Precision): ([0-9.]+) \(([0-9.]+)\)")


def cross_validate(config: Path, out: Path) -> dict[str, str]:
    """Rasa's cross-validation of `config` with the fold seed fixed; figures as 'mean (sd)'."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "bench.eval_intents", "--one", str(config), str(out)],
        cwd=REPO, capture_output=True, text=True,
        # The folds also depend on the order Rasa reads the examples in, which follows string hashing.
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore", "PYTHONHASHSEED": "0"},
    )
    (out / "log.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    figures = {name: f"{mean} ({sd})" for name, mean, sd in FIGURE.findall(done.stdout + done.stderr)}
    if done.returncode != 0 or not figures:
        raise RuntimeError(f"cross-validation of {config} failed: see {out / 'log.txt'}")
    return {**figures, "seconds": f"{time.monotonic() - started:.0f}"}


def _one(config: str, out: str) -> None:
    """In a child process: Rasa's own command line, with the folds' shuffling seeded."""
    import sklearn.model_selection as model_selection

    unseeded = model_selection.StratifiedKFold

    def seeded(n_splits: int, shuffle: bool = False) -> object:
        return unseeded(n_splits=n_splits, shuffle=shuffle, random_state=SEED if shuffle else None)

    model_selection.StratifiedKFold = seeded  # type: ignore[misc,assignment]
    from rasa.__main__ import main

    sys.argv = ["rasa", "test", "nlu", "--nlu", "data/nlu", "--cross-validation", "--folds", str(FOLDS),
                "--config", config, "--out", out]
    main()


def run() -> None:
    configs = [Path(c) for c in os.environ.get("ATTUNE_CV_CONFIGS", "config.yml").split(",") if c]
    print(f"\n## intents: {FOLDS}-fold cross-validation on data/nlu, folds seeded ({SEED}), same folds for each config")
    print("| config | accuracy (sd) | F1 (sd) | precision (sd) | seconds |")
    print("| --- | --- | --- | --- | --- |")
    for n, config in enumerate(configs):
        figures = cross_validate(REPO / config, OUT / f"{n}-{config.stem}")
        print(f"| {config} | {figures['Accuracy']} | {figures['F1-score']} | {figures['Precision']} | {figures['seconds']} |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        _one(sys.argv[2], sys.argv[3])
    else:
        run()
