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
- Below THRESHOLD but at or above GATE, the semantic layer (bot/analysis/risk_semantic.py) reads the
  same words for their meaning; at or above SEMANTIC_THRESHOLD it asks the same way, its evidence
  marked "model/meaning" and its explanation naming the risk sentences it means the same as. Below
  GATE the word-level model is sure enough there is nothing that the semantic layer is not run (it
  costs about 15 ms a message; most ordinary talk stays below GATE). `ATTUNE_RISK_SEMANTIC=0` turns
  it off, for a machine without the memory for the encoder.
- Any failure of either model leaves the rules' result as it was (logged): a message is never lost to it.
"""
from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from bot.analysis.evidence import Evidence
from bot.analysis.risk import NOT_VEILED_CUE, THIRD_PARTY, RiskFinding, RiskResult, told_as_past
from bot.analysis.risk_model import RiskModel, TrainingRow, load_model
from bot.analysis.risk_semantic import Judgement, SemanticIndex, SemanticUnavailable, load_index

log = logging.getLogger(__name__)

# The word-level model's probability that asks, and the semantic layer's. Chosen together in
# bench/eval_risk.py by 5-fold cross-validation on the development portions: of the pairs that keep
# asks on the ordinary conversation tuned on (mentalizing answers, AnnoMI's dev split) at or under 1%
# (half the 2% target: held out, it has run two to three times higher), the one that finds the most
# risk rows with the fewest asks (recall first: hard negatives, written to sound like disclosures,
# are reported against their 5% target but do not hold recall back).
# With the semantic layer off the word-level model asks alone, at its own cross-validated threshold.
# docs/analysis.md has the figures.
THRESHOLD = 0.99
SEMANTIC_THRESHOLD = 0.82
WORDS_ONLY_THRESHOLD = 0.95
# Both models leaning towards risk, each short of its own threshold: the word-level probability and
# the semantic one at or above a pair together. Off (None): by cross-validation every pair that finds
# more risk rows also asks about more ordinary talk than its budget allows (the best within the 2%
# target finds two points more, at about twice the asks); bench/eval_risk.py searches the pairs on
# every run and says when one would fit.
AGREEMENT_THRESHOLDS: tuple[float, float] | None = None
# Below this word-level probability the semantic layer is not consulted: it costs about 15 ms.
GATE = 0.5
MARKER = "model/words"
MEANING_MARKER = "model/meaning"


def semantic_enabled() -> bool:
    return os.environ.get("ATTUNE_RISK_SEMANTIC", "1").strip().lower() not in ("0", "false", "no", "off")


def warm_up() -> None:
    """Load both models and run each once (the encoder's graph is built on its first message), so
    the first person to say something veiled does not wait seconds; a failure is logged, not raised:
    the layer then loads on its first message, or the rules' result stands."""
    try:
        load_model()
        if semantic_enabled():
            load_index().judge("warming up the semantic layer")
    except Exception:
        log.exception("Could not warm up the risk detector's learned layer")


def set_aside_for_models(result: RiskResult) -> list[Evidence]:
    """What the models must not read: what the rules set aside as sure, and risk words the rules
    attributed to someone else ("my brother says he'll kill himself" is not the speaker's risk)."""
    others = [e for f in result.findings if f.category == THIRD_PARTY for e in f.evidence]
    return [*result.sure_set_aside, *others]


def _read_as_not_veiled(result: RiskResult) -> bool:
    """The rules read a wish as being about how things are ("I want everything to stop being so
    complicated"). Blanked, such words leave a sentence whose meaning is not the speaker's ("I need to
    so hard on myself"), so the semantic layer does not read it; the word-level model still does."""
    return any(e.marker == NOT_VEILED_CUE for e in result.sure_set_aside)


def blank_out(text: str, spans: list[Evidence]) -> str:
    """The text with each span replaced by spaces of the same length (offsets hold)."""
    chars = list(text)
    for e in spans:
        chars[e.start:e.end] = " " * (e.end - e.start)
    return "".join(chars)


# Content words a message must keep once the set-aside words are blanked for the models to read it:
# "I've been killing myself with overtime all month" leaves "I've been ... all month", scaffolding
# the word-level model knows from disclosures, not a statement.
MIN_CONTENT_LEFT = 3


def _little_left(doc: Doc, blanked: list[Evidence]) -> bool:
    left = [t for t in doc if t.is_alpha and not t.is_stop
            and not any(e.start <= t.idx < e.end for e in blanked)]
    return len(left) < MIN_CONTENT_LEFT


def text_for_models(result: RiskResult, doc: Doc) -> str | None:
    """What the models read of a message: its text with what the rules set aside blanked out; None
    when they read nothing of it (the rules found something, or too little is left once blanked)."""
    if result.outcome != "none":
        return None
    set_aside = set_aside_for_models(result)
    if set_aside and _little_left(doc, set_aside):
        return None
    return blank_out(doc.text, set_aside)


def semantic_reads(result: RiskResult, text: str, probability: float) -> bool:
    """Whether the semantic layer is consulted on the text the models read (past the gate, with
    words left, and not a wish the rules read as being about how things are)."""
    return probability >= GATE and bool(text.strip()) and not _read_as_not_veiled(result)


def with_learned_layer(result: RiskResult, doc: Doc, model: RiskModel | None = None,
                       threshold: float | None = None, index: SemanticIndex | None = None,
                       semantic_threshold: float = SEMANTIC_THRESHOLD,
                       agreement: tuple[float, float] | None = AGREEMENT_THRESHOLDS) -> RiskResult:
    """The rules' result, with the models' ask added where the rules found nothing about the speaker."""
    text = text_for_models(result, doc)
    if text is None:
        return result
    semantic = index is not None or semantic_enabled()
    if threshold is None:
        threshold = THRESHOLD if semantic else WORDS_ONLY_THRESHOLD
    try:
        model = model or load_model()
        probability = model.probability(text)
        if probability >= threshold:
            return _with(result, model_finding(model, doc.text, text, probability), doc)
    except Exception:  # the rules' answer must stand whatever happens to the model
        log.exception("The risk model failed on a message; the rules' result stands")
        return result
    if not semantic or not semantic_reads(result, text, probability):
        return result
    try:
        judgement = (index or load_index()).judge(text)
        if judgement.probability >= semantic_threshold:
            return _with(result, meaning_finding(model, doc.text, text, judgement), doc)
        if agreement is not None and probability >= agreement[0] and judgement.probability >= agreement[1]:
            return _with(result, meaning_finding(model, doc.text, text, judgement, probability), doc)
        return result
    except SemanticUnavailable as unavailable:
        log.debug("%s", unavailable)
    except Exception:
        log.exception("The risk semantic layer failed on a message; the word-level model answers alone")
    # Without the semantic layer the word-level model asks at its own, lower threshold: a broken
    # encoder must not leave fewer messages asked about than before the layer existed.
    if probability < WORDS_ONLY_THRESHOLD:
        return result
    try:
        return _with(result, model_finding(model, doc.text, text, probability), doc)
    except Exception:
        log.exception("The risk model failed on a message; the rules' result stands")
        return result


def _with(result: RiskResult, finding: RiskFinding, doc: Doc) -> RiskResult:
    """The models' finding added, marked "past" where the words that weighed most are told as past
    in a story dated by an age or a date: a past event then gets the past check (validation and one
    question about now), as it would had the rules found it."""
    if finding.evidence and told_as_past(doc, [(e.start, e.end) for e in finding.evidence]):
        finding = replace(finding, qualifiers=[*finding.qualifiers, "past"])
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


def meaning_finding(model: RiskModel, original: str, text: str, judgement: Judgement,
                    agreeing: float | None = None) -> RiskFinding:
    """An ask finding from the semantic layer: the risk sentences it means the same as, and the words
    the word-level model leaned on (where any leaned towards risk); `agreeing` is the word-level
    probability where the two models asked together, each short of its own threshold."""
    nearest: list[TrainingRow] = judgement.nearest
    categories = Counter(r.category for r in nearest if r.category)
    category = categories.most_common(1)[0][0] if categories else "suicidal_ideation"
    evidence = [
        Evidence(c.start, c.end, original[c.start:c.end], MEANING_MARKER,
                 "Words the word-level model leaned on; the semantic layer read the message as a whole.")
        for c in sorted(model.contributions(text), key=lambda c: c.start)
    ]
    together = "" if agreeing is None else f", with the word-level model leaning the same way at {agreeing:.2f}"
    explanation = ("Not recognised by the rules, but close in meaning to risk language the learned layer knows "
                   f"(probability {judgement.probability:.2f}{together}; nearest: \"{nearest[0].text}\").")
    return RiskFinding(category, 1, evidence, explanation, "ask", [], source="model",
                       probability=round(judgement.probability, 3), nearest=[r.text for r in nearest])
