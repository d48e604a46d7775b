"""Risk detector on our own labelled sentences (tests/data/risk.jsonl), beside a keyword baseline.

The file is ours (no outside data set labels risk this way): explicit and implicit disclosures at each
C-SSRS level, self-harm, harm to others, abuse, worry for someone else, and hard negatives (idioms,
negations, hypotheticals, song lyrics, films, books, news, medical talk, games). Rows marked
"split": "test" were written with the rest but never used while tuning the lexicon; dev figures are
printed too, so the gap shows how much the rules were fitted to dev.

Tables: flagged yes/no, and the category of the highest-level finding ("none" when not flagged);
then recall on explicit statements and false alarms on hard negatives, the two figures the safety
layer is held to, and the rows the detector got wrong on the test split.

Last, a false-alarm proxy on text nobody on the team wrote (../shared/eval): how often the detector
flags AnnoMI utterances (motivational-interviewing sessions about health habits) and MIND-CA answers
(children explaining story characters' minds), where disclosures are rare. These have no risk labels,
so every flag is printed for a reader to judge; the rules were adjusted after reading such flags
(e.g. "want them to", "cutting back"), so these rates are not held out.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from bench.evaldata import read_rows, shared_eval_file
from bench.metrics import print_comparison

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "risk.jsonl"

# What a plain keyword filter would use: any of these word stems anywhere in the text.
BASELINE_KEYWORDS = re.compile(
    r"\b(kill|suicid|die|dead|death|hurt|harm|cut|overdose|hang|shoot|stab|abuse|hit|beat|rape|unsafe|pills)",
    re.IGNORECASE,
)
# The baseline's category: the first keyword's usual meaning.
BASELINE_CATEGORY = {
    "kill": "suicidal_ideation", "suicid": "suicidal_ideation", "die": "suicidal_ideation",
    "dead": "suicidal_ideation", "death": "suicidal_ideation", "overdose": "suicidal_ideation",
    "hang": "suicidal_ideation", "pills": "suicidal_ideation", "hurt": "self_harm", "harm": "self_harm",
    "cut": "self_harm", "shoot": "harm_to_others", "stab": "harm_to_others", "abuse": "abuse_or_danger",
    "hit": "abuse_or_danger", "beat": "abuse_or_danger", "rape": "abuse_or_danger", "unsafe": "abuse_or_danger",
}


def load_rows(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def baseline(text: str) -> tuple[bool, str]:
    match = BASELINE_KEYWORDS.search(text)
    return (True, BASELINE_CATEGORY[match.group(1).lower()]) if match else (False, "none")


def attune(texts: list[str]) -> list:
    """RiskResult per text, parsed in one batch with the shared pipeline."""
    from bot.analysis.risk import assess_risk
    from bot.nlp import load_nlp

    return [assess_risk(doc) for doc in load_nlp().pipe(texts)]


def top_category(result) -> str:
    return result.findings[0].category if result.findings else "none"


def report(rows: list[dict], results: list, name: str) -> dict[str, float]:
    gold_flag = [r["flagged"] for r in rows]
    gold_cat = [r["category"] or "none" for r in rows]
    base = [baseline(r["text"]) for r in rows]
    print_comparison(
        f"risk {name}: flagged yes/no", gold_flag,
        {"attune": [res.flagged for res in results], "keyword baseline": [b[0] for b in base]},
    )
    print_comparison(
        f"risk {name}: category of the highest-level finding", gold_cat,
        {"attune": [top_category(res) for res in results], "keyword baseline": [b[1] for b in base]},
    )
    explicit = [res.flagged for r, res in zip(rows, results) if r["kind"] == "explicit"]
    implicit = [res.flagged for r, res in zip(rows, results) if r["kind"] == "implicit"]
    negatives = [res.flagged for r, res in zip(rows, results) if r["kind"] == "hard_negative"]
    base_neg = [b[0] for r, b in zip(rows, base) if r["kind"] == "hard_negative"]
    si = [(r["severity"], res.finding("suicidal_ideation")) for r, res in zip(rows, results)
          if r["category"] == "suicidal_ideation"]
    figures = {
        "explicit_recall": sum(explicit) / len(explicit),
        "implicit_recall": sum(implicit) / len(implicit) if implicit else 1.0,
        "false_alarm_rate": sum(negatives) / len(negatives),
        "baseline_false_alarm_rate": sum(base_neg) / len(base_neg),
        "si_severity_exact": sum(1 for s, f in si if f and f.severity == s) / len(si) if si else 1.0,
    }
    print(f"\n  {name}: recall on explicit statements {figures['explicit_recall']:.3f} (n={len(explicit)}), "
          f"on implicit {figures['implicit_recall']:.3f} (n={len(implicit)}); false alarms on hard negatives "
          f"{figures['false_alarm_rate']:.3f} (n={len(negatives)}; keyword baseline "
          f"{figures['baseline_false_alarm_rate']:.3f}); suicidal ideation severity exact "
          f"{figures['si_severity_exact']:.3f} (n={len(si)})")
    return figures


def errors(rows: list[dict], results: list) -> list[str]:
    lines = []
    for r, res in zip(rows, results):
        got = f"{top_category(res)}:{res.findings[0].severity}" if res.findings else "none"
        want = f"{r['category']}:{r['severity']}" if r["flagged"] else "none"
        if got.split(":")[0] != want.split(":")[0]:
            lines.append(f"    [{r['kind']}] want {want:<24} got {got:<24} {r['text'][:90]}")
    return lines


def run() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} is missing")
        return
    rows = load_rows()
    results = attune([r["text"] for r in rows])
    for name in ("dev", "test"):
        part = [(r, res) for r, res in zip(rows, results) if r.get("split", "dev") == name]
        report([p[0] for p in part], [p[1] for p in part], name)
    test = [(r, res) for r, res in zip(rows, results) if r.get("split") == "test"]
    wrong = errors([p[0] for p in test], [p[1] for p in test])
    print(f"\n  test rows with the wrong category ({len(wrong)}):")
    print("\n".join(wrong) or "    none")
    print("\n## risk: flags on outside text where disclosures are rare (a false-alarm proxy)")
    outside_flag_rates()


def outside_flag_rates(show: int = 8) -> None:
    sources = {
        "AnnoMI client utterances": ("annomi/dev.csv", "prev_client_text"),
        "AnnoMI therapist utterances": ("annomi/dev.csv", "therapist_text"),
        "MIND-CA answers": ("mindca/dev.csv", "answer"),
    }
    for name, (relative, column) in sources.items():
        path = shared_eval_file(relative)
        if path is None:
            continue
        texts = sorted({r[column] for r in read_rows(path) if r[column].strip()})
        results = attune(texts)
        flagged = [(t, r) for t, r in zip(texts, results) if r.flagged]
        print(f"\n  {name}: {len(flagged)} of {len(texts)} flagged ({len(flagged) / len(texts):.3f}); "
              f"keyword baseline {sum(baseline(t)[0] for t in texts) / len(texts):.3f}")
        for text, result in flagged[:show]:
            found = "; ".join(f"{f.category}:{'|'.join(e.text for e in f.evidence)}" for f in result.findings)
            print(f"    {found:<40} {text[:80]!r}")


if __name__ == "__main__":
    run()
