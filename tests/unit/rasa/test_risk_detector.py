"""The Rasa NLU risk component, run with Rasa's own classes (an adapter test: importing rasa is fine).

- The component's process() on real `Message` objects: intent override, entities, attune_risk.
- The parse_data Rasa's processor would build from that message (the same assembly as
  `MessageProcessor._parse_message_with_graph`: defaults, then `as_dict(only_output_properties=True)`).
- The component inside a real Rasa graph (DaskGraphRunner): UserMessage -> NLUMessageConverter ->
  RiskDetector, and the default recipe's schema validation with the component placed last.
"""
from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.core.channels.channel import UserMessage  # noqa: E402
from rasa.engine.graph import ExecutionContext, GraphSchema, SchemaNode  # noqa: E402
from rasa.engine.recipes.default_recipe import DefaultV1Recipe  # noqa: E402
from rasa.engine.runner.dask import DaskGraphRunner  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.engine import validation  # noqa: E402
from rasa.graph_components.converters.nlu_message_converter import NLUMessageConverter  # noqa: E402
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME  # noqa: E402

from attune_rasa.risk_detector import (  # noqa: E402
    PARSE_DATA_KEY,
    PAST_INTENT,
    RISK_ENTITY,
    RISK_INTENT,
    UNCLEAR_INTENT,
    WORRY_INTENT,
    RiskDetector,
)

PLACEHOLDER_MESSAGE = "__message__"


@pytest.fixture(scope="module")
def detector(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("model_storage"))
    context = ExecutionContext(GraphSchema({}), "test-model")
    return RiskDetector.create(RiskDetector.get_default_config(), storage, Resource("risk"), context)


def classified_message(text: str) -> Message:
    """A message as FallbackClassifier leaves it: an intent and a ranking, both output properties."""
    fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.5}
    message = Message({TEXT: text}, output_properties={TEXT})
    message.set(INTENT, fallback, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [fallback, {"name": "greet", "confidence": 0.3}], add_to_output=True)
    message.set(ENTITIES, [{"entity": "name", "value": "Sam", "start": 0, "end": 3, "extractor": "DIETClassifier"}], add_to_output=True)
    return message


def parse_data_of(message: Message) -> dict:
    """What rasa/core/processor.py `_parse_message_with_graph` returns for this parsed message."""
    parse_data = {TEXT: "", INTENT: {"name": None, "confidence": 0.0}, ENTITIES: []}
    parse_data.update(message.as_dict(only_output_properties=True))
    return parse_data


def test_flagged_message_gets_the_risk_intent_entities_and_result(detector):
    message = classified_message("Sam, I'm going to kill myself tonight")
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT] == {"name": RISK_INTENT, "confidence": 1.0}
    assert data[INTENT_RANKING_KEY][0] == {"name": RISK_INTENT, "confidence": 1.0}
    assert [r["name"] for r in data[INTENT_RANKING_KEY][1:]] == [DEFAULT_NLU_FALLBACK_INTENT_NAME, "greet"]
    risk_entities = [e for e in data[ENTITIES] if e["entity"] == RISK_ENTITY]
    assert risk_entities == [{
        "entity": RISK_ENTITY, "value": "suicidal_ideation", "start": 9, "end": 29,
        "confidence_entity": 1.0, "extractor": "RiskDetector",
    }]
    assert data[TEXT][9:29] == "going to kill myself"
    assert any(e["extractor"] == "DIETClassifier" for e in data[ENTITIES])  # others' entities kept
    assert data[PARSE_DATA_KEY]["flagged"] is True
    assert data[PARSE_DATA_KEY]["level"] == "imminent"
    assert data[PARSE_DATA_KEY]["findings"][0]["severity"] == 4


