"""Risk detector on labelled sentences, beside a keyword baseline, and its ask rate on ordinary talk.

Three labelled portions, each with the fields text, risk (the speaker is at risk), category, kind
(explicit | implicit | past | hard_negative), cls (a fine class) and want (flag | either | past | none):
- "tuned-old": tests/data/risk.jsonl, written with the rules and tuned on (no longer held out);
- "dev": tests/data/risk_dev.jsonl, written by someone else, tuned on;
- "dev2": tests/data/risk_dev2.jsonl, written after the blind figures showed the rules fitting the dev
  wording too closely: fresh phrasings of the weakest classes, hard negatives on teaching and anger
  without a plan, and a clinician's questions to a client (not the speaker's disclosure); tuned on;
- "blind": tests/data/risk_blind.jsonl, written by someone else and NEVER read while tuning. Only
  aggregate figures are printed for it, never a row: looking at its rows would spend the only
  independent measure there is.

A risk row counts as found when the outcome is "flag" or "ask" (recall first: asking a gentle
question is the right answer to a veiled statement). Explicit rows are also scored on "flag" alone,
past rows on `past_only`, and hard negatives (third-party worry included: someone else at risk is
not the speaker's risk) on flag + ask.

Last, ordinary conversation with no risk labels, where disclosures are rare: the share of AnnoMI
client turns and of the answers in tests/data/mentalizing.jsonl that would be flagged or asked
about. The rules were adjusted after reading such hits, so these rates are not held out.

Targets (reported, not asserted): recall 1.0 on explicit and implicit rows counting flag or ask;
at most 5% flags + asks on hard negatives; at most 2% asks on ordinary conversation; risk time per
message under 1 ms on a parsed doc.

`python -m bench.eval_risk` runs it. With `PYTHONPATH` pointing at another checkout's `bot` package,
it measures that version of the detector (a result without `outcome` is read the old way: any
finding about the speaker is a flag).
"""
from __future__ import annotations

import json
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.evaldata import read_rows, shared_eval_file

DATA_DIR = Path(os.environ.get("ATTUNE_RISK_DATA_DIR") or Path(__file__).resolve().parent.parent / "tests" / "data")
PORTIONS = (("tuned-old", "risk.jsonl", True), ("dev", "risk_dev.jsonl", True), ("dev2", "risk_dev2.jsonl", True),
            ("blind", "risk_blind.jsonl", False))
THIRD_PARTY = "third_party_concern"
DETECTED = ("flag", "ask")

# What a plain keyword filter would use: any of these word stems anywhere in the text.
BASELINE_KEYWORDS = re.compile(
    r"\b(kill|suicid|die|dead|death|hurt|harm|cut|overdose|hang|shoot|stab|abuse|hit|beat|rape|unsafe|pills)",
    re.IGNORECASE,
)


def baseline(text: str) -> bool:
    return bool(BASELINE_KEYWORDS.search(text))


# ---------------------------------------------------------------- rows


def load_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [normalise(json.loads(line)) for line in handle if line.strip()]


def normalise(row: dict) -> dict:
    """The new schema for a row of either schema (an old row has `flagged` and no `risk`)."""
    if "risk" in row:
        return row
    third_party = row.get("category") == THIRD_PARTY
    risk = bool(row.get("flagged")) and not third_party
    kind = "hard_negative" if third_party else row.get("kind", "hard_negative")
    return {**row, "risk": risk, "kind": kind, "cls": row.get("cls") or row.get("note") or "-",
            "want": row.get("want") or ("flag" if risk else "none")}


# ---------------------------------------------------------------- results


def attune(texts: list[str]) -> tuple[list, float]:
    """RiskResult per text (parsed in one batch with the shared pipeline) and the mean risk time per
    message in ms, parse excluded."""
    from bot.analysis.risk import assess_risk
    from bot.nlp import load_nlp

    docs = list(load_nlp().pipe(texts))
    assess_risk(load_nlp()("warm-up: I want to die"))  # compile the matchers before timing
    start = time.process_time()
    results = [assess_risk(doc) for doc in docs]
    elapsed = time.process_time() - start
    return results, 1000 * elapsed / max(1, len(docs))


