"""Build bot/analysis/lexicons/risk_model.jsonl, the sentences the risk detector's learned layer learns from.

Run from the repository root: `.venv/bin/python scripts/build_risk_model_data.py`. The output is
committed, so production never reads tests/ (bot/analysis/risk_model.py reads only the built file).
It also stores the semantic layer's vectors of those sentences (bot/analysis/lexicons/
risk_model_vectors.npz, see bot/analysis/risk_semantic.py) when they are missing or stale.

Sources, all written for this project (no shared or licensed data: ../shared/eval must not be copied
into the repository, so AnnoMI client turns stay a held-out measure in bench/eval_risk.py):
- the development portions of the risk sets (tests/data/risk.jsonl, risk_dev.jsonl, risk_dev2.jsonl,
  risk_dev3.jsonl to risk_dev8.jsonl, risk_dev10.jsonl, risk_dev11.jsonl, risk_dev15.jsonl,
  risk_dev19.jsonl, risk_dev23.jsonl, risk_dev27.jsonl, risk_dev31.jsonl, risk_dev35.jsonl, risk_dev39.jsonl, risk_dev40.jsonl, risk_dev44.jsonl, risk_dev47.jsonl, risk_dev51.jsonl, risk_dev55.jsonl, risk_dev59.jsonl, risk_dev63.jsonl, risk_dev67.jsonl, risk_dev71.jsonl, risk_dev73.jsonl, risk_dev75.jsonl, risk_dev77.jsonl, risk_dev81.jsonl, risk_dev85.jsonl, risk_dev89.jsonl and risk_dev93.jsonl, the thirty-one retired blind sets; risk_dev9.jsonl; and risk_dev12.jsonl to
  risk_dev14.jsonl, risk_dev16.jsonl to risk_dev18.jsonl, risk_dev20.jsonl to risk_dev22.jsonl and
  risk_dev24.jsonl to risk_dev26.jsonl, risk_dev28.jsonl to risk_dev30.jsonl, risk_dev32.jsonl to
  risk_dev34.jsonl, risk_dev36.jsonl to risk_dev38.jsonl, risk_dev41.jsonl to risk_dev43.jsonl and
  risk_dev45.jsonl to risk_dev46.jsonl, risk_dev48.jsonl to risk_dev50.jsonl, risk_dev52.jsonl to
  risk_dev54.jsonl, risk_dev56.jsonl to risk_dev58.jsonl, risk_dev60.jsonl to risk_dev62.jsonl,
  risk_dev64.jsonl to risk_dev66.jsonl, risk_dev68.jsonl to risk_dev70.jsonl, risk_dev72.jsonl, risk_dev74.jsonl, risk_dev76.jsonl, risk_dev78.jsonl to risk_dev80.jsonl, risk_dev82.jsonl to risk_dev84.jsonl, risk_dev86.jsonl to risk_dev88.jsonl, risk_dev90.jsonl to risk_dev92.jsonl,
  measured once as fresh before they joined): explicit and implicit risk rows are label 1, hard negatives label 0; past rows are left
  out (a past event is the rules' `past_only` reading, not an "ask"). The blind set,
  tests/data/risk_blind.jsonl, is never read.
- ordinary talk, label 0: the answers in tests/data/mentalizing.jsonl, the apologies in
  tests/data/repair.jsonl, the everyday sentences of bot/analysis/lexicons/risk_model_ordinary.yml
  (fillers, fragments, health habits, work and family, written for this layer: without them the
  model read any short first-person remark as risk), and the dialogue's own training examples
  (data/nlu/*.yml) of every intent but the risk intents and "I need help now": what people say to
  steer Attune ("let me be them", "skip", "pause") is this product's ordinary talk, and asking
  about it would stop the exercise it steers.

One JSON object a line, sorted by text, each text once (a risk label wins over a negative one):
    text      the sentence
    label     1 = risk language about the speaker (flag or ask wanted), 0 = not
    origin    tuned-old | dev | dev2 | dev3 | dev4 | dev5 | dev6 | dev7 | dev8 | dev9 | dev10 | dev11 | dev12 | dev13 | dev14 | dev15 | dev16 | dev17 | dev18 | dev19 | dev20 | dev21 | dev22 | dev23 | dev24 | dev25 | dev26 | dev27 | dev28 | dev29 | dev30 | dev31 | dev32 | dev33 | dev34 | dev35 | dev36 | dev37 | dev38 | dev39 | dev40 | dev41 | dev42 | dev43 | dev44 | dev45 | dev46 | dev47 | dev48 | dev49 | dev50 | dev51 | dev52 | dev53 | dev54 | dev55 | dev56 | dev57 | dev58 | dev59 | dev60 | dev61 | dev62 | dev63 | dev64 | dev65 | dev66 | dev67 | dev68 | dev69 | dev70 | dev71 | dev72 | dev73 | dev74 | dev75 | dev76 | dev77 | dev78 | dev79 | dev80 | dev81 | dev82 | dev83 | dev84 | dev85 | dev86 | dev87 | dev88 | dev89 | dev90 | dev91 | dev92 | dev93 | mentalizing | repair | ordinary | nlu
    kind      explicit | implicit | hard_negative | ordinary
    category  the risk category of a label-1 row (suicidal_ideation, self_harm, harm_to_others,
              abuse_or_danger), "" otherwise
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = ROOT / "bot" / "analysis" / "lexicons" / "risk_model.jsonl"
sys.path.insert(0, str(ROOT))
from bench.eval_risk import PORTIONS  # noqa: E402 - one list of the labelled portions, kept by the eval

# The development portions: every one the eval may tune on (the blind one is never read here).
RISK_PORTIONS = tuple((name, file_name) for name, file_name, tunable in PORTIONS if tunable)
ORDINARY = (("mentalizing", "mentalizing.jsonl"), ("repair", "repair.jsonl"))
WRITTEN_ORDINARY = ROOT / "bot" / "analysis" / "lexicons" / "risk_model_ordinary.yml"
THIRD_PARTY = "third_party_concern"
NLU_DIR = ROOT / "data" / "nlu"
NOT_ORDINARY_INTENTS = {"risk_disclosure", "risk_unclear", "risk_past", "worry_for_someone", "need_help_now"}
ENTITY_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _risk_row(origin: str, row: dict) -> dict | None:
    """The training row for a labelled risk-set row (old rows have `flagged` instead of `risk`)."""
    third_party = row.get("category") == THIRD_PARTY
    risk = bool(row.get("risk", row.get("flagged"))) and not third_party
    kind = "hard_negative" if third_party or not risk else row.get("kind", "explicit")
    if kind == "past" or row.get("want") == "past":
        return None
    return {"text": row["text"], "label": int(risk), "origin": origin, "kind": kind,
            "category": (row.get("category") or "") if risk else ""}


def _nlu_examples() -> list[str]:
    """The dialogue's training examples of every intent that is not about risk, markup removed."""
    texts = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle) or {}
        for block in document.get("nlu") or []:
            if not isinstance(block, dict) or "intent" not in block or block["intent"] in NOT_ORDINARY_INTENTS:
                continue
            for line in str(block.get("examples") or "").splitlines():
                text = ENTITY_MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", line.strip().removeprefix("- "))
                if text.strip():
                    texts.append(text.strip())
    return texts


