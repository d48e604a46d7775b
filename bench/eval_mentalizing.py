"""The mentalizing analysis on Attune's own labelled set (tests/data/mentalizing.jsonl).

Each utterance is labelled with the marker families present, an RF band and failure modes. Figures
are printed per split: "test" was never looked at while writing the rules; "dev" was. Beside the
analysis runs a plain keyword baseline that looks at words only (no parse, no lexicon patterns):
a family fires when one of its cue words appears, and the band follows the number of mental-state
words. The labels were written by the same engineer who wrote the rules, so these figures check the
rules against their intended behaviour; MIND-CA (eval_mindca) is the independent check.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sklearn.metrics import precision_recall_fscore_support

from bench.metrics import print_comparison
from bot.analysis.mentalizing import FAILURE_MODES, FAMILIES, analyze_mentalizing
from bot.analysis.patterns import load_lexicon
from bot.nlp import load_nlp

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "mentalizing.jsonl"
BANDS = ("negative", "absent", "low", "ordinary", "marked")

# The keyword baseline's cue words per family: what a word-spotting rule would use.
BASELINE_CUES = {
    "opacity": r"\b(maybe|perhaps|might|probably|not sure|wonder)\b",
    "causal_link": r"\b(because|so|why)\b",
    "alternative": r"\bor\b",
    "change_over_time": r"\b(used to|now|then|anymore|growing up|child)\b",
    "certainty": r"\b(always|never|obviously|clearly|definitely|know)\b",
}
SELF_WORDS = r"\b(i|me|my|we)\b"
OTHER_WORDS = r"\b(he|she|they|him|her|them|his|their|mum|dad|mom|partner|friend|boss)\b"


def load_set(split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def mental_words() -> set[str]:
    """The lexicon's plain mental-state and emotion words (inflections left out on purpose)."""
    words = load_lexicon("mentalizing")["words"]
    keys = ("cognitive_verbs", "feeling_verbs", "wish_verbs", "emotion_words", "thought_nouns", "wish_nouns", "feeling_nouns")
    return {w for key in keys for w in words[key]}


def keyword_count(text: str) -> int:
    """How many words of the text are mental-state words (the baselines' one feature)."""
    vocabulary = mental_words()
    return sum(1 for w in re.findall(r"[a-z']+", text.lower()) if w in vocabulary)


def baseline_families(text: str) -> set[str]:
    lowered = text.lower()
    found = {family for family, cue in BASELINE_CUES.items() if re.search(cue, lowered)}
    if keyword_count(text):
        found.add("mental_state_term")
        if re.search(SELF_WORDS, lowered):
            found.add("self_mind")
        if re.search(OTHER_WORDS, lowered):
            found.add("other_mind")
    return found


def baseline_band(text: str) -> str:
    count = keyword_count(text)
    return "absent" if count == 0 else "low" if count == 1 else "ordinary" if count <= 3 else "marked"


def attune_predictions(rows: list[dict]) -> list:
    nlp = load_nlp()
    return [analyze_mentalizing(doc) for doc in nlp.pipe(r["text"] for r in rows)]


def family_f1(rows: list[dict], predicted: list[set[str]], names=FAMILIES, key="families") -> dict[str, tuple]:
    """Per family: (precision, recall, F1, support) of presence in each utterance."""
    table = {}
    for name in names:
        gold = [name in r[key] for r in rows]
        pred = [name in p for p in predicted]
        p, r, f, _ = precision_recall_fscore_support(gold, pred, average="binary", zero_division=0)
        table[name] = (p, r, f, sum(gold))
    return table


def print_family_table(title: str, rows: list[dict], systems: dict[str, list[set[str]]], names, key) -> None:
    print(f"\n## {title}  (n={len(rows)})")
    print(f"{'':<22}" + "".join(f"{s + ' P/R/F1':>30}" for s in systems) + f"{'support':>9}")
    tables = {s: family_f1(rows, preds, names, key) for s, preds in systems.items()}
    for name in names:
        cells = "".join(f"{'%.2f / %.2f / %.2f' % tables[s][name][:3]:>30}" for s in systems)
        print(f"{name:<22}{cells}{tables[next(iter(systems))][name][3]:>9}")
    for s, table in tables.items():
        scored = [v[2] for v in table.values() if v[3]]
        print(f"  {s}: mean F1 over families with support {sum(scored) / len(scored):.3f}")


def run() -> None:
    for split in ("test", "dev"):
        rows = load_set(split)
        results = attune_predictions(rows)
        label = "held-out test split (never tuned on)" if split == "test" else "dev split (tuned on)"
        print_family_table(
            f"Mentalizing marker families, {label}", rows,
            {"attune": [r.families() for r in results], "keyword baseline": [baseline_families(r["text"]) for r in rows]},
            FAMILIES, "families",
        )
        print_family_table(
            f"Failure modes, {label}", rows, {"attune": [r.modes() for r in results]}, FAILURE_MODES, "failure_modes",
        )
        print_comparison(
            f"RF band, {label}", [r["band"] for r in rows],
            {"attune": [r.rf_band for r in results], "keyword baseline": [baseline_band(r["text"]) for r in rows]},
        )
