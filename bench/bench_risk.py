"""The risk detector's time per message on a parsed doc, side by side with what it replaces.

The issue's target: the risk part under 1 ms a message on a parsed doc. Three kinds of text:
disclosures and hard negatives (the four newest labelled development sets in tests/data/, the
blind set left out), AnnoMI client turns (ordinary conversation, ../shared/eval/annomi/dev.csv)
and the mentalizing answers in tests/data/mentalizing.jsonl. Each is parsed once; then, on one CPU
core and in CPU time, in alternating rounds (best round reported):

- the rules alone (`assess_risk_rules`): mean, p95 and the slowest message;
- their pattern matching (rule patterns on every message, cue patterns where a rule matched, as
  the rules run them) against one spaCy Matcher holding the same patterns, run the same way on a
  sample of each kind: the ratio (how many times faster) is what anchoring each pattern on its
  rarest words saves (bot/analysis/anchored_patterns.py);
- the rules with the learned layer (`assess_risk`), and how many messages reached the semantic
  layer (its encoder costs about 15 ms a message, which no rule change can remove);
- the parse itself, per message in a batch, for scale.

    .venv/bin/python -m bench.run risk
"""
from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from bench.bench_analysis import one_core, percentile
from bench.evaldata import read_rows, shared_eval_file, split

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
ROUNDS = 3
NEWEST_SETS = 4
# One Matcher holding every pattern takes tens of ms a message: it is compared on this many of each kind.
MATCHER_SAMPLE = 150
TARGET_MS = 1.0


def risk_sentences() -> list[str]:
    number = lambda path: int(re.sub(r"\D", "", path.stem) or 1)  # noqa: E731 (risk_dev.jsonl is the first)
    newest = sorted(DATA_DIR.glob("risk_dev*.jsonl"), key=number)[-NEWEST_SETS:]
    return [json.loads(line)["text"] for path in newest for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def annomi_clients() -> list[str]:
    path = shared_eval_file("annomi/dev.csv")
    if not path:
        return []
    dev, _ = split(read_rows(path), "annomi", "transcript_id")
    return sorted({r["prev_client_text"] for r in dev if (r["prev_client_text"] or "").strip()})


def mentalizing_answers() -> list[str]:
    lines = (DATA_DIR / "mentalizing.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted({json.loads(line)["text"] for line in lines if line.strip()} - {""})


def each_ms(function: Callable[[Doc], object], docs: list) -> list[float]:
    """CPU milliseconds of each call."""
    out = []
    for doc in docs:
        start = time.process_time()
        function(doc)
        out.append(1000 * (time.process_time() - start))
    return out


def best(rounds: list[list[float]]) -> list[float]:
    return min(rounds, key=sum)


def run() -> None:
    from bot.analysis import risk
    from bot.analysis.anchored_patterns import word_places
    from bot.analysis.patterns import PatternSet, load_lexicon
    from bot.analysis.risk_learned import warm_up
    from bot.nlp import load_nlp

    nlp = load_nlp()
    sources = {"risk sentences (newest dev sets)": risk_sentences(), "AnnoMI client turns": annomi_clients(),
               "mentalizing answers": mentalizing_answers()}
    patterns = load_lexicon(risk.LEXICON)["token_patterns"]
    one_rules = PatternSet(nlp.vocab, {"token_patterns": {k: v for k, v in patterns.items() if not k.startswith("cue/")}})
    one_cues = PatternSet(nlp.vocab, {"token_patterns": {k: v for k, v in patterns.items() if k.startswith("cue/")}})
    rule_set, cue_set = risk._pattern_sets(nlp.vocab)

    def anchored(doc: Doc) -> None:
        places = word_places(doc)
        if rule_set.find(doc, places):
            cue_set.find(doc, places)

    def one_matcher(doc: Doc) -> None:
        if one_rules.find(doc):
            one_cues.find(doc)

    warm_up()
    print(f"CPU time on one core, parse excluded; best of {ROUNDS} alternating rounds. Target: rules under "
          f"{TARGET_MS:.0f} ms a message.\n")
    header = f"{'':<34}{'n':>6}{'parse':>8}{'rules':>8}{'p95':>7}{'max':>7}{'match':>8}{'1 Matcher':>10}{'ratio':>7}{'+learned':>9}{'semantic':>9}"
    print(header + "\n" + " " * 34 + f"{'':>6}{'ms':>8}{'ms':>8}{'ms':>7}{'ms':>7}{'ms':>8}{'ms':>10}{'':>7}{'ms':>9}{'read':>9}")
    with one_core():
        for name, texts in sources.items():
            if not texts:
                print(f"{name:<34} (absent)")
                continue
            start = time.process_time()
            docs = list(nlp.pipe(texts, batch_size=64))
            parse_ms = 1000 * (time.process_time() - start) / len(docs)
            risk.assess_risk_rules(docs[0])
            one_matcher(docs[0])
            sample = docs[::max(1, len(docs) // MATCHER_SAMPLE)][:MATCHER_SAMPLE]
            rounds: dict[str, list[list[float]]] = {"rules": [], "match": [], "one": [], "learned": []}
            for _ in range(ROUNDS):
                rounds["rules"].append(each_ms(risk.assess_risk_rules, docs))
                rounds["match"].append(each_ms(anchored, sample))
                rounds["one"].append(each_ms(one_matcher, sample))
                rounds["learned"].append(each_ms(risk.assess_risk, docs))
            rules, match, one, learned = (best(rounds[k]) for k in ("rules", "match", "one", "learned"))
            semantic = sum(map(_reaches_semantic, docs))
            mean = lambda values: sum(values) / len(values)  # noqa: E731
            print(f"{name:<34}{len(docs):>6}{parse_ms:>8.2f}{mean(rules):>8.3f}{percentile(rules, 0.95):>7.2f}"
                  f"{max(rules):>7.1f}{mean(match):>8.3f}{mean(one):>10.3f}{mean(one) / mean(match):>6.0f}x"
                  f"{mean(learned):>9.2f}{semantic / len(docs):>8.0%}"
                  + ("" if mean(rules) < TARGET_MS else "   rules over target"))
    print(f"\nmatch: the anchored rule and cue patterns as the rules run them; 1 Matcher: the same patterns in one "
          f"spaCy Matcher each (both on {MATCHER_SAMPLE} messages of each kind); ratio: how many times\nfaster the anchored matching is.")
    print("+learned: the rules and the learned layer (assess_risk); semantic read: the share of messages the "
          "word-level model passed to the encoder.")


def _reaches_semantic(doc: Doc) -> bool:
    """Whether the learned layer consults the semantic layer (the encoder) for this message."""
    from bot.analysis import risk, risk_learned

    result = risk.assess_risk_rules(doc)
    text = risk_learned.text_for_models(result, doc)
    if text is None or not risk_learned.semantic_enabled():
        return False
    probability = risk_learned.load_model().probability(text)
    return probability < risk_learned.THRESHOLD and risk_learned.semantic_reads(result, text, probability)
