"""Where the shared labelled data lives, and the held-out split nobody tunes on.

The data in <repo>/../shared/eval is read in place, never copied into the repository. The split is
deterministic (a hash of a grouping key such as a transcript id), so every run and every machine
holds out the same 30%, and utterances of one transcript never straddle the split.
"""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"
HELD_OUT_SHARE = 0.3


def shared_eval_file(relative: str) -> Path | None:
    """The path of a shared data file, or None (with the reason printed) when it is absent."""
    path = SHARED_EVAL / relative
    if not path.is_file():
        print(f"skipped: {path} is absent (the shared labelled data is not on this machine)")
        return None
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def is_held_out(dataset: str, group_key: str) -> bool:
    """True for the 30% of groups kept aside: never look at them while tuning."""
    digest = hashlib.sha256(f"{dataset}:{group_key}".encode()).hexdigest()
    return int(digest, 16) % 1000 < HELD_OUT_SHARE * 1000


def split(rows: list[dict[str, str]], dataset: str, key: str) -> tuple[list[dict], list[dict]]:
    """(dev, held_out) rows, grouped by the column `key`."""
    dev = [r for r in rows if not is_held_out(dataset, r[key])]
    held = [r for r in rows if is_held_out(dataset, r[key])]
    return dev, held


def report_splits(heading: str, data: tuple[list[dict], list[dict]], predict, scores) -> None:
    """Print `scores` for the held-out split first (the figures to quote), then for dev."""
    dev, held_out = data
    print(heading)
    scores(held_out, predict(held_out), "HELD-OUT")
    scores(dev, predict(dev), "dev (tuned on)")
