"""AnnoMI therapist utterances: the prompt rubric against human MITI-style labels.

Three tasks, each beside a plain keyword baseline on the same utterances:
- open / closed, on utterances labelled as questions (baseline: the sentence holding "?" starts with
  a wh-word -> open, else closed; the README quotes 0.75 accuracy for such a rule);
- the four-way main behaviour (baseline: "?" -> question; "sounds like|you feel|you're" ->
  reflection; "should|try|recommend" -> therapist_input; else other);
- simple / complex, on utterances labelled as reflections (baseline: a feeling word -> complex).
The held-out transcripts (30%, by transcript_id) were never looked at while tuning; dev figures are
printed too, so the gap between them shows how much the rules were fitted to dev.
"""
from __future__ import annotations

import re

from bench.evaldata import read_rows, report_splits, shared_eval_file, split
from bench.metrics import print_comparison

WH_WORDS = ("what", "how", "why", "where", "when", "who", "which")
FEELING_WORDS = ("feel", "feeling", "felt", "worried", "scared", "afraid", "frustrat", "angry",
                 "sad", "upset", "happy", "anxious", "stress", "concern", "hope", "want")


def load() -> tuple[list[dict], list[dict]] | None:
    path = shared_eval_file("annomi/dev.csv")
    return split(read_rows(path), "annomi", "transcript_id") if path else None


def baseline_question_type(text: str) -> str:
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if "?" in s] or [text]
    words = re.findall(r"[a-z']+", sentences[-1].lower())
    return "open" if any(w in WH_WORDS for w in words[:3]) else "closed"


def baseline_behaviour(text: str) -> str:
    lowered = text.lower()
    if "?" in lowered:
        return "question"
    if re.search(r"sounds like|you feel|you're", lowered):
        return "reflection"
    if re.search(r"\b(should|try|recommend)", lowered):
        return "therapist_input"
    return "other"


def baseline_reflection_type(text: str) -> str:
    return "complex" if any(w in text.lower() for w in FEELING_WORDS) else "simple"


def attune_predictions(rows: list[dict]) -> list:
    """PromptResult for every row, parsed in one batch."""
    from bot.analysis.prompt import analyze_prompt
    from bot.nlp import load_nlp

    nlp = load_nlp()
    docs = nlp.pipe(r["therapist_text"] for r in rows)
    return [analyze_prompt(doc, context=r["prev_client_text"] or None) for doc, r in zip(docs, rows)]


def scores(rows: list[dict], results: list, title: str, printer=print_comparison) -> dict:
    """Print the three comparisons for one split; return their Scores keyed by task."""
    out = {}
    questions = [(r, p) for r, p in zip(rows, results) if r["main_behaviour"] == "question"
                 and r["question_subtype"] in ("open", "closed")]
    out["question_type"] = printer(
        f"AnnoMI open/closed questions, {title}",
        [r["question_subtype"] for r, _ in questions],
        {"attune": [p.question_type or "closed" for _, p in questions],
         "keyword baseline": [baseline_question_type(r["therapist_text"]) for r, _ in questions]},
    )
    out["behaviour"] = printer(
        f"AnnoMI main behaviour (4-way), {title}",
        [r["main_behaviour"] for r in rows],
        {"attune": [p.behaviour for p in results],
         "keyword baseline": [baseline_behaviour(r["therapist_text"]) for r in rows]},
    )
    reflections = [(r, p) for r, p in zip(rows, results) if r["main_behaviour"] == "reflection"
                   and r["reflection_subtype"] in ("simple", "complex")]
    out["reflection_type"] = printer(
        f"AnnoMI simple/complex reflections, {title}",
        [r["reflection_subtype"] for r, _ in reflections],
        {"attune": [p.reflection_type or "simple" for _, p in reflections],
         "keyword baseline": [baseline_reflection_type(r["therapist_text"]) for r, _ in reflections]},
    )
    return out


def run() -> None:
    data = load()
    if data is not None:
        report_splits("\n# AnnoMI (therapist utterances; held-out = 30% of transcripts, never tuned on)", data, attune_predictions, scores)


if __name__ == "__main__":
    run()
