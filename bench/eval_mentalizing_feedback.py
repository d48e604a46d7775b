"""Does the mentalizing exercise say the right kind of thing? Feedback decisions against labels.

For every utterance of Attune's labelled mentalizing set (tests/data/mentalizing.jsonl: marker
families, failure modes, RF band, written by the analysis engineer) answered at every step of the
exercise, the feedback decision the labels call for is compared with what the person would be told:

- "declined"          the answer refuses reflection (band negative);
- "challenge"         a failure of mentalizing (any labelled failure mode): a curious challenge;
- "affirm"            a rich answer (band ordinary or marked) that answers what the step asked;
- "invite:<family>"   otherwise, the first family in the step's invitation order that is missing;
- "reflect_only"      nothing missing to invite.

The same rule applied to the labels is applied to Attune's analysis through the real engine
(`feedback_for`), and to a keyword baseline's families and band (bench.eval_mentalizing; it finds no
failure modes). The "attune" row therefore measures the analysis and the engine's choices together.
"""
from __future__ import annotations

import random

from bench.eval_mentalizing import DATA, attune_predictions, baseline_band, baseline_families, load_set
from bench.metrics import print_comparison
from bot.exercises.mentalizing import feedback_for, scenario_by_id, steps_for
from bot.exercises.mentalizing.library import feedback_catalogue

RICH_BANDS = {"ordinary", "marked"}


def decision_from_labels(step: str, families: set[str], failure_modes: set[str], band: str) -> str:
    """The feedback the engine's policy calls for, given an utterance's labels."""
    plan = feedback_catalogue().steps[step]
    if band == "negative":
        return "declined"
    if failure_modes:
        return "challenge"
    if band in RICH_BANDS and (not plan.invite or plan.invite[0] in families):
        return "affirm"
    missing = [family for family in plan.invite if family not in families]
    return f"invite:{missing[0]}" if missing else "reflect_only"


def decision_from_feedback(feedback) -> str:
    if feedback.kind != "reflection":
        return "declined" if feedback.kind == "declined" else "ask_again"
    if feedback.challenged:
        return "challenge"
    if feedback.affirmed:
        return "affirm"
    return f"invite:{feedback.invited}" if feedback.invited else "reflect_only"


def run() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} is not in this checkout")
        return
    scenario = scenario_by_id("partner_unanswered_text")
    steps = steps_for("scenario")
    for split in ("test", "dev"):
        rows = load_set(split)
        analyses = attune_predictions(rows)
        gold, attune, baseline = [], [], []
        rng = random.Random(0)
        for row, analysis in zip(rows, analyses):
            for step in steps:
                gold.append(decision_from_labels(step, set(row["families"]), set(row["failure_modes"]), row["band"]))
                feedback = feedback_for(step, row["text"], analysis, set(), rng, scenario=scenario)
                attune.append(decision_from_feedback(feedback))
                baseline.append(decision_from_labels(step, baseline_families(row["text"]), set(), baseline_band(row["text"])))
        label = "held-out test split" if split == "test" else "dev split"
        print_comparison(
            f"Mentalizing feedback decision per answer and step, {label} ({len(rows)} answers x {len(steps)} steps)",
            gold, {"attune": attune, "keyword baseline": baseline},
        )
        other_nudges = sum(
            1 for g, a in zip(gold, attune) if g in ("affirm", "challenge") and a == "invite:other_mind"
        )
        rich = sum(1 for g in gold if g == "affirm")
        print(f"  rich or challenged answers nudged to consider the other person anyway: {other_nudges} "
              f"(of {rich} rich answers and {gold.count('challenge')} challenge cases)")


if __name__ == "__main__":
    run()