def test_entity_offsets_point_at_the_evidence(detector):
    text = "my husband hits me and I want to die"
    message = classified_message(text)
    detector.process([message])
    entities = {e["value"]: e for e in message.get(ENTITIES) if e["entity"] == RISK_ENTITY}
    assert set(entities) == {"abuse_or_danger", "suicidal_ideation"}
    assert text[entities["abuse_or_danger"]["start"]:entities["abuse_or_danger"]["end"]] == "hits me"
    assert text[entities["suicidal_ideation"]["start"]:entities["suicidal_ideation"]["end"]] == "want to die"


@pytest.mark.parametrize("text, intent", [
    ("honestly I just can't do this anymore", UNCLEAR_INTENT),
    ("when I was six my dad used to hit me with a belt", PAST_INTENT),
    ("I want to kill myself", RISK_INTENT),
])
def test_each_outcome_sets_its_own_intent(detector, text, intent):
    """Sure, unsure and past findings take three different ways through the dialogue."""
    message = classified_message(text)
    detector.process([message])
    assert parse_data_of(message)[INTENT] == {"name": intent, "confidence": 1.0}


def test_worry_for_someone_else_is_met_without_checking_the_speaker(detector):
    """Someone else's risk told with worry for them: its own intent (the worry met, lines that support
    the worried), never the speaker's safety check."""
    message = classified_message("my best friend self-harms, how can I help her?")
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT] == {"name": WORRY_INTENT, "confidence": 1.0}
    assert data[PARSE_DATA_KEY]["outcome"] == "none" and data[PARSE_DATA_KEY]["worry"] is True
    [finding] = data[PARSE_DATA_KEY]["findings"]
    assert (finding["category"], finding["concern"], finding["worried"]) == ("third_party_concern", "self_harm", True)


def test_someone_else_s_risk_told_without_worry_keeps_the_classifier_s_intent(detector):
    message = classified_message("my granddaughter is a nurse and she told me about a lady who'd cut herself")
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT]["name"] == DEFAULT_NLU_FALLBACK_INTENT_NAME
    assert data[PARSE_DATA_KEY]["worry"] is False
    assert [f["category"] for f in data[PARSE_DATA_KEY]["findings"]] == ["third_party_concern"]


def test_unflagged_message_keeps_its_intent_but_carries_the_result(detector):
    message = classified_message("this deadline is killing me")
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT]["name"] == DEFAULT_NLU_FALLBACK_INTENT_NAME
    assert all(e["entity"] != RISK_ENTITY for e in data[ENTITIES])
    assert data[PARSE_DATA_KEY]["flagged"] is False
    assert data[PARSE_DATA_KEY]["set_aside"][0]["text"] == "killing me"


def guessed_message(text: str, guess: str, confidence: float = 0.87) -> Message:
    """A message the intent classifier labelled with `guess` (no fallback: it was confident)."""
    message = Message({TEXT: text}, output_properties={TEXT})
    message.set(INTENT, {"name": guess, "confidence": confidence}, add_to_output=True)
    ranking = [{"name": guess, "confidence": confidence}, {"name": "reflect", "confidence": 0.1},
               {"name": UNCLEAR_INTENT, "confidence": 0.03}]
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    return message


@pytest.mark.parametrize("guess", [RISK_INTENT, UNCLEAR_INTENT, PAST_INTENT])
def test_a_risk_guess_the_detector_does_not_confirm_becomes_the_fallback(detector, guess):
    message = guessed_message("I might have been too quick to judge him.", guess)
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT] == {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.87}
    assert [r["name"] for r in data[INTENT_RANKING_KEY]] == [DEFAULT_NLU_FALLBACK_INTENT_NAME, "reflect"]
    assert data[PARSE_DATA_KEY]["outcome"] == "none"


def test_a_risk_guess_the_detector_confirms_keeps_the_detectors_intent(detector):
    message = guessed_message("I want to kill myself tonight.", UNCLEAR_INTENT)
    detector.process([message])
    assert parse_data_of(message)[INTENT] == {"name": RISK_INTENT, "confidence": 1.0}


