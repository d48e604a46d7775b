"""The safety net's actions, run for real with rasa_sdk Trackers, the CollectingDispatcher and domain.yml."""
import datetime as dt

import pytest
from rasa_sdk.events import ActiveLoop

from actions.common import practice_on_hold
from actions.safety import (
    ActionAskRiskCheckAnswer,
    ActionAskSafetyQ1,
    ActionAskSafetyQ2,
    ActionRiskCheck,
    ActionRiskCheckResolve,
    ActionSafetyInterrupt,
    ActionSafetyResolve,
    ActionSetLocale,
    ValidateRiskCheckForm,
    ValidateSafetyForm,
)
from bot.safety.protocol import load_protocol


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def buttons(messages):
    return [b["payload"] for m in messages for b in (m.get("buttons") or [])]


def risk(category="suicidal_ideation", level="high", outcome="flag", past_only=False, text="kill myself"):
    return {"flagged": outcome == "flag", "outcome": outcome, "level": level, "past_only": past_only,
            "findings": [{"category": category, "severity": 2, "level": level,
                          "evidence": [{"start": 9, "end": 9 + len(text), "text": text, "marker": "x",
                                        "explanation": "y"}]}]}


def event(category="suicidal_ideation", level="high", kind="flag"):
    return {"kind": kind, "category": category, "level": level, "severity": 2, "evidence": [], "exercise": None}


# --- the interrupt ------------------------------------------------------------------------------

def test_the_interrupt_stops_the_form_shows_resources_and_records_the_event(tracker_factory, run, domain):
    tracker = tracker_factory("I want to kill myself", "risk_disclosure", active_loop="suds_form",
                              slots={"exercise": "checkin", "locale": "en-GB"}, attune_risk=risk())
    events, messages = run(ActionSafetyInterrupt(), tracker, domain)
    slots = slot_events(events)
    assert ActiveLoop(None) in events and slots["interrupted_loop"] == "suds_form"
    assert slots["risk_event"]["category"] == "suicidal_ideation" and slots["risk_event"]["kind"] == "flag"
    assert slots["risk_event"]["evidence"][0]["text"] == "kill myself"
    assert "116 123" in texts(messages) and "988" not in texts(messages)


@pytest.mark.parametrize("category, line", [
    ("abuse_or_danger", "0808 2000 247"),   # the UK's domestic abuse helpline
    ("harm_to_others", "Respect"),
    ("self_harm", "Samaritans"),
])
def test_each_category_has_its_own_words_and_resources(category, line, tracker_factory, run, domain):
    tracker = tracker_factory("...", "risk_disclosure", slots={"locale": "en-GB"}, attune_risk=risk(category))
    _, messages = run(ActionSafetyInterrupt(), tracker, domain)
    assert texts(messages).startswith(load_protocol().categories[category].care)
    assert line in texts(messages)


def test_no_locale_shows_the_international_directory_and_asks_where_the_person_is(tracker_factory, run, domain):
    tracker = tracker_factory("I want to die", "risk_disclosure", attune_risk=risk())
    _, messages = run(ActionSafetyInterrupt(), tracker, domain)
    assert "findahelpline.com" in texts(messages)
    assert "988" not in texts(messages) and "116 123" not in texts(messages)
    assert '/tell_location{"location": "en-GB"}' in buttons(messages)


def test_a_channel_locale_is_used_without_asking(tracker_factory, run, domain):
    tracker = tracker_factory("I want to die", "risk_disclosure", attune_risk=risk(), metadata={"locale": "en-US"})
    _, messages = run(ActionSafetyInterrupt(), tracker, domain)
    assert "988" in texts(messages) and not any(b.startswith("/tell_location") for b in buttons(messages))


@pytest.mark.parametrize("consented, words", [(True, "saved"), (False, "not keeping a record")])
def test_it_says_only_what_is_true_about_who_will_see_it(consented, words, tracker_factory, run, domain):
    tracker = tracker_factory("I want to die", "risk_disclosure", attune_risk=risk(),
                              slots={"consent_given": consented, "locale": "en-US"})
    _, messages = run(ActionSafetyInterrupt(), tracker, domain)
    assert words in texts(messages) and "Nobody is reading this chat live" in texts(messages).replace("nobody", "Nobody")
    assert "noted this so it can be followed up" not in texts(messages)


