"""EPITOME (Sharma et al. 2020): the prompt rubric's empathy levels against human labels.

Each response to a support-seeking post is rated 0 none / 1 weak / 2 strong on explorations,
emotional reactions and interpretations. Licence: non-commercial academic use; this data only
measures the rules, it never trains anything Attune ships.

Keyword baselines, run on the same responses (plain, fair and deliberately simple):
- explorations: the response contains "?" -> 2 (the commoner questioning level), else 0;
- emotional reactions: "sorry", "hope", "hug", ":(" or "<3" -> 1 (the commoner reacting level), else 0;
- interpretations: "I" with "feel", "felt", "understand", "been there" or "same" -> 2, else 0.
The held-out 30% of seeker posts (by sp_id) was never looked at while tuning.
"""
from __future__ import annotations

import re

from bench.evaldata import read_rows, report_splits, shared_eval_file, split
from bench.metrics import print_comparison

MECHANISMS = (
    ("explorations", "exploration_level"),
    ("emotional_reactions", "emotional_reaction_level"),
    ("interpretations", "interpretation_level"),
)


def load() -> tuple[list[dict], list[dict]] | None:
    path = shared_eval_file("epitome/dev.csv")
    return split(read_rows(path), "epitome", "sp_id") if path else None


def baseline(mechanism: str, text: str) -> int:
    lowered = text.lower()
    if mechanism == "explorations":
        return 2 if "?" in lowered else 0
    if mechanism == "emotional_reactions":
        return 1 if re.search(r"sorry|hope|hug|:\(|<3", lowered) else 0
    has_i = re.search(r"\bi\b", lowered)
    return 2 if has_i and re.search(r"feel|felt|understand|been there|same", lowered) else 0


def attune_predictions(rows: list[dict]) -> list:
    from bot.analysis.prompt import analyze_prompt
    from bot.nlp import load_nlp

    nlp = load_nlp()
    docs = nlp.pipe(r["response_post"] for r in rows)
    return [analyze_prompt(doc, context=r["seeker_post"]) for doc, r in zip(docs, rows)]


def scores(rows: list[dict], results: list, title: str, printer=print_comparison) -> dict:
    out = {}
    for column, attribute in MECHANISMS:
        out[column] = printer(
            f"EPITOME {column.replace('_', ' ')} 0/1/2, {title}",
            [int(r[column]) for r in rows],
            {"attune": [getattr(p, attribute) for p in results],
             "keyword baseline": [baseline(column, r["response_post"]) for r in rows]},
        )
    return out


def run() -> None:
    data = load()
    if data is not None:
        report_splits("\n# EPITOME (responses to support-seeking posts; held-out = 30% of posts, never tuned on)", data, attune_predictions, scores)


if __name__ == "__main__":
    run()
