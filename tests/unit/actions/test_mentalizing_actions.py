"""Mentalizing practice through the generic exercise actions, run for real: real trackers, the real
analysis and content."""
from rasa_sdk.events import SlotSet, UserUttered

from actions.exercise import (
    DONE,
    ActionAskExerciseAnswer,
    ActionExerciseAnother,
    ActionExerciseSkip,
    ActionExerciseStart,
    ActionExerciseSummary,
    ValidateExerciseForm,
)
from bot.exercises.mentalizing import scenarios, steps_for
from bot.exercises.mentalizing.state import ExerciseState

RUNNING = {"exercise": "mentalizing"}


def start(tracker_factory, run, domain, intent="start_mentalizing", **slots_):
    return run(ActionExerciseStart(), tracker_factory("/" + intent, intent, slots=slots_), domain)


def slots(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answer(state, text, tracker_factory, run, domain, question="What might she have felt?"):
    tracker = tracker_factory(text, "reflect", active_loop="exercise_form", requested_slot="exercise_answer",
                              slots={**RUNNING, "exercise_state": state, "exercise_question": question},
                              extracted={"exercise_answer": text})
    return run(ValidateExerciseForm(), tracker, domain)


def test_start_presents_a_scenario_and_sets_the_exercise(tracker_factory, run, domain):
    events, messages = start(tracker_factory, run, domain, onboarded=True)
    state = slots(events)["exercise_state"]
    assert state["scenario_id"] and slots(events)["exercise"] == "mentalizing"
    assert messages and len(messages[0]["text"]) > 40


def test_the_scenario_does_not_repeat_one_just_finished(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    first = slots(events)["exercise_state"]["scenario_id"]
    history = [{"scenario_id": first, "when": "2026-11-20T10:00:00+00:00"}]
    for _ in range(10):
        events, _ = start(tracker_factory, run, domain, exercise_profiles={"mentalizing": history})
        assert slots(events)["exercise_state"]["scenario_id"] != first


def test_another_scenario_is_a_different_one(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    state = slots(events)["exercise_state"]
    events, messages = run(ActionExerciseAnother(), tracker_factory(slots={**RUNNING, "exercise_state": state}), domain)
    assert slots(events)["exercise_state"]["scenario_id"] != state["scenario_id"]
    assert len(messages) == 2  # an acknowledgement, then the new moment


def test_an_answer_gets_a_reflection_quoting_it_and_an_annotation(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    state = slots(events)["exercise_state"]
    events, messages = answer(state, "I felt hurt, and I wondered whether she was worried about the rent.",
                              tracker_factory, run, domain)
    result = slots(events)
    assert result["exercise_answer"] is None  # the form goes on
    annotation = result["turn_annotation"]
    assert annotation["kind"] == "mentalizing" and annotation["step"] == "own_feeling"
    assert annotation["result"]["markers"] and annotation["scores"]["rf_estimate"] is not None
    assert messages and '"' in messages[0]["text"]  # the person's own words, quoted back


def test_the_last_answer_completes_the_form(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    state.step_index = len(steps_for(state.path)) - 1
    state.follow_up = True  # an answer to the follow-up question: the step is done after it
    events, _ = answer(state.to_dict(), "Now I think he was probably shy, or just tired.", tracker_factory, run, domain)
    assert slots(events)["exercise_answer"] == DONE


def test_skip_moves_on_and_skipping_the_last_step_ends_the_form(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    events, messages = run(ActionExerciseSkip(), tracker_factory(slots={**RUNNING, "exercise_state": state.to_dict()}), domain)
    assert slots(events)["exercise_state"]["step_index"] == 1 and slots(events)["exercise_answer"] is None
    state.step_index = len(steps_for(state.path)) - 1
    events, _ = run(ActionExerciseSkip(), tracker_factory(slots={**RUNNING, "exercise_state": state.to_dict()}), domain)
    assert slots(events)["exercise_answer"] == DONE


def test_questions_are_asked_unless_feedback_already_asked_one(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    events, messages = run(ActionAskExerciseAnswer(), tracker_factory(slots={**RUNNING, "exercise_state": state.to_dict()}), domain)
    assert messages and slots(events)["exercise_question"] == messages[0]["text"]
    state.follow_up = True
    events, messages = run(ActionAskExerciseAnswer(), tracker_factory(slots={**RUNNING, "exercise_state": state.to_dict()}), domain)
    assert messages == []
    # Back from a pause, the question is asked again even if a follow-up was pending.
    _, messages = run(ActionAskExerciseAnswer(), tracker_factory("resume", "resume", slots={**RUNNING, "exercise_state": state.to_dict()}), domain)
    assert messages


def test_own_moment_starts_with_what_happened(tracker_factory, run, domain):
    events, messages = start(tracker_factory, run, domain, intent="own_moment")
    assert slots(events)["exercise_step"] == "what_happened" and messages


def test_summary_is_words_only_and_history_remembers_the_scenario(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    state = slots(events)["exercise_state"]
    conversation = [SlotSet("exercise", "mentalizing")]  # what the tracker holds since the start
    for text in ["I felt small and ignored.", "Maybe he was shy, or maybe he was worried about something."]:
        events, _ = answer(state, text, tracker_factory, run, domain)
        state = slots(events)["exercise_state"]
        conversation += [UserUttered(text), SlotSet("turn_annotation", slots(events)["turn_annotation"])]
    tracker = tracker_factory(slots={**RUNNING, "exercise_state": state})
    tracker.events = conversation + tracker.events
    events, messages = run(ActionExerciseSummary(), tracker, domain)
    said = " ".join(m.get("text") or "" for m in messages)
    assert said and not any(ch.isdigit() for ch in said)  # numbers are for therapists, words for clients
    assert "small" in said or "shy" in said or "worried" in said  # the answers, read back from the events
    result = slots(events)
    assert result["exercise_profiles"]["mentalizing"][-1]["scenario_id"] == state["scenario_id"]
    assert "turn_annotation" not in result  # each answer carries its own; a summary would mix offsets
    assert result["exercise_state"] is None and result["exercise"] is None
    # An optional check-in is offered after the exercise, before the menu, as a button to pass by.
    offer = next(m for m in messages if any(b.get("payload") == "/check_in" for b in m.get("buttons") or []))
    assert messages.index(offer) == len(messages) - 2 and messages[-1]["response"] == "utter_menu"


def test_a_flagged_message_is_never_reflected_back_as_practice(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    state = slots(events)["exercise_state"]
    tracker = tracker_factory("I felt like ending it all", "reflect", active_loop="exercise_form",
                              requested_slot="exercise_answer", slots={**RUNNING, "exercise_state": state},
                              extracted={"exercise_answer": "I felt like ending it all"},
                              attune_risk={"flagged": True, "level": "high", "findings": []})
    events, messages = run(ValidateExerciseForm(), tracker, domain)
    assert messages == [] and slots(events) == {"exercise_answer": None}


def test_the_message_that_starts_the_form_is_not_taken_as_an_answer(tracker_factory, run, domain):
    events, _ = start(tracker_factory, run, domain)
    state = slots(events)["exercise_state"]
    tracker = tracker_factory("/start_mentalizing", "start_mentalizing", active_loop="exercise_form",
                              slots={"exercise_state": state}, extracted={"exercise_answer": "/start_mentalizing"})
    events, messages = run(ValidateExerciseForm(), tracker, domain)
    assert slots(events) == {"exercise_answer": None} and messages == []


def test_someone_who_skipped_the_greeting_hears_what_attune_is_first(tracker_factory, run, domain):
    _, messages = start(tracker_factory, run, domain)
    assert "not therapy" in messages[0]["text"]
