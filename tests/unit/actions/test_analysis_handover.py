"""The answer's analysis goes from the Rasa server's NLU to the exercise actions: the real risk
detector parses real messages, its parse data reaches the real actions, and they use it; without it
(a button's payload, a model from before the hand-over) they analyse the answer themselves."""
from __future__ import annotations

import copy
import random

import pytest

pytest.importorskip("rasa")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from actions.exercise import ValidateExerciseForm  # noqa: E402
from attune_rasa.risk_detector import RiskDetector  # noqa: E402
from bot.analysis.handover import ANALYSIS_KEY, RISK_KEY  # noqa: E402
from bot.exercises.mentalizing import scenarios  # noqa: E402
from bot.exercises.mentalizing.state import ExerciseState  # noqa: E402
from bot.exercises.registry import exercise  # noqa: E402

ANSWER = "I felt hurt, and I wondered whether she was worried about the rent."


@pytest.fixture(scope="module")
def detectors(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("model_storage"))
    context = ExecutionContext(GraphSchema({}), "test-model")
    config = RiskDetector.get_default_config()
    RiskDetector.create(config, storage, Resource("risk"), context)  # loads spaCy and the lexicons
    return {"on": RiskDetector(config, hand_over=True), "off": RiskDetector(config, hand_over=False)}


def parse_data(detector: RiskDetector, text: str) -> dict:
    """What Rasa's processor sends for this message: the pipeline's output properties."""
    message = Message({TEXT: text}, output_properties={TEXT})
    intent = {"name": "reflect", "confidence": 0.9}
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
    detector.process([message])
    data = {TEXT: "", INTENT: {"name": None, "confidence": 0.0}, ENTITIES: []}
    data.update(message.as_dict(only_output_properties=True))
    return data


def mentalizing_state() -> dict:
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    return state.to_dict()


def validate(tracker_factory, run, domain, exercise: str, state: dict, parse: dict):
    text = parse[TEXT]
    latest = {k: v for k, v in parse.items() if k not in (TEXT, INTENT)}
    tracker = tracker_factory(text, "reflect", active_loop="exercise_form", requested_slot="exercise_answer",
                              slots={"exercise": exercise, "exercise_state": state,
                                     "exercise_question": "What did you feel?"},
                              extracted={"exercise_answer": text}, **latest)
    events, _ = run(ValidateExerciseForm(), tracker, domain)
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_the_detector_hands_over_the_analysis_and_keeps_risk_whole(detectors):
    on, off = parse_data(detectors["on"], ANSWER), parse_data(detectors["off"], ANSWER)
    assert set(on[ANALYSIS_KEY]["parts"]) == {"mentalizing", "repair"}
    assert ANALYSIS_KEY not in off
    assert on[RISK_KEY] == off[RISK_KEY]
    disclosure = parse_data(detectors["on"], "I have pills saved up and I'm going to take them all tonight.")
    assert disclosure[INTENT]["name"] == "risk_disclosure" and disclosure[RISK_KEY]["flagged"]


def test_the_mentalizing_answer_is_read_from_the_hand_over(detectors, tracker_factory, run, domain):
    handed = parse_data(detectors["on"], ANSWER)
    local = validate(tracker_factory, run, domain, "mentalizing", mentalizing_state(), parse_data(detectors["off"], ANSWER))
    used = validate(tracker_factory, run, domain, "mentalizing", mentalizing_state(), handed)
    assert local["turn_annotation"]["result"]["markers"]
    assert used["turn_annotation"] == local["turn_annotation"]  # the same analysis, either way

    # Marked: the hand-over's mentalizing part without markers. The action gives what it was handed.
    marked = copy.deepcopy(handed)
    marked[ANALYSIS_KEY]["parts"]["mentalizing"].pop("markers")
    assert not validate(tracker_factory, run, domain, "mentalizing", mentalizing_state(), marked)[
        "turn_annotation"]["result"]["markers"]


def test_an_answer_the_nlu_did_not_analyse_is_analysed_by_the_action(detectors, tracker_factory, run, domain):
    handed = parse_data(detectors["on"], ANSWER)
    marked = copy.deepcopy(handed)
    marked[ANALYSIS_KEY]["parts"]["mentalizing"].pop("markers")
    marked[TEXT] = ANSWER.replace("rent", "bills")  # the hand-over belongs to another text
    assert validate(tracker_factory, run, domain, "mentalizing", mentalizing_state(), marked)[
        "turn_annotation"]["result"]["markers"]


def test_a_repair_attempt_is_read_from_the_hand_over(detectors, tracker_factory, run, domain):
    attempt = "I'm really sorry I snapped at you at dinner last night. That was unfair of me."
    state = exercise("repair").start("persona", None, random.Random(7)).state  # a character to rehearse with
    handed = parse_data(detectors["on"], attempt)
    assert handed[ANALYSIS_KEY]["parts"]["repair"]["components"]
    marked = copy.deepcopy(handed)
    marked[ANALYSIS_KEY]["parts"]["repair"].pop("components")
    local = validate(tracker_factory, run, domain, "repair", copy.deepcopy(state), parse_data(detectors["off"], attempt))
    used = validate(tracker_factory, run, domain, "repair", copy.deepcopy(state), handed)
    given_marked = validate(tracker_factory, run, domain, "repair", copy.deepcopy(state), marked)
    assert used["turn_annotation"] == local["turn_annotation"]
    assert given_marked["turn_annotation"] != local["turn_annotation"]
