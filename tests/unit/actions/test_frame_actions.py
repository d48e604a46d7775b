"""The frame's actions, run for real with rasa_sdk Trackers, the CollectingDispatcher and domain.yml."""
import pytest
from rasa_sdk.events import ActiveLoop, SlotSet

from actions.checkin import ActionAskSuds, ActionSudsFeedback, ValidateSudsForm
from actions.frame import ActionRecordConsent, ActionSessionStart, ValidateConsentForm
from actions.pacing import ActionPause, ActionResume, ActionStop
from bot.messages import load_catalogue


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


@pytest.mark.parametrize("answer, rating", [("7", 7.0), ("seven", 7.0), ("about 6/10", 6.0), ("0", 0.0)])
def test_suds_form_accepts_ratings(answer, rating, tracker_factory, run, domain):
    tracker = tracker_factory(answer, "nlu_fallback", active_loop="suds_form", requested_slot="suds",
                              extracted={"suds": answer})
    events, messages = run(ValidateSudsForm(), tracker, domain)
    assert slot_events(events)["suds"] == rating
    assert messages == []


@pytest.mark.parametrize(
    "answer, key",
    [("banana", "suds_missing"), ("15", "suds_out_of_range"), ("5 or 6", "suds_ambiguous"),
     ("4 out of 5", "suds_other_scale"), ("😶‍🌫️", "suds_missing"), ("x" * 10_000, "suds_missing")],
)
def test_suds_form_reasks_with_a_clear_message(answer, key, tracker_factory, run, domain):
    tracker = tracker_factory(answer, "nlu_fallback", active_loop="suds_form", requested_slot="suds",
                              extracted={"suds": answer})
    events, messages = run(ValidateSudsForm(), tracker, domain)
    assert slot_events(events)["suds"] is None
    assert texts(messages) == load_catalogue("checkin")[key][0].text


def test_high_distress_offers_grounding(tracker_factory, run, domain):
    events, messages = run(ActionSudsFeedback(), tracker_factory(slots={"suds": 8.0}), domain)
    assert slot_events(events) == {"pending_offer": "grounding"}
    assert "grounding" in texts(messages)


@pytest.mark.parametrize("rating, supported", [(8.0, False), (9.0, True), (10.0, True)])
def test_very_high_distress_gets_support_as_well_as_grounding(rating, supported, tracker_factory, run, domain):
    events, messages = run(ActionSudsFeedback(), tracker_factory(slots={"suds": rating}), domain)
    assert slot_events(events) == {"pending_offer": "grounding"}
    support = load_catalogue("checkin")["suds_very_high"][0].text
    assert (support in texts(messages)) is supported
    assert "grounding" in texts(messages)


def test_low_distress_goes_back_to_the_menu(tracker_factory, run, domain):
    events, messages = run(ActionSudsFeedback(), tracker_factory(slots={"suds": 2.0}), domain)
    assert events == []
    assert messages[-1]["response"] == "utter_menu"


@pytest.mark.parametrize("intent, given", [("affirm", True), ("deny", False)])
def test_consent_is_read_from_a_clear_yes_or_no(intent, given, tracker_factory, run, domain):
    tracker = tracker_factory("yes" if given else "no", intent, active_loop="consent_form",
                              requested_slot="consent_given", extracted={"consent_given": "x"})
    events, _ = run(ValidateConsentForm(), tracker, domain)
    assert slot_events(events)["consent_given"] is given


def test_consent_is_never_guessed(tracker_factory, run, domain):
    tracker = tracker_factory("hmm maybe later", "nlu_fallback", active_loop="consent_form",
                              requested_slot="consent_given", extracted={"consent_given": "hmm maybe later"})
    events, messages = run(ValidateConsentForm(), tracker, domain)
    assert slot_events(events)["consent_given"] is None
    assert "yes" in texts(messages) and "no" in texts(messages)


def test_recording_consent_marks_the_person_onboarded(tracker_factory, run, domain):
    events, messages = run(ActionRecordConsent(), tracker_factory(slots={"consent_given": False}), domain)
    assert slot_events(events) == {"onboarded": True}
    assert "nothing from this conversation will be kept" in texts(messages)


def test_a_new_session_keeps_only_the_persons_own_slots(tracker_factory, run, domain):
    tracker = tracker_factory(slots={"onboarded": True, "consent_given": True, "suds": 9.0,
                                     "interrupted_loop": "suds_form"})
    events, messages = run(ActionSessionStart(), tracker, domain)
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"
    assert slot_events(events) == {"onboarded": True, "consent_given": True}
    assert messages == []  # a returning person is not told again


def test_a_new_person_hears_what_attune_is_before_a_checkin(tracker_factory, run, domain):
    _, messages = run(ActionAskSuds(), tracker_factory("check in", "check_in"), domain)
    assert "not therapy" in texts(messages) and "0 (completely calm)" in texts(messages)
    _, messages = run(ActionAskSuds(), tracker_factory("banana", slots={"onboarded": False},
                                                       requested_slot="suds"), domain)
    assert "not therapy" not in texts(messages)  # only once, not at every re-ask
    _, messages = run(ActionAskSuds(), tracker_factory("check in", "check_in", slots={"onboarded": True}), domain)
    assert "not therapy" not in texts(messages)


def test_pause_remembers_the_form_and_resume_goes_back(tracker_factory, run, domain):
    events, _ = run(ActionPause(), tracker_factory(active_loop="suds_form"), domain)
    assert ActiveLoop(None) in events
    assert slot_events(events)["interrupted_loop"] == "suds_form"
    events, messages = run(ActionResume(), tracker_factory(slots={"interrupted_loop": "suds_form"}), domain)
    assert slot_events(events) == {"interrupted_loop": None}
    events, messages = run(ActionResume(), tracker_factory(), domain)
    assert events == [] and "nothing paused" in texts(messages)


def test_stop_forgets_the_form(tracker_factory, run, domain):
    events, _ = run(ActionStop(), tracker_factory(active_loop="suds_form", slots={"interrupted_loop": "suds_form"}), domain)
    assert ActiveLoop(None) in events
    assert slot_events(events)["interrupted_loop"] is None


def test_stop_during_the_safety_check_keeps_the_crisis_resources_on_screen(tracker_factory, run, domain):
    _, messages = run(ActionStop(), tracker_factory(active_loop="safety_form", slots={"locale": "en-US"}), domain)
    assert "988" in texts(messages)


def test_the_forms_pause_can_remember_are_the_ones_resume_rules_know(domain):
    """`interrupted_loop` is categorical in the domain: a resumable form missing there would be
    remembered by the action but never matched by a resume rule."""
    from actions.common import RESUMABLE_LOOPS

    assert RESUMABLE_LOOPS == set(domain["slots"]["interrupted_loop"]["values"])
    assert RESUMABLE_LOOPS <= set(domain["forms"])