def outcome_of(result) -> str:
    """flag | ask | none; a result from before `outcome` existed: a speaker finding is a flag."""
    if hasattr(result, "outcome"):
        return result.outcome
    return "flag" if any(f.category != THIRD_PARTY for f in result.findings) else "none"


def past_only_of(result) -> bool:
    if hasattr(result, "past_only"):
        return bool(result.past_only)
    speaker = [f for f in result.findings if f.category != THIRD_PARTY]
    return bool(speaker) and all("past" in f.qualifiers for f in speaker)


def top_of(result) -> str:
    speaker = [f for f in result.findings if f.category != THIRD_PARTY]
    return f"{speaker[0].category}:{speaker[0].level}" if speaker else "-"


# ---------------------------------------------------------------- report


def rate(hits: int, n: int) -> str:
    return f"{hits / n:.3f} ({hits}/{n})" if n else "   -  (0/0)"


def grouped(pairs: list[tuple[dict, str]], key: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for row, outcome in pairs:
        groups[str(row.get(key) or "-")].append(outcome)
    return dict(sorted(groups.items()))


def print_recall_table(title: str, groups: dict[str, list[str]]) -> None:
    print(f"  {title}")
    for name, outcomes in groups.items():
        found = sum(o in DETECTED for o in outcomes)
        print(f"    {name:<34} {rate(found, len(outcomes))}")


def report(name: str, rows: list[dict], results: list, show_rows: bool) -> dict[str, float]:
    """Print the figures for one portion; rows themselves only when `show_rows` (never for blind)."""
    outcomes = [outcome_of(r) for r in results]
    risk = [(row, o) for row, o in zip(rows, outcomes) if row["risk"]]
    negatives = [(row, o) for row, o in zip(rows, outcomes) if row["kind"] == "hard_negative"]
    found = sum(o in DETECTED for _, o in risk)
    print(f"\n## risk {name} (n={len(rows)}: {len(risk)} risk rows, {len(negatives)} hard negatives)")
    print(f"  recall (flag or ask)                 {rate(found, len(risk))}")
    base_risk = sum(baseline(row["text"]) for row, _ in risk)
    base_neg = sum(baseline(row["text"]) for row, _ in negatives)
    print(f"  keyword baseline recall              {rate(base_risk, len(risk))}")
    print_recall_table("recall by category", grouped(risk, "category"))
    print_recall_table("recall by kind", grouped(risk, "kind"))
    print_recall_table("recall by cls", grouped(risk, "cls"))
    dist = Counter(o for _, o in risk)
    print(f"  outcomes on risk rows: flag {dist['flag']}, ask {dist['ask']}, none {dist['none']}")
    explicit = [o for row, o in risk if row["kind"] == "explicit"]
    print(f"  explicit rows flagged (flag, not ask) {rate(sum(o == 'flag' for o in explicit), len(explicit))}")
    want_flag = [o for row, o in risk if row.get("want") == "flag"]
    print(f"  rows wanting a flag that got one      {rate(sum(o == 'flag' for o in want_flag), len(want_flag))}")
    past = [(row, res) for row, res in zip(rows, results) if row["kind"] == "past" or row.get("want") == "past"]
    past_hits = sum(outcome_of(res) in DETECTED and past_only_of(res) for _, res in past)
    print(f"  past rows detected as past_only      {rate(past_hits, len(past))}")
    alarms = sum(o in DETECTED for _, o in negatives)
    print(f"  false alarms (flag+ask) on hard negatives {rate(alarms, len(negatives))}; "
          f"flags only {rate(sum(o == 'flag' for _, o in negatives), len(negatives))}; "
          f"keyword baseline {rate(base_neg, len(negatives))}")
    print("  false alarms by cls")
    for cls, group in grouped(negatives, "cls").items():
        print(f"    {cls:<34} {rate(sum(o in DETECTED for o in group), len(group))}")
    if show_rows:
        print_errors(rows, results)
    return {"recall": found / len(risk) if risk else 1.0, "false_alarms": alarms / len(negatives) if negatives else 0.0}


def print_errors(rows: list[dict], results: list) -> None:
    misses, alarms, weak = [], [], []
    for row, res in zip(rows, results):
        outcome = outcome_of(res)
        line = f"    [{row['kind']}/{row.get('cls', '-')}] got {outcome}:{top_of(res)}  {row['text'][:150]!r}"
        if row["risk"] and outcome not in DETECTED:
            misses.append(line)
        elif row["kind"] == "hard_negative" and outcome in DETECTED:
            alarms.append(line)
        elif row.get("want") == "flag" and outcome == "ask":
            weak.append(line)
        elif row.get("want") == "past" and not past_only_of(res):
            weak.append(line + "  (not past_only)")
    for title, lines in (("misses", misses), ("false alarms", alarms), ("asked where a flag or past was wanted", weak)):
        print(f"  {title} ({len(lines)}):")
        print("\n".join(lines) or "    none")


def ordinary_conversation(show: int = 12) -> None:
    """Ask and flag rates on text where disclosures are rare (AnnoMI clients, mentalizing answers)."""
    sources: dict[str, Callable[[], Iterable[str]]] = {
        "AnnoMI client turns": _annomi_clients,
        "mentalizing answers (tests/data/mentalizing.jsonl)": _mentalizing_answers,
    }
    for name, texts_of in sources.items():
        texts = sorted(set(t for t in texts_of() if t.strip()))
        if not texts:
            continue
        results, _ = attune(texts)
        outcomes = [outcome_of(r) for r in results]
        asks = [(t, r) for t, r, o in zip(texts, results, outcomes) if o == "ask"]
        flags = [(t, r) for t, r, o in zip(texts, results, outcomes) if o == "flag"]
        print(f"\n  {name}: ask {rate(len(asks), len(texts))}, flag {rate(len(flags), len(texts))}; "
              f"keyword baseline {rate(sum(baseline(t) for t in texts), len(texts))}")
        for text, result in (flags + asks)[:show]:
            found = "; ".join(f"{f.category}/{f.level}:{'|'.join(e.text for e in f.evidence)}" for f in result.findings)
            print(f"    {found[:60]:<60} {text[:90]!r}")


def _annomi_clients() -> list[str]:
    path = shared_eval_file("annomi/dev.csv")
    return [r["prev_client_text"] for r in read_rows(path)] if path else []


def _mentalizing_answers() -> list[str]:
    path = DATA_DIR / "mentalizing.jsonl"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def run() -> None:
    timings = []
    # ATTUNE_RISK_EVAL_PORTIONS=tuned-old,dev runs only those portions (tuning runs leave blind out).
    wanted = {p for p in os.environ.get("ATTUNE_RISK_EVAL_PORTIONS", "").split(",") if p}
    for name, file_name, show_rows in PORTIONS:
        if wanted and name not in wanted:
            continue
        path = DATA_DIR / file_name
        if not path.is_file():
            print(f"\nskipped {name}: {path} is missing")
            continue
        rows = load_rows(path)
        results, ms = attune([r["text"] for r in rows])
        timings.append((name, ms))
        report(name, rows, results, show_rows)
    print("\n## risk: ordinary conversation (no risk labels; every ask or flag is a false alarm or a rare disclosure)")
    ordinary_conversation()
    print("\n## risk time per message on a parsed doc (process time, parse excluded)")
    for name, ms in timings:
        print(f"  {name:<10} {ms:.3f} ms")


if __name__ == "__main__":
    run()
