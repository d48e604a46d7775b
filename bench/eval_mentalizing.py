"""The mentalizing analysis on Attune's own labelled set (tests/data/mentalizing.jsonl).

Each utterance is labelled with the marker families present, an RF band and failure modes; the
newer rows also with `signals` (disengagement, disavowal, self_criticism, validation_needed) and the
speaker's own `feeling_words`. Figures are printed per split:
- "blind": written before the rules for those misreadings were changed, measured once on the rules
  as they were (FIRST_RUN_BLIND below) and never read row by row since: only aggregates are printed,
  and nothing is tuned on it;
- "test": never looked at while writing the first rules (tuned against indirectly since, through
  its floors in the unit tests);
- "dev": tuned on.
Beside the analysis runs a plain keyword baseline that looks at words only (no parse, no lexicon
patterns): a family fires when one of its cue words appears, and the band follows the number of
mental-state words. The labels were written by the engineers who wrote the rules, so these figures
check the rules against their intended behaviour; MIND-CA (eval_mindca) is the independent check.
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
SIGNALS = ("disengagement", "disavowal", "self_criticism", "validation_needed")
SPLITS = {
    "blind": "blind portion (aggregates only; never tuned on)",
    "test": "held-out test split",
    "dev": "dev split (tuned on)",
}
# The blind portion measured once, on the analysis as it was before the rules for its classes were
# changed (2026-11-30): the figure every later run is compared with. Five rows were relabelled from
# their text alone when the convention that set-aside hedges are no marker was written down (a hedge
# taken back at once, or around hostile readings only); the old analysis was rerun on the relabelled
# rows for this figure (on the first labels its family mean F1 was 0.814; nothing else changed).
FIRST_RUN_BLIND = {
    "band accuracy": 0.647,
    "band macro-F1": 0.609,
    "family mean F1": 0.718,
    "failure-mode mean F1": 0.273,
    "signal mean F1": 0.0,  # the fields did not exist yet
    "feeling words F1": 0.0,
}

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
        print(f"  {s}: mean F1 over families with support {mean_f1(table):.3f}")


def predicted_signals(result) -> set[str]:
    """The signals a result reports (an analysis older than these fields reports none)."""
    found = set()
    if getattr(result, "disengagement", None) is not None:
        found.add("disengagement")
    for name, attribute in (("disavowal", "disavowals"), ("self_criticism", "self_criticism"),
                            ("validation_needed", "validation_needed")):
        if getattr(result, attribute, None):
            found.add(name)
    return found


def predicted_feeling_words(result) -> set[str]:
    return {w.strip(".,!?").lower() for e in getattr(result, "feeling_words", None) or [] for w in e.text.split()}


def feeling_word_scores(rows: list[dict], results: list) -> tuple[float, float, float, int]:
    """Micro precision, recall and F1 of the speaker's own feeling words, over rows labelled with them."""
    true_pos = false_pos = false_neg = 0
    for row, result in zip(rows, results):
        gold = {w.lower() for w in row["feeling_words"]}
        predicted = predicted_feeling_words(result)
        true_pos += len(gold & predicted)
        false_pos += len(predicted - gold)
        false_neg += len(gold - predicted)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, true_pos + false_neg


def mean_f1(table: dict) -> float:
    scored = [v[2] for v in table.values() if v[3]]
    return sum(scored) / len(scored) if scored else 0.0


def summary(rows: list[dict], results: list) -> dict[str, float | None]:
    """The headline figures of one portion (the ones FIRST_RUN_BLIND holds)."""
    from bench.metrics import score

    bands = score([r["band"] for r in rows], [r.rf_band for r in results])
    with_signals = [(row, res) for row, res in zip(rows, results) if "signals" in row]
    with_feelings = [(row, res) for row, res in zip(rows, results) if "feeling_words" in row]
    return {
        "band accuracy": bands.accuracy,
        "band macro-F1": bands.macro_f1,
        "family mean F1": mean_f1(family_f1(rows, [r.families() for r in results])),
        "failure-mode mean F1": mean_f1(family_f1(rows, [r.modes() for r in results], FAILURE_MODES, "failure_modes")),
        "signal mean F1": mean_f1(family_f1([p[0] for p in with_signals], [predicted_signals(p[1]) for p in with_signals],
                                            SIGNALS, "signals")) if with_signals else None,
        "feeling words F1": feeling_word_scores(*zip(*with_feelings))[2] if with_feelings else None,
    }


def run() -> None:
    for split, label in SPLITS.items():
        rows = load_set(split)
        if not rows:
            continue
        results = attune_predictions(rows)
        if split == "blind":
            print(f"\n## Headline figures, {label}  (n={len(rows)})")
            print(f"{'':<24}{'first run':>12}{'now':>10}")
            for name, now in summary(rows, results).items():
                first = FIRST_RUN_BLIND.get(name)
                cells = [f"{v:.3f}" if isinstance(v, float) else "-" for v in (first, now)]
                print(f"{name:<24}{cells[0]:>12}{cells[1]:>10}")
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
        labelled = [(row, res) for row, res in zip(rows, results) if "signals" in row]
        if labelled:
            print_family_table(
                f"Signals for the feedback, {label}", [p[0] for p in labelled],
                {"attune": [predicted_signals(p[1]) for p in labelled]}, SIGNALS, "signals",
            )
            p, r, f, n = feeling_word_scores([p[0] for p in labelled], [p[1] for p in labelled])
            print(f"  the speaker's own feeling words: P/R/F1 {p:.2f} / {r:.2f} / {f:.2f} (support {n})")


if __name__ == "__main__":
    run()
