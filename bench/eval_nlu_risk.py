"""What the dialogue receives: the trained model's intent on the risk sets and on ordinary talk.

bench/eval_risk.py measures the risk detector alone. The dialogue's rules (data/rules/safety.yml)
act on the parsed INTENT, which comes from the whole NLU pipeline: the intent classifier, then the
fallback, then the detector. This parses every labelled sentence with the trained model, as the Rasa
server does, and counts what would interrupt practice:
- risk rows: the share parsed as a risk intent (risk_disclosure, risk_unclear or risk_past);
- hard negatives and ordinary conversation: the same share, which is a false alarm there;
- and, of those, how many the detector did not find (the intent classifier's own guesses), which the
  detector's own evaluation cannot see.
The blind portion is reported in aggregate only, as in bench/eval_risk.py.

    ATTUNE_MODELS_DIR=models python -m bench.eval_nlu_risk     # needs a trained model (make train)
"""
from __future__ import annotations

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any

from bench.eval_risk import DATA_DIR, PORTIONS, load_rows, ordinary_texts, rate
from bench.live import REPO

RISK_INTENTS = ("risk_disclosure", "risk_unclear", "risk_past")


def newest_model() -> Path | None:
    models = Path(os.environ.get("ATTUNE_MODELS_DIR") or REPO / "models")
    archives = sorted(models.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return archives[-1] if archives else None


async def parse_all(agent: Any, texts: list[str]) -> list[dict]:
    return [await agent.parse_message(text) for text in texts]


def interrupting(parsed: dict) -> tuple[bool, bool]:
    """(parsed as a risk intent, by the intent classifier alone: the detector found nothing)."""
    risky = parsed["intent"]["name"] in RISK_INTENTS
    detector = (parsed.get("attune_risk") or {}).get("outcome", "none")
    return risky, risky and detector in ("none", None)


def line(name: str, parsed: list[dict]) -> str:
    counts = Counter()
    for p in parsed:
        risky, classifier_only = interrupting(p)
        counts["risky"] += risky
        counts["classifier"] += classifier_only
    n = len(parsed)
    return f"| {name} | {n} | {rate(counts['risky'], n)} | {rate(counts['classifier'], n)} |"


def run() -> None:
    model = newest_model()
    print("\n## risk as the dialogue receives it (the trained model's NLU: classifier, fallback, detector)")
    if model is None:
        print("no trained model (make train): skipped")
        return
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    print(f"model {model.name}")
    print("| rows | n | parsed as a risk intent | of all rows, by the classifier alone |")
    print("| --- | --- | --- | --- |")
    for name, file, _tunable in PORTIONS:
        path = DATA_DIR / file
        if not path.is_file():
            print(f"| {name}: {file} absent | | | |")
            continue
        rows = load_rows(path)
        parsed = asyncio.run(parse_all(agent, [r["text"] for r in rows]))
        for kind in ("explicit", "implicit", "past", "hard_negative"):
            chosen = [p for r, p in zip(rows, parsed) if r["kind"] == kind]
            if chosen:
                print(line(f"{name} {kind}", chosen))
    for name, (texts, _in_training) in ordinary_texts().items():
        print(line(name, asyncio.run(parse_all(agent, texts))))


if __name__ == "__main__":
    run()