def test_a_second_disclosure_during_the_check_restarts_it_but_keeps_what_was_paused(tracker_factory, run, domain):
    tracker = tracker_factory("i want to die", "risk_disclosure", active_loop="safety_form", attune_risk=risk(),
                              slots={"interrupted_loop": "suds_form", "safety_q1": "no"})
    slots = slot_events(run(ActionSafetyInterrupt(), tracker, domain)[0])
    assert "interrupted_loop" not in slots
    assert slots["safety_q1"] is None


def test_the_recorded_event_is_the_most_urgent_finding(tracker_factory, run, domain):
    both = {"flagged": True, "outcome": "flag", "level": "imminent", "findings": [
        {"category": "third_party_concern", "severity": 5, "level": "high", "evidence": []},
        {"category": "suicidal_ideation", "severity": 4, "level": "imminent", "evidence": []}]}
    events, _ = run(ActionSafetyInterrupt(), tracker_factory("text", "risk_disclosure", attune_risk=both), domain)
    assert slot_events(events)["risk_event"]["category"] == "suicidal_ideation"


# --- the questions ------------------------------------------------------------------------------

def test_the_questions_ask_directly_about_suicide_with_yes_no_not_sure(tracker_factory, run, domain):
    tracker = tracker_factory(slots={"risk_event": event()})
    _, messages = run(ActionAskSafetyQ1(), tracker, domain)
    assert "ending your life" in texts(messages)
    assert buttons(messages) == ["/affirm", "/deny", "/unsure"]
    _, messages = run(ActionAskSafetyQ2(), tracker, domain)
    assert "plan" in texts(messages)
    assert "keep yourself safe" not in texts(messages)


def validate(run, tracker_factory, domain, text, slot="safety_q1", intent="nlu_fallback", **slots):
    tracker = tracker_factory(text, intent, active_loop="safety_form", requested_slot=slot,
                              extracted={slot: text}, slots={"risk_event": event(), **slots})
    return run(ValidateSafetyForm(), tracker, domain)


@pytest.mark.parametrize("text, answer", [
    ("no, I'm fine", "no"), ("yes", "yes"), ("sometimes", "yes"), ("every night", "yes"), ("kind of", "yes"),
    ("not sure", "unsure"), ("I don't know", "unsure"), ("no but sometimes", "unsure"), ("I'm fine", "fine"),
])
def test_short_answers_are_read_as_answers_to_the_question(text, answer, run, tracker_factory, domain):
    events, _ = validate(run, tracker_factory, domain, text)
    assert slot_events(events)["safety_q1"] == answer


def test_one_im_fine_does_not_end_the_check(run, tracker_factory, domain):
    events, _ = validate(run, tracker_factory, domain, "no, I'm fine", intent="im_fine")
    assert slot_events(events)["requested_slot"] == "safety_q2"


@pytest.mark.parametrize("text", ["ok", "why not", "whatever"])
def test_ok_and_why_not_are_not_a_yes_they_are_asked_again(text, run, tracker_factory, domain):
    events, messages = validate(run, tracker_factory, domain, text, intent="affirm")
    assert slot_events(events)["safety_q1"] is None
    assert "yes, no, or not sure" in texts(messages)
    # Unclear a second time counts as not sure: uncertainty is treated as not safe.
    events, _ = validate(run, tracker_factory, domain, text, intent="affirm", safety_reask="safety_q1")
    assert slot_events(events)["safety_q1"] == "unsure"


def test_risk_words_without_a_yes_or_no_are_not_reassurance(run, tracker_factory, domain):
    tracker = tracker_factory("the pills are in my drawer", "risk_disclosure", active_loop="safety_form",
                              requested_slot="safety_q2", extracted={"safety_q2": "the pills are in my drawer"},
                              slots={"risk_event": event(), "safety_q1": "yes"}, attune_risk=risk(level="high"))
    events, _ = run(ValidateSafetyForm(), tracker, domain)
    assert slot_events(events)["safety_q2"] == "unsure"