def build() -> list[dict]:
    rows: dict[str, dict] = {}
    for origin, name in RISK_PORTIONS:
        for raw in _read(DATA / name):
            row = _risk_row(origin, raw)
            if row is not None and (row["text"] not in rows or row["label"] > rows[row["text"]]["label"]):
                rows[row["text"]] = row
    for origin, name in ORDINARY:
        for raw in _read(DATA / name):
            text = raw["text"]
            if text.strip() and text not in rows:
                rows[text] = {"text": text, "label": 0, "origin": origin, "kind": "ordinary", "category": ""}
    for text in _nlu_examples():
        if text not in rows:
            rows[text] = {"text": text, "label": 0, "origin": "nlu", "kind": "ordinary", "category": ""}
    with open(WRITTEN_ORDINARY, encoding="utf-8") as handle:
        written = yaml.safe_load(handle)["sentences"]
    for text in written:
        if text not in rows:
            rows[text] = {"text": text, "label": 0, "origin": "ordinary", "kind": "ordinary", "category": ""}
    return [rows[text] for text in sorted(rows)]


def main() -> int:
    rows = build()
    with open(OUT, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    positives = sum(r["label"] for r in rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows, {positives} risk, {len(rows) - positives} not")
    from bot.analysis import risk_model, risk_semantic

    training = risk_model.read_rows(OUT)
    if risk_semantic.stored_vectors(training) is None:
        risk_semantic.build_vectors(training, risk_semantic.SentenceEncoder())
        print(f"wrote {risk_semantic.VECTORS_FILE.relative_to(ROOT)}: the semantic layer's vectors of those rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