def test_other_guesses_are_left_to_the_classifier(detector):
    message = guessed_message("Can we skip this one", "skip")
    detector.process([message])
    assert parse_data_of(message)[INTENT]["name"] == "skip"


def test_a_detector_failure_keeps_the_classifiers_risk_guess(detector, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("lexicon unreadable")

    monkeypatch.setattr("attune_rasa.risk_detector.analyze", broken)
    monkeypatch.setattr("attune_rasa.risk_detector.assess_risk_text", broken)
    message = guessed_message("I can't go on like this", RISK_INTENT)
    detector.process([message])
    data = parse_data_of(message)
    assert data[INTENT]["name"] == RISK_INTENT
    assert data[PARSE_DATA_KEY]["level"] == "unknown"


@pytest.mark.parametrize("text", ["", "😢", "\x00\x01", "<script>x</script>", "a" * 20_000])
def test_odd_messages_never_raise(detector, text):
    message = Message({TEXT: text})
    detector.process([message])
    assert message.get(PARSE_DATA_KEY)["flagged"] is False
    assert PARSE_DATA_KEY in message.as_dict(only_output_properties=True)


def test_message_without_text_is_handled(detector):
    message = Message({})
    detector.process([message])
    assert message.get(PARSE_DATA_KEY)["level"] == "none"


def test_runs_inside_a_real_rasa_graph(tmp_path):
    """UserMessage -> NLUMessageConverter -> RiskDetector through Rasa's graph runner."""
    schema = GraphSchema({
        "nlu_message_converter": SchemaNode(
            needs={"messages": PLACEHOLDER_MESSAGE}, uses=NLUMessageConverter,
            constructor_name="create", fn="convert_user_message", config={},
        ),
        "run_RiskDetector": SchemaNode(
            needs={"messages": "nlu_message_converter"}, uses=RiskDetector,
            constructor_name="create", fn="process", config={},
        ),
    })
    runner = DaskGraphRunner(schema, LocalModelStorage(tmp_path), ExecutionContext(schema, "test-model"))
    results = runner.run(inputs={PLACEHOLDER_MESSAGE: [UserMessage("i wanna kms")]}, targets=["run_RiskDetector"])
    data = parse_data_of(results["run_RiskDetector"][0])
    assert data[INTENT]["name"] == RISK_INTENT
    assert data[PARSE_DATA_KEY]["findings"][0]["category"] == "suicidal_ideation"


def test_default_recipe_accepts_the_component_last_in_the_pipeline():
    """Rasa's own graph validation (signatures, types, registration by module path)."""
    config = {
        "recipe": "default.v1",
        "language": "en",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "DIETClassifier", "epochs": 1},
            {"name": "FallbackClassifier", "threshold": 0.5},
            {"name": "attune_rasa.risk_detector.RiskDetector"},
        ],
        "policies": [{"name": "RulePolicy"}],
    }
    model_config = DefaultV1Recipe().graph_config_for_recipe(config, {})
    validation.validate(model_config)
    nodes = model_config.predict_schema.nodes
    risk_node = next(name for name, node in nodes.items() if node.uses is RiskDetector)
    fallback_node = next(name for name, node in nodes.items() if node.uses.__name__ == "FallbackClassifier")
    # The risk node reads what the fallback classifier produced: it runs after it.
    assert nodes[risk_node].needs["messages"] == fallback_node


def test_project_config_puts_the_detector_last():
    """config.yml (the lead's) must end its pipeline with this component, after FallbackClassifier."""
    from pathlib import Path

    from rasa.shared.utils.io import read_config_file

    path = Path(__file__).resolve().parents[3] / "config.yml"
    config = read_config_file(str(path))
    names = [step["name"] for step in config["pipeline"]]
    assert names[-1] == "attune_rasa.risk_detector.RiskDetector"
    assert names.index("FallbackClassifier") < names.index("attune_rasa.risk_detector.RiskDetector")
    validation.validate(DefaultV1Recipe().graph_config_for_recipe(config, {}))
