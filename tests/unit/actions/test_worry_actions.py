"""Worry for someone else at risk, met by the dialogue: run for real with rasa_sdk Trackers, the
CollectingDispatcher, domain.yml and the real exercise engines."""
import datetime as dt

from rasa_sdk.events import ActionExecuted, BotUttered, UserUttered

from actions.exercise import ActionExerciseStart
from actions.safety import ActionRiskCheck, ActionRiskCheckResolve, ActionSetLocale
from actions.worry import ActionWorryForSomeone
from bot.safety.protocol import load_protocol, worry_words

TODAY = dt.date.today().isoformat()
HEARD_SI = f"{TODAY} suicidal_ideation"


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def worry(concern="suicidal_ideation", text="wants to die", level="concern"):
    return {"flagged": False, "outcome": "none", "level": "none", "past_only": False, "worry": True,
            "findings": [{"category": "third_party_concern", "severity": 1, "level": level,
                          "concern": concern, "worried": True, "about": "speaker",
                          "evidence": [{"start": 10, "end": 10 + len(text), "text": text, "marker": "x",
                                        "explanation": "y"}]}]}


def test_a_worry_is_met_with_what_helps_lines_for_the_worried_and_the_menu(tracker_factory, run, domain):
    tracker = tracker_factory("my friend keeps saying she wants to die, what do I do?", "worry_for_someone",
                              slots={"locale": "en-GB"}, attune_risk=worry())
    events, messages = run(ActionWorryForSomeone(), tracker, domain)
    said = texts(messages)
    assert said.startswith(worry_words("suicidal_ideation"))
    assert "HOPELINE247" in said and "116 123" in said and "If anyone is in danger right now, call 999" in said
    assert "nobody" in said.lower()  # who will see it, and that nobody watches live
    assert messages[-1].get("response") == "utter_menu"
    recorded = slot_events(events)
    assert recorded["worry_heard"] == HEARD_SI
    event = recorded["risk_event"]
    assert (event["kind"], event["category"], event["concern"]) == ("worry", "someone_else", "suicidal_ideation")
    assert event["evidence"][0]["text"] == "wants to die" and event["id"]


def test_a_worry_about_abuse_shows_the_abuse_lines_not_the_suicide_prevention_line(tracker_factory, run, domain):
    tracker = tracker_factory("my friend says her husband hits her, how can I help?", "worry_for_someone",
                              slots={"locale": "en-GB"}, attune_risk=worry("abuse_or_danger", "hits her"))
    _, messages = run(ActionWorryForSomeone(), tracker, domain)
    said = texts(messages)
    assert said.startswith(worry_words("abuse_or_danger"))
    assert "0808 2000 247" in said and "HOPELINE247" not in said


def test_with_no_locale_the_worried_get_the_directory_and_are_asked_where_they_are(tracker_factory, run, domain):
    tracker = tracker_factory("my friend self-harms, how do I help her?", "worry_for_someone",
                              attune_risk=worry("self_harm", "self-harms"))
    _, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert "findahelpline.com" in texts(messages) and "116 123" not in texts(messages)


def test_told_again_the_same_day_outside_a_form_it_is_met_in_a_line_and_not_recorded_twice(tracker_factory, run, domain):
    tracker = tracker_factory("I'm still so worried about her", "worry_for_someone",
                              slots={"locale": "en-GB", "worry_heard": HEARD_SI}, attune_risk=worry())
    events, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert texts(messages) == load_protocol().worry_again.format(emergency="999 or 112") and events == []


def test_told_again_in_another_form_it_is_met_in_a_line_before_the_question_comes_again(tracker_factory, run, domain):
    tracker = tracker_factory("I'm still so worried about her", "worry_for_someone", active_loop="suds_form",
                              slots={"worry_heard": HEARD_SI}, attune_risk=worry())
    events, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert "still worried about them" in texts(messages) and events == []


def test_a_graver_worry_or_another_kind_the_same_day_is_met_in_full_again(tracker_factory, run, domain):
    graver = tracker_factory("she has just texted that she's taken all her tablets, what do I do?", "worry_for_someone",
                             slots={"worry_heard": HEARD_SI}, attune_risk=worry(level="high"))
    events, messages = run(ActionWorryForSomeone(), graver, domain)
    assert texts(messages).startswith(worry_words("suicidal_ideation")) and slot_events(events)["risk_event"]
    other = tracker_factory("and my brother says his boss hits him, what should I do?", "worry_for_someone",
                            slots={"worry_heard": HEARD_SI}, attune_risk=worry("abuse_or_danger", "hits him"))
    events, messages = run(ActionWorryForSomeone(), other, domain)
    assert texts(messages).startswith(worry_words("abuse_or_danger"))
    assert slot_events(events)["worry_heard"] == f"{TODAY} abuse_or_danger"


def test_a_worry_from_yesterday_is_met_in_full_again(tracker_factory, run, domain):
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    tracker = tracker_factory("my friend wants to die, what do I say?", "worry_for_someone",
                              slots={"worry_heard": f"{yesterday} suicidal_ideation"}, attune_risk=worry())
    events, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert texts(messages).startswith(worry_words("suicidal_ideation")) and slot_events(events)["worry_heard"] == HEARD_SI


