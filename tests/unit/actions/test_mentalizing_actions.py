"""Mentalizing practice actions, run for real: real trackers, the real analysis and content."""
from actions.mentalizing import (
    DONE,
    ActionAnotherScenario,
    ActionAskMzAnswer,
    ActionMentalizingSummary,
    ActionSkipStep,
    ActionStartMentalizing,
    ActionStartOwnMoment,
    ValidateMentalizingForm,
)
from bot.exercises.mentalizing import scenarios, steps_for
from bot.exercises.mentalizing.engine import ExerciseState


def slots(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answer(state, text, tracker_factory, run, domain, question="What might she have felt?"):
    tracker = tracker_factory(text, "reflect", active_loop="mentalizing_form", requested_slot="mz_answer",
                              slots={"mz_state": state, "mz_question": question}, extracted={"mz_answer": text})
    return run(ValidateMentalizingForm(), tracker, domain)


def test_start_presents_a_scenario_and_sets_the_exercise(tracker_factory, run, domain):
    events, messages = run(ActionStartMentalizing(), tracker_factory(slots={"onboarded": True}), domain)
    state = slots(events)["mz_state"]
    assert state["scenario_id"] and slots(events)["exercise"] == "mentalizing"
    assert messages and len(messages[0]["text"]) > 40


def test_the_scenario_does_not_repeat_one_just_finished(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    first = slots(events)["mz_state"]["scenario_id"]
    history = [{"scenario_id": first, "when": "2026-11-20T10:00:00+00:00"}]
    for _ in range(10):
        events, _ = run(ActionStartMentalizing(), tracker_factory(slots={"mz_history": history}), domain)
        assert slots(events)["mz_state"]["scenario_id"] != first


def test_another_scenario_is_a_different_one(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    state = slots(events)["mz_state"]
    events, messages = run(ActionAnotherScenario(), tracker_factory(slots={"mz_state": state}), domain)
    assert slots(events)["mz_state"]["scenario_id"] != state["scenario_id"]
    assert len(messages) == 2  # an acknowledgement, then the new moment


def test_an_answer_gets_a_reflection_quoting_it_and_an_annotation(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    state = slots(events)["mz_state"]
    events, messages = answer(state, "I felt hurt, and I wondered whether she was worried about the rent.",
                              tracker_factory, run, domain)
    result = slots(events)
    assert result["mz_answer"] is None  # the form goes on
    annotation = result["turn_annotation"]
    assert annotation["kind"] == "mentalizing" and annotation["step"] == "own_feeling"
    assert annotation["result"]["markers"] and annotation["result"]["rf_estimate"] is not None
    assert messages and '"' in messages[0]["text"]  # the person's own words, quoted back


def test_the_last_answer_completes_the_form(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    state.step_index = len(steps_for(state.path)) - 1
    state.follow_up = True  # an answer to the follow-up question: the step is done after it
    events, _ = answer(state.to_dict(), "Now I think he was probably shy, or just tired.", tracker_factory, run, domain)
    assert slots(events)["mz_answer"] == DONE


def test_skip_moves_on_and_skipping_the_last_step_ends_the_form(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    events, messages = run(ActionSkipStep(), tracker_factory(slots={"mz_state": state.to_dict()}), domain)
    assert slots(events)["mz_state"]["step_index"] == 1 and slots(events)["mz_answer"] is None
    state.step_index = len(steps_for(state.path)) - 1
    events, _ = run(ActionSkipStep(), tracker_factory(slots={"mz_state": state.to_dict()}), domain)
    assert slots(events)["mz_answer"] == DONE


def test_questions_are_asked_unless_feedback_already_asked_one(tracker_factory, run, domain):
    state = ExerciseState()
    state.start_scenario(scenarios()[0].id)
    events, messages = run(ActionAskMzAnswer(), tracker_factory(slots={"mz_state": state.to_dict()}), domain)
    assert messages and slots(events)["mz_question"] == messages[0]["text"]
    state.follow_up = True
    events, messages = run(ActionAskMzAnswer(), tracker_factory(slots={"mz_state": state.to_dict()}), domain)
    assert messages == []
    # Back from a pause, the question is asked again even if a follow-up was pending.
    _, messages = run(ActionAskMzAnswer(), tracker_factory("resume", "resume", slots={"mz_state": state.to_dict()}), domain)
    assert messages


def test_own_moment_starts_with_what_happened(tracker_factory, run, domain):
    events, messages = run(ActionStartOwnMoment(), tracker_factory(), domain)
    assert slots(events)["exercise_step"] == "what_happened" and messages


def test_summary_is_words_only_and_history_remembers_the_scenario(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    state = slots(events)["mz_state"]
    for text in ["I felt small and ignored.", "Maybe he was shy, or maybe he was worried about something."]:
        events, _ = answer(state, text, tracker_factory, run, domain)
        state = slots(events)["mz_state"]
    events, messages = run(ActionMentalizingSummary(), tracker_factory(slots={"mz_state": state}), domain)
    said = " ".join(m.get("text") or "" for m in messages)
    assert said and not any(ch.isdigit() for ch in said)  # numbers are for therapists, words for clients
    result = slots(events)
    assert result["mz_history"][-1]["scenario_id"] == state["scenario_id"]
    assert "turn_annotation" not in result  # each answer carries its own; a summary would mix offsets
    assert result["mz_state"] is None and result["exercise"] is None


def test_a_flagged_message_is_never_reflected_back_as_practice(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    state = slots(events)["mz_state"]
    tracker = tracker_factory("I felt like ending it all", "reflect", active_loop="mentalizing_form",
                              requested_slot="mz_answer", slots={"mz_state": state},
                              extracted={"mz_answer": "I felt like ending it all"},
                              attune_risk={"flagged": True, "level": "high", "findings": []})
    events, messages = run(ValidateMentalizingForm(), tracker, domain)
    assert messages == [] and slots(events) == {"mz_answer": None}


def test_the_message_that_starts_the_form_is_not_taken_as_an_answer(tracker_factory, run, domain):
    events, _ = run(ActionStartMentalizing(), tracker_factory(), domain)
    state = slots(events)["mz_state"]
    tracker = tracker_factory("/start_mentalizing", "start_mentalizing", active_loop="mentalizing_form",
                              slots={"mz_state": state}, extracted={"mz_answer": "/start_mentalizing"})
    events, messages = run(ValidateMentalizingForm(), tracker, domain)
    assert slots(events) == {"mz_answer": None} and messages == []


def test_someone_who_skipped_the_greeting_hears_what_attune_is_first(tracker_factory, run, domain):
    _, messages = run(ActionStartMentalizing(), tracker_factory(), domain)
    assert "not therapy" in messages[0]["text"]
