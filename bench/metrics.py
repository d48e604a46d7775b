"""Classification metrics and the table printer shared by every evaluation in `make eval`."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.metrics import accuracy_score, cohen_kappa_score, precision_recall_fscore_support


@dataclass
class Scores:
    accuracy: float
    macro_f1: float
    kappa: float
    per_label: dict[str, tuple[float, float, float, int]]  # precision, recall, f1, support


def score(gold: Sequence, predicted: Sequence) -> Scores:
    labels = sorted({*map(str, gold), *map(str, predicted)})
    gold_s, pred_s = [str(g) for g in gold], [str(p) for p in predicted]
    precision, recall, f1, support = precision_recall_fscore_support(
        gold_s, pred_s, labels=labels, zero_division=0
    )
    gold_labels = set(gold_s)
    macro = [f for label, f in zip(labels, f1) if label in gold_labels]
    return Scores(
        accuracy=accuracy_score(gold_s, pred_s),
        macro_f1=sum(macro) / len(macro) if macro else 0.0,
        kappa=cohen_kappa_score(gold_s, pred_s) if len(set(gold_s) | set(pred_s)) > 1 else 0.0,
        per_label={l: (p, r, f, int(s)) for l, p, r, f, s in zip(labels, precision, recall, f1, support)},
    )


def print_comparison(title: str, gold: Sequence, systems: dict[str, Sequence]) -> dict[str, Scores]:
    """Print accuracy, macro-F1, kappa and per-label P/R/F1 for each system on the same gold labels."""
    results = {name: score(gold, predicted) for name, predicted in systems.items()}
    print(f"\n## {title}  (n={len(gold)})")
    print(f"{'system':<24}{'accuracy':>10}{'macro-F1':>10}{'kappa':>8}")
    for name, s in results.items():
        print(f"{name:<24}{s.accuracy:>10.3f}{s.macro_f1:>10.3f}{s.kappa:>8.3f}")
    for name, s in results.items():
        print(f"  {name}: per label (precision / recall / F1 / support)")
        for label, (p, r, f, n) in s.per_label.items():
            print(f"    {label:<22}{p:>7.3f}{r:>7.3f}{f:>7.3f}{n:>6}")
    return results