def _told_in_exercise(tracker_factory, run, domain, text, exercise="mentalizing", **slots):
    events, _ = run(ActionExerciseStart(), tracker_factory(f"/start_{exercise}", f"start_{exercise}"), domain)
    started = slot_events(events)
    tracker = tracker_factory(text, "worry_for_someone", active_loop="exercise_form",
                              requested_slot="exercise_answer", attune_risk=worry(),
                              slots={"exercise": exercise, "exercise_state": started["exercise_state"],
                                     "exercise_question": "What might she have felt?", **slots})
    return run(ActionWorryForSomeone(), tracker, domain)


def test_in_an_exercise_the_worry_is_met_and_not_taken_as_the_answer(tracker_factory, run, domain):
    events, messages = _told_in_exercise(tracker_factory, run, domain,
                                         "my friend told me she wants to die and I froze, what do I say?")
    assert set(slot_events(events)) == {"worry_heard", "risk_event"}  # no exercise slot: the question comes again
    assert messages[-1]["text"] == load_protocol().worry_back


def test_told_again_the_same_day_in_an_exercise_it_is_the_practice_answer(tracker_factory, run, domain):
    events, messages = _told_in_exercise(
        tracker_factory, run, domain,
        "I think she felt scared and alone when she said she wants to die, and I'm so worried about her.",
        worry_heard=HEARD_SI)
    recorded = slot_events(events)
    assert recorded["turn_annotation"]["kind"] == "mentalizing" and recorded["exercise_answer"] is None
    assert "risk_event" not in recorded and messages and load_protocol().worry_again not in texts(messages)


def test_in_a_simulated_client_s_session_the_words_are_the_practice(tracker_factory, run, domain):
    events, messages = _told_in_exercise(tracker_factory, run, domain,
                                         "It sounds like you want to die. How can I help you stay safe?",
                                         exercise="trainee")
    recorded = slot_events(events)
    assert "worry_heard" not in recorded and "risk_event" not in recorded
    assert recorded.get("turn_annotation") and messages


def test_outside_a_form_a_simulated_session_s_exercise_slot_does_not_silence_a_real_worry(tracker_factory, run, domain):
    tracker = tracker_factory("my friend keeps saying she wants to die, what do I do?", "worry_for_someone",
                              slots={"exercise": "trainee", "locale": "en-GB"}, attune_risk=worry())
    events, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert texts(messages).startswith(worry_words("suicidal_ideation")) and slot_events(events)["risk_event"]


def test_inside_a_form_the_worry_does_not_ask_where_the_person_is(tracker_factory, run, domain):
    tracker = tracker_factory("my friend self-harms, how do I help her?", "worry_for_someone", active_loop="suds_form",
                              attune_risk=worry("self_harm", "self-harms"))
    _, messages = run(ActionWorryForSomeone(), tracker, domain)
    assert "findahelpline.com" in texts(messages) and not any(m.get("buttons") for m in messages)


def test_a_place_told_just_after_the_worry_shows_that_worry_s_lines_there(tracker_factory, run, domain):
    tracker = tracker_factory("/tell_location", "tell_location",
                              slots={"risk_event": {"kind": "worry", "category": "someone_else", "concern": "self_harm"}},
                              entities=[{"entity": "location", "value": "en-GB"}])
    tracker.events[:0] = [ActionExecuted("action_worry_for_someone"), BotUttered("lines"), ActionExecuted("action_listen")]
    _, messages = run(ActionSetLocale(), tracker, domain)
    assert "HOPELINE247" in texts(messages)
    later = tracker_factory("/tell_location", "tell_location",
                            slots={"risk_event": {"kind": "worry", "category": "someone_else", "concern": "self_harm"}},
                            entities=[{"entity": "location", "value": "en-GB"}])
    later.events[:0] = [ActionExecuted("action_worry_for_someone"), UserUttered("hello"), ActionExecuted("utter_menu"),
                        ActionExecuted("action_listen")]
    _, messages = run(ActionSetLocale(), later, domain)
    assert "HOPELINE247" not in texts(messages)


def test_a_worry_told_with_the_person_s_own_unsure_words_waits_for_their_own_answer(tracker_factory, run, domain):
    """"My friend says she wants to die and honestly I can't do this any more either": the person's
    own check comes first; after a clear no, their worry for the friend is met."""
    own = {"category": "suicidal_ideation", "severity": 1, "level": "ask", "evidence": []}
    risk = {**worry(), "outcome": "ask", "level": "ask", "worry": False,
            "findings": [own, *worry()["findings"]]}
    tracker = tracker_factory("my friend says she wants to die, what do I do? I can't do this any more either",
                              "risk_unclear", slots={"locale": "en-GB"}, attune_risk=risk)
    events, messages = run(ActionRiskCheck(), tracker, domain)
    event = slot_events(events)["risk_event"]
    assert event["kind"] == "ask" and event["worry"] == "suicidal_ideation" and messages == []
    answered = tracker_factory("no", "deny", slots={"risk_event": event, "risk_check_answer": "no", "locale": "en-GB"})
    events, messages = run(ActionRiskCheckResolve(), answered, domain)
    said = texts(messages)
    assert worry_words("suicidal_ideation") in said and "HOPELINE247" in said and "rather check than miss" in said
    assert slot_events(events)["worry_heard"] == HEARD_SI


def test_a_danger_answer_to_the_person_s_own_check_leaves_the_worry_for_later(tracker_factory, run, domain):
    event = {"kind": "ask", "category": "suicidal_ideation", "level": "ask", "worry": "suicidal_ideation"}
    answered = tracker_factory("yes", "affirm", slots={"risk_event": event, "risk_check_answer": "yes"})
    events, messages = run(ActionRiskCheckResolve(), answered, domain)
    assert slot_events(events) == {"safety_next": "check"} and messages == []
