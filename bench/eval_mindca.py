"""MIND-CA: children's answers to mindreading questions, scored 0/1/2 by trained coders.

The closest public proxy for scoring mentalizing in free text (Kovatchev et al., COLING 2020;
CC BY 4.0). The answers are read in place from ../shared/eval/mindca/dev.csv and split by child
(a hash of child_id, 30% held out, see bench/evaldata.py): the mapping below was chosen by looking
at the tuning children only; the held-out children's figures are the ones to report.

Mapping of the mentalizing analysis to the 0/1/2 score ("attune"):
  0  no mental-state word at all (or text the analysis does not support);
  2  the answer names a thought, belief or piece of knowledge (state_kinds["thought"] > 0): MIND-CA
     credits answers that explain behaviour by what someone thinks or knows, which is also RF's
     "effort to tease out the mental states behind behaviour";
  1  only feelings or wishes are named.
A second row maps the RF-style estimate alone (1-2 -> 0, 3-4 -> 1, 5+ -> 2) to show what the
estimate carries by itself. Keyword baseline: the number of mental-state words, capped at 2.
Spearman's rho is between each system's numeric output and the coders' score.
"""
from __future__ import annotations

from scipy.stats import spearmanr

from bench.eval_mentalizing import keyword_count
from bench.evaldata import read_rows, shared_eval_file, split
from bench.metrics import print_comparison
from bot.analysis.mentalizing import MentalizingResult, analyze_mentalizing
from bot.nlp import load_nlp


def load() -> tuple[list[dict], list[dict]] | None:
    path = shared_eval_file("mindca/dev.csv")
    return split(read_rows(path), "mindca", "child_id") if path else None


def score_from_analysis(result: MentalizingResult) -> int:
    if not result.language_supported or "mental_state_term" not in result.families():
        return 0
    return 2 if result.state_kinds["thought"] > 0 else 1


def score_from_estimate(result: MentalizingResult) -> int:
    return 0 if result.rf_estimate <= 2 else 1 if result.rf_estimate <= 4 else 2


def baseline_score(text: str) -> int:
    return min(keyword_count(text), 2)


def report(title: str, rows: list[dict]) -> None:
    nlp = load_nlp()
    results = [analyze_mentalizing(doc) for doc in nlp.pipe(r["answer"] for r in rows)]
    gold = [int(r["score"]) for r in rows]
    systems = {
        "attune (markers)": [score_from_analysis(r) for r in results],
        "attune (RF estimate)": [score_from_estimate(r) for r in results],
        "keyword baseline": [baseline_score(r["answer"]) for r in rows],
    }
    print_comparison(title, gold, systems)
    print("  Spearman's rho with the coders' score:")
    numeric = {**systems, "attune (raw RF estimate)": [r.rf_estimate for r in results],
               "keyword count (raw)": [keyword_count(r["answer"]) for r in rows]}
    for name, values in numeric.items():
        rho, p = spearmanr(values, gold)
        print(f"    {name:<28}{rho:>7.3f}   (p={p:.1e})")


def run() -> None:
    data = load()
    if data is None:
        return
    dev, held_out = data
    print(f"MIND-CA answers: {len(dev)} from tuning children, {len(held_out)} from held-out children")
    report("MIND-CA score 0/1/2, held-out children (never tuned on)", held_out)
    report("MIND-CA score 0/1/2, tuning children", dev)


if __name__ == "__main__":
    run()
