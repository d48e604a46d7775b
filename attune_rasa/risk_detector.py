"""Rasa NLU component: the risk detector runs on every user message and overrides the intent.

Placed LAST in config.yml's pipeline (after FallbackClassifier), so a disclosure never depends on
what the trained intent classifier thought. The detector's outcome sets the intent (confidence 1.0,
first in `intent_ranking`), and the dialogue's rules take it from there (data/rules/safety.yml):
    flag, current      -> risk_disclosure  (the safety check)
    flag or ask, past  -> risk_past        (validation, one question about safety now)
    ask                -> risk_unclear     (one direct question before anything else)
    none, but worried for someone else at risk -> worry_for_someone (the worry met, lines for it)
It adds one `risk_category` entity per finding, and on every message the full risk result under the
parse_data key `attune_risk`.

The detector owns those four intents. When it finds nothing but the intent classifier guessed one
of them, the guess becomes `nlu_fallback` (a form takes the message as an answer; outside a form
the fallback asks the person to say it another way). The classifier learns them from a few dozen
examples and is not calibrated for risk: on the labelled development sets its own risk guesses
added one finding in 869 disclosures and were wrong on 8-12% of the hard negatives, a false alarm
no risk evaluation saw (`python -m bench.eval_nlu_risk` measures what the dialogue receives).
The detector's "ask" layer is the calibrated way to be unsure. A detector failure keeps the guess.

On the same parse it runs the other parts that read a message alone (bot/analysis `NLU_PARTS`:
mentalizing, repair) and puts them, compact, under `attune_analysis` for the action server, which
then need not parse the message again (bot/analysis/handover.py). `ATTUNE_NLU_ANALYSIS=0` turns that
off (risk only, as the detector did before): the actions then analyse answers themselves.
The processor builds parse_data from `Message.as_dict(only_output_properties=True)`, which is why
each value is set with `add_to_output=True`.

The domain must list the four intents and the entity `risk_category` (otherwise Rasa
warns that the parsed intent/entity is not in the domain).
"""
from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.analysis import NLU_PARTS, AnalysisResult, analyze
from bot.analysis.handover import ANALYSIS_KEY, RISK_KEY, handed_over, to_parse_data
from bot.analysis.risk import RiskResult, assess_risk_text
from bot.analysis.risk_learned import warm_up
from bot.nlp import load_nlp

log = logging.getLogger(__name__)

RISK_INTENT = "risk_disclosure"
UNCLEAR_INTENT = "risk_unclear"
PAST_INTENT = "risk_past"
WORRY_INTENT = "worry_for_someone"
RISK_ENTITY = "risk_category"
PARSE_DATA_KEY = RISK_KEY
DETECTOR_INTENTS = frozenset({RISK_INTENT, UNCLEAR_INTENT, PAST_INTENT, WORRY_INTENT})


def _intent_name(message: Message) -> str | None:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskDetector(GraphComponent, IntentClassifier):
    """Sets the `risk_disclosure` intent and `risk_category` entities when risk language is found."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intent": RISK_INTENT, "entity": RISK_ENTITY}

    def __init__(self, config: dict[str, Any], hand_over: bool | None = None) -> None:
        self.intent = config.get("intent", RISK_INTENT)
        self.entity = config.get("entity", RISK_ENTITY)
        self.hand_over = handed_over() if hand_over is None else hand_over

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RiskDetector":
        # Load spaCy, the risk lexicon and the learned layer when the model loads, so the first user
        # message is not the slow one and a missing spaCy model or a broken lexicon fails at start-up,
        # not in a conversation. The learned layer's failure is logged and leaves the rules to answer.
        load_nlp()
        detector = cls({**cls.get_default_config(), **config})
        if detector.hand_over:
            analyze("I felt a bit hurt; maybe he was tired, and I'm sorry I snapped.", only=NLU_PARTS)
        else:
            assess_risk_text("warming up the risk lexicon")
        warm_up()
        return detector

    @staticmethod
    def required_packages() -> list[str]:
        return ["spacy"]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        try:
            result = self._risk(text, message)
        except Exception as error:  # a detector failure must never take the conversation down
            log.exception("Risk detector failed on a message")
            message.set(PARSE_DATA_KEY, {"flagged": None, "level": "unknown", "error": str(error)}, add_to_output=True)
            return
        message.set(PARSE_DATA_KEY, result.to_dict(), add_to_output=True)
        intent = self._intent_for(result)
        if intent:
            self._override_intent(message, intent)
            self._add_entities(message, result)
        elif _intent_name(message) in DETECTOR_INTENTS:
            self._demote_unconfirmed_guess(message)

    def _risk(self, text: str, message: Message) -> RiskResult:
        """The risk result; with the hand-over on, read from the one parse that also gives the
        other parts, which go into the parse data for the actions."""
        if not self.hand_over:
            return assess_risk_text(text)
        analysis: AnalysisResult = analyze(text, only=NLU_PARTS)
        if analysis.risk is None:  # the risk part failed (analyze logged it): the error form above
            raise RuntimeError("; ".join(analysis.notes) or "the risk analysis gave no result")
        try:
            message.set(ANALYSIS_KEY, to_parse_data(analysis), add_to_output=True)
        except Exception:  # the hand-over only saves work: without it the actions analyse the answer
            log.exception("Could not hand the analysis of a message over; the actions will analyse it")
        return analysis.risk

    def _intent_for(self, result: RiskResult) -> str | None:
        if result.outcome == "none":
            return WORRY_INTENT if result.worry is not None else None
        if result.past_only:
            return PAST_INTENT
        return self.intent if result.outcome == "flag" else UNCLEAR_INTENT

    def _demote_unconfirmed_guess(self, message: Message) -> None:
        guess = message.get(INTENT) or {}
        intent = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                  PREDICTED_CONFIDENCE_KEY: guess.get(PREDICTED_CONFIDENCE_KEY, 0.0)}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get(INTENT_NAME_KEY) not in DETECTOR_INTENTS | {DEFAULT_NLU_FALLBACK_INTENT_NAME}]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(intent), *ranking], add_to_output=True)

    def _override_intent(self, message: Message, name: str) -> None:
        intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(intent), *ranking], add_to_output=True)

    def _add_entities(self, message: Message, result: RiskResult) -> None:
        entities = [e for e in message.get(ENTITIES) or [] if e.get(EXTRACTOR) != type(self).__name__]
        for finding in result.findings:
            first = finding.evidence[0] if finding.evidence else None
            entities.append(
                {
                    ENTITY_ATTRIBUTE_TYPE: self.entity,
                    ENTITY_ATTRIBUTE_VALUE: finding.category,
                    ENTITY_ATTRIBUTE_START: first.start if first else 0,
                    ENTITY_ATTRIBUTE_END: first.end if first else 0,
                    "confidence_entity": 1.0,
                    EXTRACTOR: type(self).__name__,
                }
            )
        message.set(ENTITIES, entities, add_to_output=True)
