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

A second table names the move a reply leads with, as the MBT stance orders them (docs/constructs.md):
- "repair"     the answer steps out of the exercise (labelled disengagement, or band negative);
- "validate"   a troubled feeling of the person's own is named (labelled validation_needed);
- "challenge"  a failure of mentalizing;
- "affirm"     a rich answer that answers the step;
- "invite"     otherwise, when something the step asks about is missing; "other" when nothing is.
Only answers labelled with `signals` count here (the others carry no validation or disengagement
label). Each labelled answer is taken as the first answer of a session (a flat one-off "idk" is asked for a
little more; only the second flat answer in a row is treated as a rupture, so some labelled
disengagements read "other" here by design). Praise per session: the split's answers in order,
five to a session (one per step of a scenario), counting replies that name a skill.
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
        return "declined" if feedback.kind in ("declined", "repair") else "ask_again"
    if feedback.challenged:
        return "challenge"
    if feedback.affirmed:
        return "affirm"
    return f"invite:{feedback.invited}" if feedback.invited else "reflect_only"


def kind_from_labels(step: str, row: dict) -> str:
    """The move the labels call for (see the module docstring)."""
    signals = set(row.get("signals") or [])
    if "disengagement" in signals or row["band"] == "negative":
        return "repair"
    if "validation_needed" in signals:
        return "validate"
    decision = decision_from_labels(step, set(row["families"]), set(row["failure_modes"]), row["band"])
    return decision.split(":")[0] if decision in ("challenge", "affirm") or decision.startswith("invite") else "other"


def kind_from_feedback(feedback) -> str:
    """The move the engine's reply leads with (engines before `reply_kind` read through its fields)."""
    if hasattr(feedback, "reply_kind"):
        return feedback.reply_kind
    if feedback.kind == "declined":
        return "repair"
    if feedback.kind != "reflection":
        return "other"
    return "challenge" if feedback.challenged else "affirm" if feedback.affirmed else "invite" if feedback.invited else "other"


def praised(feedback) -> bool:
    if hasattr(feedback, "praised"):
        return bool(feedback.praised)
    return feedback.kind == "reflection" and bool(feedback.reflected or feedback.affirmed)


def praise_per_session(rows: list[dict], analyses: list, scenario, steps) -> list[int]:
    """Praise counts for sessions of len(steps) answers each, the engine's pacing carried between them."""
    from bot.exercises.mentalizing.state import ExerciseState

    counts = []
    for start in range(0, len(rows) - len(steps) + 1, len(steps)):
        state, rng, count = ExerciseState(scenario_id=scenario.id), random.Random(start), 0
        for row, analysis, step in zip(rows[start:], analyses[start:], steps):
            pace = {"pace": state.pace()} if hasattr(state, "pace") else {}
            feedback = feedback_for(step, row["text"], analysis, state.seen, rng, scenario=scenario, **pace)
            if hasattr(state, "note_reply"):
                state.note_reply(feedback)
            count += praised(feedback)
        counts.append(count)
    return counts


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
        gold_kinds, kinds = [], []
        rng = random.Random(0)
        labelled = [(row, a) for row, a in zip(rows, analyses) if "signals" in row]
        for row, analysis in labelled:
            for step in steps:
                gold_kinds.append(kind_from_labels(step, row))
                kinds.append(kind_from_feedback(feedback_for(step, row["text"], analysis, set(), rng, scenario=scenario)))
        if not labelled:
            print(f"\n## Kind of reply chosen, {label}: no answers labelled with signals in this split")
        else:
            print_comparison(f"Kind of reply chosen per answer and step, {label}, answers labelled with signals "
                             f"({len(labelled)} answers x {len(steps)} steps)", gold_kinds, {"attune": kinds})
        print("  accuracy per kind (gold kind: right / all)")
        for kind in ("validate", "affirm", "invite", "challenge", "repair", "other"):
            pairs = [(g, k) for g, k in zip(gold_kinds, kinds) if g == kind]
            if pairs:
                right = sum(g == k for g, k in pairs)
                print(f"    {kind:<10}{right:>6} / {len(pairs):<6}{right / len(pairs):>7.3f}")
        counts = praise_per_session(rows, analyses, scenario, steps)
        if counts:
            print(f"  praise per session of {len(steps)} answers ({len(counts)} sessions): "
                  f"mean {sum(counts) / len(counts):.2f}, max {max(counts)}, "
                  f"sessions praised on every answer {sum(c == len(steps) for c in counts)}")


if __name__ == "__main__":
    run()
