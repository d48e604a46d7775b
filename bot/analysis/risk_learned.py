"""The rules and the learned layer together: the model can only turn the rules' "none" into "ask".

- The rules' flag stays a flag and their ask stays an ask (source "rules"); the model is not run.
- Where the rules found nothing about the speaker, the learned layer (bot/analysis/risk_model.py)
  reads the message with what the rules set aside as sure blanked out (curated idioms and readings,
  the speaker's own negation, words marked as fiction, news or a game, a question put to the
  listener): those words stay set aside, and the rest of the message is still read ("this job is
  killing me. I won't be around much longer anyway" is asked about).
- At or above THRESHOLD the result gains one `ask` finding with source "model": its evidence is the
  words that weighed most towards risk, with their weights, and it names the training sentences it
  is nearest to, so a therapist can see why it asked.
- Any failure of the model leaves the rules' result as it was (logged): a message is never lost to it.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from bot.analysis.evidence import Evidence
from bot.analysis.risk import RiskFinding, RiskResult
from bot.analysis.risk_model import RiskModel, load_model

log = logging.getLogger(__name__)

# The lowest probability that asks. Chosen in bench/eval_risk.py by 5-fold cross-validation on the
# development portions: the lowest threshold that keeps flags + asks on hard negatives at or under
# 5% and flags + asks on ordinary conversation (mentalizing answers, AnnoMI client turns) at or
# under 2%. docs/analysis.md has the figures.
THRESHOLD = 0.87
MARKER = "model/words"


def blank_out(text: str, spans: list[Evidence]) -> str:
    """The text with each span replaced by spaces of the same length (offsets hold)."""
    chars = list(text)
    for e in spans:
        chars[e.start:e.end] = " " * (e.end - e.start)
    return "".join(chars)


def with_learned_layer(result: RiskResult, doc: Doc, model: RiskModel | None = None,
                       threshold: float = THRESHOLD) -> RiskResult:
    """The rules' result, with the model's ask added where the rules found nothing about the speaker."""
    if result.outcome != "none":
        return result
    try:
        model = model or load_model()
        text = blank_out(doc.text, result.sure_set_aside)
        probability = model.probability(text)
        if probability < threshold:
            return result
        finding = model_finding(model, doc.text, text, probability)
    except Exception:  # the rules' answer must stand whatever happens to the model
        log.exception("The risk model failed on a message; the rules' result stands")
        return result
    return replace(result, findings=[finding, *result.findings])


def model_finding(model: RiskModel, original: str, text: str, probability: float) -> RiskFinding:
    """An ask finding that says which words weighed and which training sentences are nearest."""
    nearest = model.nearest(text)
    categories = Counter(r.category for r in nearest if r.category)
    category = categories.most_common(1)[0][0] if categories else "suicidal_ideation"
    evidence = [
        Evidence(c.start, c.end, original[c.start:c.end], MARKER,
                 f"Weighs towards risk language in the learned layer ({c.weight:+.2f}).")
        for c in sorted(model.contributions(text), key=lambda c: c.start)
    ]
    explanation = ("Not recognised by the rules, but close to risk language the learned layer was trained on "
                   f"(probability {probability:.2f}; nearest: \"{nearest[0].text}\")." if nearest else
                   f"Not recognised by the rules, but close to risk language (probability {probability:.2f}).")
    return RiskFinding(category, 1, evidence, explanation, "ask", [], source="model",
                       probability=round(probability, 3), nearest=[r.text for r in nearest])
