"""The prompt rubric on prompts a trainee therapist would write (tests/data/trainee_prompts.jsonl).

AnnoMI and EPITOME measure the rubric on real therapists and peer supporters, who rarely make a
trainee's mistakes; this set holds them: interpretations linking the present to a past figure or
cause stated as fact ("You felt abandoned, just like when your father left"), the same said
tentatively, leading questions, accusatory "why", advice, several questions at once, beside plain
open and closed questions and simple and complex reflections. Each row has the client's previous
utterance (`context`), the trainee's `text`, its `behaviour`, `question_type` (questions),
`reflection_type` (reflections), the `flags` it should raise and a `class`.

Two portions, by "split":
- "blind": written before the rules were changed for it and never read while tuning them. Only
  aggregates are printed, beside the figures the rules had before they were changed (FIRST_RUN);
- "dev": tuned on; its misread rows are printed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from bench.eval_annomi import baseline_behaviour
from bench.metrics import score

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "trainee_prompts.jsonl"
FLAGS = ("aimed_at_mental_states", "not_knowing_stance", "validation", "advice", "leading_question",
         "interpretation_as_fact", "accusatory_why", "several_questions")

# One plain regular expression per flag: what a keyword spotter without a parse would do.
KEYWORDS = {
    "aimed_at_mental_states": r"\b(feel|felt|think|thought|want|wish|afraid|scared|angry|sad|mind)",
    "not_knowing_stance": r"\b(maybe|perhaps|i wonder|i'm curious|might)\b",
    "validation": r"makes sense|of course|understandable|anyone would",
    "advice": r"\b(should|try|have you tried|if i were you)\b",
    "leading_question": r"don't you|isn't it|wouldn't|surely|right\?",
    "interpretation_as_fact": r"because your|just like|that's why|projecting|the real reason",
    "accusatory_why": r"\bwhy (did|didn't|would|do) you",
    "several_questions": r"\?.*\?",
}

# The set under the rules as they were when its blind portion was written, before any change made
# for it (measured once, 2026-11-30). Later runs print their figures beside these.
FIRST_RUN: dict[str, float] = {
    'behaviour accuracy': 0.893,
    'behaviour macro-F1': 0.791,
    'open/closed accuracy (questions)': 1.0,
    'simple/complex accuracy (reflections)': 0.261,
    'flags macro-F1': 0.804,
    'flag sets exactly right': 0.554,
    'F1 aimed_at_mental_states': 0.793,
    'F1 not_knowing_stance': 1.0,
    'F1 validation': 1.0,
    'F1 advice': 0.833,
    'F1 leading_question': 0.909,
    'F1 interpretation_as_fact': 0.154,
    'F1 accusatory_why': 0.889,
    'F1 several_questions': 0.857,
    'interpretations as fact flagged': 0.083,
    'interpretations as fact rated simple reflection': 0.833,
    'interpretations as fact credited not-knowing': 0.0,
}


def load(split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def attune_predictions(rows: list[dict]) -> list:
    from bot.analysis.prompt import analyze_prompt
    from bot.nlp import load_nlp

    docs = load_nlp().pipe(r["text"] for r in rows)
    return [analyze_prompt(doc, context=r["context"] or None) for doc, r in zip(docs, rows)]


def keyword_flags(text: str) -> set[str]:
    return {name for name, rx in KEYWORDS.items() if re.search(rx, text.lower())}


def flag_f1(rows: list[dict], predicted: list[set[str]]) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for name in FLAGS:
        gold = [name in r["flags"] for r in rows]
        p, r, f, _ = score(gold, [name in p for p in predicted]).per_label.get("True", (0.0, 0.0, 0.0, 0))
        out[name] = (p, r, f, sum(gold))
    return out


def figures(rows: list[dict], results: list) -> dict[str, float]:
    """Aggregate figures for one portion."""
    flags = [r.flag_names() for r in results]
    per_flag = flag_f1(rows, flags)
    questions = [(r, p) for r, p in zip(rows, results) if r["behaviour"] == "question"]
    reflections = [(r, p) for r, p in zip(rows, results) if r["behaviour"] == "reflection"]
    out = {
        "behaviour accuracy": score([r["behaviour"] for r in rows], [p.behaviour for p in results]).accuracy,
        "behaviour macro-F1": score([r["behaviour"] for r in rows], [p.behaviour for p in results]).macro_f1,
        "open/closed accuracy (questions)": score([r["question_type"] for r, _ in questions],
                                                  [p.question_type or "closed" for _, p in questions]).accuracy,
        "simple/complex accuracy (reflections)": score([r["reflection_type"] for r, _ in reflections],
                                                       [p.reflection_type or "simple" for _, p in reflections]).accuracy,
        "flags macro-F1": sum(f for _, _, f, n in per_flag.values() if n) / sum(1 for *_, n in per_flag.values() if n),
        "flag sets exactly right": sum(set(r["flags"]) == f for r, f in zip(rows, flags)) / len(rows),
    }
    for name, (p, r, f, n) in per_flag.items():
        if n:
            out[f"F1 {name}"] = f
    # The misreading that matters most: an interpretation stated as fact rewarded as a plain
    # reflection or as a tentative, not-knowing prompt.
    past = [(r, p) for r, p in zip(rows, results) if r["class"] == "interpretation_past"]
    if past:
        out["interpretations as fact flagged"] = sum("interpretation_as_fact" in p.flag_names() for _, p in past) / len(past)
        out["interpretations as fact rated simple reflection"] = sum(
            p.behaviour == "reflection" and p.reflection_type == "simple" for _, p in past) / len(past)
        out["interpretations as fact credited not-knowing"] = sum(
            "not_knowing_stance" in p.flag_names() for _, p in past) / len(past)
    return out


def baseline_figures(rows: list[dict]) -> dict[str, float]:
    per_flag = flag_f1(rows, [keyword_flags(r["text"]) for r in rows])
    gold = [r["behaviour"] for r in rows]
    return {"behaviour macro-F1": score(gold, [baseline_behaviour(r["text"]) for r in rows]).macro_f1,
            "flags macro-F1": sum(f for _, _, f, n in per_flag.values() if n) / sum(1 for *_, n in per_flag.values() if n)}


def print_figures(title: str, now: dict[str, float], baseline: dict[str, float], first: dict[str, float]) -> None:
    print(f"\n## {title}")
    print(f"{'figure':<52}{'first run' if first else '':>10}{'now':>8}{'keywords':>10}")
    for name, value in now.items():
        before = first.get(name)
        base = baseline.get(name)
        print(f"{name:<52}{'' if before is None else f'{before:.3f}':>10}{value:>8.3f}"
              f"{'' if base is None else f'{base:.3f}':>10}")


def report(split: str) -> dict[str, float]:
    rows = load(split)
    if not rows:
        print(f"\n(no {split} rows)")
        return {}
    results = attune_predictions(rows)
    now = figures(rows, results)
    blind = split == "blind"
    title = (f"Trainee prompts, BLIND portion (n={len(rows)}; aggregates only)" if blind
             else f"Trainee prompts, dev portion (n={len(rows)}; tuned on)")
    print_figures(title, now, baseline_figures(rows), FIRST_RUN if blind else {})
    if not blind:
        for row, result in zip(rows, results):
            got = (result.behaviour, result.question_type or result.reflection_type, sorted(result.flag_names()))
            want = (row["behaviour"], row["question_type"] or row["reflection_type"], row["flags"])
            if got != want:
                print(f"  {row['id']} {row['text'][:70]!r}\n      want {want}\n      got  {got}")
    return now


def run() -> None:
    print("\n# Trainee prompts (Attune's own labelled set of the mistakes trainees make)")
    report("blind")
    report("dev")


if __name__ == "__main__":
    run()