def test_an_imminent_finding_asks_no_questions(run, tracker_factory, domain):
    tracker = tracker_factory("tonight I'm going to do it", "risk_disclosure", active_loop="safety_form",
                              slots={"risk_event": event(level="imminent")})
    events, _ = run(ValidateSafetyForm(), tracker, domain)
    assert slot_events(events)["requested_slot"] is None


# --- what follows -------------------------------------------------------------------------------

def resolve(run, tracker_factory, domain, level="high", category="suicidal_ideation", **answers):
    tracker = tracker_factory(slots={"risk_event": event(category, level), "interrupted_loop": "exercise_form",
                                     "exercise": "mentalizing", "locale": "en-US", **answers})
    return run(ActionSafetyResolve(), tracker, domain)


def test_a_plan_means_urgent_help_and_no_practice_today(run, tracker_factory, domain):
    events, messages = resolve(run, tracker_factory, domain, safety_q1="yes", safety_q2="yes", safety_q3="no")
    slots = slot_events(events)
    assert slots["risk_event"]["outcome"] == "urgent"
    assert slots["interrupted_loop"] is None and slots["practice_hold"] == dt.date.today().isoformat()
    assert "988" in texts(messages) and "/resume" not in buttons(messages)


def test_an_imminent_finding_is_urgent_whatever_the_answers(run, tracker_factory, domain):
    events, _ = resolve(run, tracker_factory, domain, level="imminent")
    assert slot_events(events)["risk_event"]["outcome"] == "urgent"


def test_thoughts_without_a_plan_mean_resources_and_a_choice(run, tracker_factory, domain):
    events, messages = resolve(run, tracker_factory, domain, level="concern",
                               safety_q1="yes", safety_q2="no", safety_q3="no")
    assert slot_events(events)["risk_event"]["outcome"] == "concern"
    assert "988" in texts(messages) and "/resume" in buttons(messages)


def test_no_danger_thanks_and_offers_to_go_back(run, tracker_factory, domain):
    events, messages = resolve(run, tracker_factory, domain, level="concern", safety_q1="no", safety_q2="fine")
    assert slot_events(events)["risk_event"]["outcome"] == "checked"
    assert "/resume" in buttons(messages) and "practice_hold" not in slot_events(events)


def test_abuse_in_danger_now_is_urgent(run, tracker_factory, domain):
    events, messages = resolve(run, tracker_factory, domain, category="abuse_or_danger", level="concern",
                               safety_q1="yes", safety_q2="yes")
    assert slot_events(events)["risk_event"]["outcome"] == "urgent"
    assert "1-800-799-7233" in texts(messages)


def test_practice_is_on_hold_only_on_the_day(tracker_factory):
    today = dt.date.today()
    assert practice_on_hold(tracker_factory(slots={"practice_hold": today.isoformat()}))
    assert not practice_on_hold(tracker_factory(slots={"practice_hold": (today - dt.timedelta(days=1)).isoformat()}))
    assert not practice_on_hold(tracker_factory())


# --- the short checks ---------------------------------------------------------------------------

def test_unsure_language_pauses_and_asks_one_direct_question(run, tracker_factory, domain):
    tracker = tracker_factory("I just want it all to stop", "risk_unclear", active_loop="exercise_form",
                              attune_risk=risk(level="ask", outcome="ask", text="want it all to stop"))
    events, messages = run(ActionRiskCheck(), tracker, domain)
    slots = slot_events(events)
    assert slots["interrupted_loop"] == "exercise_form"
    assert slots["risk_event"]["level"] == "ask" and slots["risk_event"]["kind"] == "ask"
    assert messages == []  # no crisis script before the question
    _, messages = run(ActionAskRiskCheckAnswer(), tracker_factory(slots={"risk_event": slots["risk_event"]}), domain)
    assert "thoughts of ending their life" in texts(messages) and buttons(messages) == ["/affirm", "/deny", "/unsure"]


