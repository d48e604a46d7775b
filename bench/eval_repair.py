"""The repair rubric against Attune's own labelled repair attempts (tests/data/repair.jsonl).

The set was written for this project: repair attempts with partners, friends, parents, colleagues
and children, each labelled with the components and blockers it contains. Each label is scored as
present / absent per attempt (precision, recall, F1 of "present"), beside a plain keyword baseline
(one regular expression per label).

Three portions, told apart by each row's "split":
- "test": written with the first rules and never looked at while tuning them; read since;
- "dev": tuned on, its rows may be printed;
- "blind": attempts for the misreadings found later (blame after a concession, fawning and
  over-responsibility, the other blockers in new words, and clean attempts next to them), written
  before the rules were changed for them. Only aggregate figures are printed for it, never a row,
  beside the figures the rules had before they were changed (FIRST_RUN): reading its rows while
  tuning would spend the only independent measure of those fixes. Each blind row has a "class".
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.metrics import print_comparison, score

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "repair.jsonl"

# One plain regular expression per label: what a keyword spotter without a parse would do.
KEYWORDS = {
    "expression_of_regret": r"sorry|apolog|regret",
    "explanation": r"because|i was (stressed|tired|worried|scared)",
    "acknowledgement_of_responsibility": r"my fault|i was wrong|shouldn't have|on me",
    "declaration_of_repentance": r"again|next time|from now on",
    "offer_of_repair": r"make it up|what can i do|i'll",
    "request_for_forgiveness": r"forgive",
    "names_specific_moment": r"yesterday|last night|today|this morning|at the|on (mon|tues|wednes|thurs|fri|satur|sun)day",
    "curiosity_about_other": r"\byou\b.*\?",
    "reflects_other_feeling": r"you must|you felt|sounds like",
    "i_statement": r"\bi feel|\bi felt",
    "next_step": r"can we|let's",
    "non_apology": r"sorry you|sorry if",
    "sorry_but": r"sorry,? but",
    "blame": r"you always|you never|your fault",
    "contempt": r"idiot|stupid|pathetic",
    "defensiveness": r"i was only|not my fault",
    "minimising": r"just a joke|overreact",
    "stonewalling": r"whatever|i'm done",
    "self_abasement": r"i'm (a (terrible|horrible) person|the worst|useless)|i'll do anything|sorry,? i'm sorry",
}


@dataclass
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


def load(split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def attune_labels(rows: list[dict]) -> list[set[str]]:
    from bot.analysis.repair import analyze_repair
    from bot.nlp import load_nlp

    results = [analyze_repair(doc) for doc in load_nlp().pipe(r["text"] for r in rows)]
    return [r.component_names() | r.blocker_names() for r in results]


def keyword_labels(rows: list[dict]) -> list[set[str]]:
    return [{label for label, rx in KEYWORDS.items() if re.search(rx, r["text"].lower())} for r in rows]


def per_label(rows: list[dict], predicted: list[set[str]]) -> dict[str, LabelScore]:
    out = {}
    for label in KEYWORDS:
        gold = [label in (r["components"] + r["blockers"]) for r in rows]
        pred = [label in p for p in predicted]
        p, r, f, n = score(gold, pred).per_label.get("True", (0.0, 0.0, 0.0, 0))
        out[label] = LabelScore(label, p, r, f, sum(gold))
    return out


def key_summary(labels: set[str]) -> str:
    responsibility = "acknowledgement_of_responsibility" in labels
    offer = "offer_of_repair" in labels
    return {(True, True): "both", (True, False): "responsibility", (False, True): "offer"}.get(
        (responsibility, offer), "neither")


def report(rows: list[dict], title: str) -> dict[str, dict[str, LabelScore]]:
    systems = {"attune": attune_labels(rows), "keyword baseline": keyword_labels(rows)}
    tables = {name: per_label(rows, pred) for name, pred in systems.items()}
    print(f"\n## Repair components and blockers, {title}  (n={len(rows)} attempts)")
    print(f"{'label':<36}{'support':>8}" + "".join(f"{name + ' P/R/F1':>28}" for name in systems))
    for label in KEYWORDS:
        cells = "".join(
            f"{t[label].precision:>10.2f}{t[label].recall:>9.2f}{t[label].f1:>9.2f}" for t in tables.values())
        print(f"{label:<36}{tables['attune'][label].support:>8}{cells}")
    for name, table in tables.items():
        scored = [s.f1 for s in table.values() if s.support]
        print(f"  {name}: macro-F1 over labels present in gold = {sum(scored) / len(scored):.3f}")
    gold_labels = [set(r["components"] + r["blockers"]) for r in rows]
    print_comparison(f"Repair key components (responsibility / offer of repair), {title}",
                     [key_summary(g) for g in gold_labels],
                     {name: [key_summary(p) for p in pred] for name, pred in systems.items()})
    return tables


def macro_f1(table: dict[str, LabelScore]) -> float:
    scored = [s.f1 for s in table.values() if s.support]
    return sum(scored) / len(scored)


# The blind portion under the rules as they were when it was written, before any change made for
# it (measured once, 2026-11-30). Later runs print their figures beside these.
FIRST_RUN: dict[str, float] = {
    'macro_f1': 0.521,
    'exact': 0.204,
    'key_summary': 0.633,
    'exact[blame_after_concession]': 0.0,
    'blockers_right[blame_after_concession]': 0.167,
    'false_key_component[blame_after_concession]': 1.0,
    'exact[clean]': 0.727,
    'blockers_right[clean]': 1.0,
    'false_key_component[clean]': 0.0,
    'exact[other_blocker]': 0.143,
    'blockers_right[other_blocker]': 0.214,
    'false_key_component[other_blocker]': 0.0,
    'exact[self_abasement]': 0.0,
    'blockers_right[self_abasement]': 0.0,
    'false_key_component[self_abasement]': 0.417,
}


def blind_figures(rows: list[dict], predicted: list[set[str]]) -> dict[str, float]:
    """Aggregates only: macro-F1, exact matches per class, blockers found / invented, key summary."""
    gold = [set(r["components"] + r["blockers"]) for r in rows]
    out = {"macro_f1": macro_f1(per_label(rows, predicted)),
           "exact": sum(g == p for g, p in zip(gold, predicted)) / len(rows),
           "key_summary": sum(key_summary(g) == key_summary(p) for g, p in zip(gold, predicted)) / len(rows)}
    for cls in sorted({r["class"] for r in rows}):
        pairs = [(r, p) for r, p in zip(rows, predicted) if r["class"] == cls]
        out[f"exact[{cls}]"] = sum(set(r["components"] + r["blockers"]) == p for r, p in pairs) / len(pairs)
        wanted = [(set(r["blockers"]), p) for r, p in pairs]
        # A row counts when every blocker it should have is found; rows meant to have none count
        # when none is invented.
        out[f"blockers_right[{cls}]"] = sum(
            (b <= p) if b else not (p & BLOCKERS) for b, p in wanted) / len(pairs)
        # Ownership or an offer credited where the attempt does not earn it (blame undoes the
        # ownership; "I'll do anything" offers nothing concrete).
        out[f"false_key_component[{cls}]"] = sum(
            bool({"acknowledgement_of_responsibility", "offer_of_repair"} & (p - set(r["components"])))
            for r, p in pairs) / len(pairs)
    return out


BLOCKERS = {"non_apology", "sorry_but", "blame", "contempt", "defensiveness", "minimising", "stonewalling",
            "self_abasement"}


def report_blind(rows: list[dict]) -> dict[str, float]:
    figures = blind_figures(rows, attune_labels(rows))
    keywords = macro_f1(per_label(rows, keyword_labels(rows)))
    counts = {cls: sum(r["class"] == cls for r in rows) for cls in sorted({r["class"] for r in rows})}
    print(f"\n## Repair, BLIND portion  (n={len(rows)}: " + ", ".join(f"{c} {n}" for c, n in counts.items())
          + "; aggregates only)")
    print(f"{'figure':<52}{'first run':>10}{'now':>8}")
    for name, value in figures.items():
        first = FIRST_RUN.get(name)
        print(f"{name:<52}{'' if first is None else f'{first:.3f}':>10}{value:>8.3f}")
    print(f"  keyword baseline macro-F1 {keywords:.3f}")
    return figures


def run() -> None:
    print("\n# Repair attempts (Attune's own labelled set)")
    report_blind(load("blind"))
    report(load("test"), "TEST split (never tuned on, read since)")
    report(load("dev"), "dev split (tuned on)")


if __name__ == "__main__":
    run()