def check(run, tracker_factory, domain, answer, kind="ask", category="suicidal_ideation", **slots):
    tracker = tracker_factory(slots={"risk_event": event(category, "ask", kind), "risk_check_answer": answer, **slots})
    return run(ActionRiskCheckResolve(), tracker, domain)


def test_a_clear_no_goes_back_to_the_exercise(run, tracker_factory, domain):
    events, messages = check(run, tracker_factory, domain, "no", interrupted_loop="exercise_form")
    assert slot_events(events)["safety_next"] == "resume"
    assert slot_events(events)["risk_event"]["outcome"] == "checked"
    assert "rather check than miss" in texts(messages)


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_yes_or_not_sure_starts_the_safety_check(answer, run, tracker_factory, domain):
    events, _ = check(run, tracker_factory, domain, answer, interrupted_loop="exercise_form")
    assert slot_events(events) == {"safety_next": "check"}


def test_a_confirmed_check_interrupts_with_the_check_s_category(run, tracker_factory, domain):
    tracker = tracker_factory("yes", "affirm", slots={"risk_event": event("self_harm", "ask", "ask"), "locale": "en-US"})
    events, messages = run(ActionSafetyInterrupt(), tracker, domain)
    recorded = slot_events(events)["risk_event"]
    assert recorded["category"] == "self_harm" and recorded["kind"] == "confirmed" and recorded["level"] == "concern"


def test_past_abuse_is_validated_without_the_crisis_script(run, tracker_factory, domain):
    tracker = tracker_factory("my dad used to hit me when I was little", "risk_past", active_loop="exercise_form",
                              attune_risk=risk("abuse_or_danger", "concern", past_only=True, text="hit me"))
    events, messages = run(ActionRiskCheck(), tracker, domain)
    assert "not your fault" in texts(messages)
    assert "emergency" not in texts(messages) and "findahelpline" not in texts(messages)
    recorded = slot_events(events)["risk_event"]
    assert recorded["kind"] == "past" and recorded["category"] == "abuse_or_danger"
    _, messages = run(ActionAskRiskCheckAnswer(), tracker_factory(slots={"risk_event": recorded}), domain)
    assert "safe now" in texts(messages)


def test_past_abuse_safe_now_offers_a_choice_and_not_safe_starts_the_check(run, tracker_factory, domain):
    events, messages = check(run, tracker_factory, domain, "yes", kind="past", category="abuse_or_danger")
    assert slot_events(events)["safety_next"] == "done" and "go back" in texts(messages)
    events, _ = check(run, tracker_factory, domain, "no", kind="past", category="abuse_or_danger")
    assert slot_events(events) == {"safety_next": "check"}


def test_a_disclosure_in_answer_to_the_short_check_is_danger(run, tracker_factory, domain):
    tracker = tracker_factory("honestly I want to kill myself", "risk_disclosure", active_loop="risk_check_form",
                              requested_slot="risk_check_answer", extracted={"risk_check_answer": "x"},
                              slots={"risk_event": event(kind="ask", level="ask")}, attune_risk=risk())
    events, _ = run(ValidateRiskCheckForm(), tracker, domain)
    assert slot_events(events)["risk_check_answer"] == "yes"


# --- where the person is ------------------------------------------------------------------------

@pytest.mark.parametrize("text, entity, locale, number", [
    ("I'm in the UK", None, "en-GB", "116 123"),
    ("I live in Scotland", None, "en-GB", "116 123"),
    ("/tell_location", "en-US", "en-US", "988"),
    ("I'm in New Zealand", None, "default", "findahelpline"),
])
def test_telling_where_one_is_sets_the_locale(text, entity, locale, number, run, tracker_factory, domain):
    entities = [{"entity": "location", "value": entity}] if entity else []
    tracker = tracker_factory(text, "tell_location", slots={"risk_event": event()}, active_loop="safety_form")
    tracker.latest_message["entities"] = entities
    events, messages = run(ActionSetLocale(), tracker, domain)
    assert slot_events(events) == {"locale": locale}
    assert number in texts(messages)


def test_no_exercise_starts_on_a_held_day(run, tracker_factory, domain):
    from actions.exercise import ActionExerciseStart

    held = {"practice_hold": dt.date.today().isoformat()}
    for intent in ("start_mentalizing", "own_moment"):
        events, messages = run(ActionExerciseStart(), tracker_factory("practise", intent, slots=held), domain)
        assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]
        assert "let's not practise more today" in texts(messages)
    events, _ = run(ActionExerciseStart(), tracker_factory("practise", "start_mentalizing"), domain)
    assert any(e.get("name") == "exercise_state" for e in events)


def test_telling_where_one_is_outside_a_check_only_acknowledges(run, tracker_factory, domain):
    events, messages = run(ActionSetLocale(), tracker_factory("I'm in Ireland", "tell_location"), domain)
    assert slot_events(events) == {"locale": "en-IE"}
    assert "Ireland" in texts(messages) and "116 123" not in texts(messages)


def test_asking_for_help_now_starts_the_check_with_resources(tracker_factory, run, domain):
    tracker = tracker_factory("/need_help_now", "need_help_now", active_loop="exercise_form",
                              slots={"locale": "en-GB"})
    events, messages = run(ActionSafetyInterrupt(), tracker, domain)
    slots = slot_events(events)
    assert slots["risk_event"]["kind"] == "help_request" and slots["risk_event"]["category"] == "suicidal_ideation"
    assert slots["interrupted_loop"] == "exercise_form"
    assert "glad you asked" in texts(messages) and "116 123" in texts(messages)


# --- someone close to the person being hurt ------------------------------------------------------

def close_risk(level="high", outcome="flag", past_only=False):
    found = risk("abuse_or_danger", level, outcome, past_only, text="beats him")
    found["findings"][0]["about"] = "someone_close"
    return found


def test_a_child_being_hurt_is_checked_about_the_child_with_child_protection_lines(tracker_factory, run, domain):
    tracker = tracker_factory("my 12-year-old's father beats him", "risk_disclosure", active_loop="exercise_form",
                              slots={"locale": "en-GB"}, attune_risk=close_risk())
    events, messages = run(ActionSafetyInterrupt(), tracker, domain)
    recorded = slot_events(events)["risk_event"]
    assert recorded["category"] == "someone_close" and recorded["kind"] == "flag"
    assert texts(messages).startswith(load_protocol().categories["someone_close"].care)
    assert "NSPCC" in texts(messages) and "Hourglass" in texts(messages)
    assert "If they are in danger right now" in texts(messages)
    _, messages = run(ActionAskSafetyQ1(), tracker_factory(slots={"risk_event": recorded}), domain)
    assert "the person you're worried about in danger" in texts(messages)


def test_someone_close_asked_about_then_a_clear_no_speaks_of_them(run, tracker_factory, domain):
    tracker = tracker_factory("my son was punched at school", "risk_unclear", active_loop="exercise_form",
                              attune_risk=close_risk("ask", "ask"))
    events, _ = run(ActionRiskCheck(), tracker, domain)
    recorded = slot_events(events)["risk_event"]
    assert recorded["category"] == "someone_close" and recorded["level"] == "ask"
    _, messages = run(ActionAskRiskCheckAnswer(), tracker_factory(slots={"risk_event": recorded}), domain)
    assert "someone you look after" in texts(messages)
    events, messages = check(run, tracker_factory, domain, "no", category="someone_close", interrupted_loop="exercise_form")
    assert "child's or a relative's safety" in texts(messages) and slot_events(events)["safety_next"] == "resume"


def test_someone_close_in_danger_now_is_urgent(run, tracker_factory, domain):
    events, messages = resolve(run, tracker_factory, domain, category="someone_close", level="concern",
                               safety_q1="yes", safety_q2="yes", locale="en-US")
    assert slot_events(events)["risk_event"]["outcome"] == "urgent"
    assert "Childhelp" in texts(messages) and "Their safety comes first" in texts(messages)
