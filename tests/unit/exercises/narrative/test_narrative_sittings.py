"""The narrative retelling with the real store: who may start it, progress kept between sittings
(without answer texts), past harm told during it, and stopping for today on a high rating."""
from __future__ import annotations

import json
import random

import pytest
import sqlalchemy as sa

from bot.exercises.narrative.declaration import CONSENT_PATH, INTERVIEW_PATH, NAME
from bot.exercises.narrative.library import step_ids, words
from bot.exercises.registry import exercise
from bot.store import db, exercise_access
from bot.store import repository as repo
from bot.store.models import AuditRow, ExerciseProgress
from bot.store.testing import record_events, session_start, slot, user
from bot.store.views import Role

PASSWORD = "correct horse battery"
SENDER = "chat-narrative"


@pytest.fixture
def clinic(store_url):
    """A therapist linked to a consenting client, and a second therapist who is not linked."""
    admin = repo.bootstrap_admin("admin", PASSWORD)
    linked = repo.create_person(admin, Role.THERAPIST, "Dr Linked", "linked", PASSWORD)
    other = repo.create_person(admin, Role.THERAPIST, "Dr Other", "other", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(linked).code, SENDER).ok
    repo.record_consent(SENDER, True)
    client = next(iter(repo.list_people(linked)))
    return dict(linked=linked, other=other, client=client)


def _admit(path: str = INTERVIEW_PATH, profile=None):
    return exercise(NAME).admit(SENDER, path, profile)


def test_refused_kindly_until_the_linked_therapist_enables_it_then_consent_specific_to_it(clinic):
    refused = _admit()
    assert not refused.allowed and refused.messages == words().refusal_not_enabled[:1]
    with pytest.raises(repo.AccessDenied):
        exercise_access.set_enabled(clinic["other"], clinic["client"].id, NAME)  # not their client
    assert not _admit().allowed
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    asked = _admit()
    assert not asked.allowed and asked.messages == words().refusal_needs_consent[:1]
    admitted = _admit(CONSENT_PATH)
    assert admitted.allowed and admitted.profile["person_id"] == clinic["client"].id
    assert _admit().allowed  # the consent holds for the next sitting
    with db.unit_of_work() as session:
        actions = [row.action for row in session.execute(sa.select(AuditRow)).scalars()]
    assert "enable_exercise" in actions and "give_exercise_consent" in actions
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME, enabled=False)
    assert not _admit().allowed


def test_unlinking_the_therapist_closes_it_again(clinic):
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    assert _admit(CONSENT_PATH).allowed
    repo.unlink(clinic["linked"], clinic["client"].id)
    assert not _admit().allowed


def test_withdrawing_the_general_consent_withdraws_this_one_too(clinic):
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    assert _admit(CONSENT_PATH).allowed
    repo.record_consent(SENDER, False)
    assert not _admit().allowed


def _answer(state, text, rng):
    engine = exercise(NAME)
    asked = engine.ask(state, rng)
    return asked, engine.answer(asked.state, text, rng, question=asked.question or "")


def test_a_second_sitting_goes_on_where_the_first_stopped_with_safety_first(clinic):
    engine, rng = exercise(NAME), random.Random(5)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    first = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng)
    _, reply = _answer(first.state, "my nan", rng)
    _, reply = _answer(reply.state, "warm, strict, funny, busy, tired", rng)
    _, reply = _answer(reply.state, "One time she took me to the sea and we laughed at the gulls.", rng)
    _, reply = _answer(reply.state, "8", rng)  # the rating offered after a memory: stop for today
    assert reply.finished and reply.annotation.scores == {"narrative_suds": 8.0}
    closing = engine.close(reply.state, [], None, rng)
    assert closing.messages[-1] in [t.format(caregiver="your nan") for t in words().containment]
    assert any(m in words().stop_for_today for m in closing.messages)
    with db.unit_of_work() as session:
        kept = session.execute(sa.select(ExerciseProgress)).scalar_one().data
    assert kept == {"step": "memory_2", "caregiver": "your nan", "harmed": False, "memory": None, "suds": [8.0]}
    assert "gulls" not in json.dumps(kept) and "strict" not in json.dumps(kept)

    second = engine.start(INTERVIEW_PATH, _admit().profile, rng)  # a new conversation
    assert second.messages == [words().welcome_back[0].format(caregiver="your nan")]
    assert "'stop'" in second.messages[0]
    asked = engine.ask(second.state, rng)
    assert asked.step == "memory_2" and "your nan" not in asked.messages[0]


def test_past_harm_told_during_it_makes_their_side_optional(clinic):
    engine, rng = exercise(NAME), random.Random(6)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    state = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng).state
    _, reply = _answer(state, "my dad", rng)
    # The safety rules take the disclosure (it never reaches the exercise); the store keeps the event.
    record_events(SENDER, [*session_start(), slot("exercise", NAME), slot("exercise_step", "five_words"),
                           user("he used to beat me when he was drunk", "risk_past"),
                           slot("risk_event", {"kind": "past", "category": "abuse_or_danger", "level": "concern",
                                               "evidence": []})])
    state = reply.state
    for _step in step_ids()[1:step_ids().index("why_acted")]:
        state = engine.skip(state, rng).state
    asked = engine.ask(state, rng)
    assert asked.step == "why_acted" and "Understanding is not excusing" in asked.messages[0]
    assert "optional" in asked.messages[0]
    declined = engine.answer(asked.state, "I don't want to see it from their side.", rng)
    assert declined.messages == words().not_their_side[:1] and declined.annotation.result["declined_their_side"]
    with db.unit_of_work() as session:
        assert session.execute(sa.select(ExerciseProgress)).scalar_one().data["harmed"] is True


def test_without_harm_told_the_question_is_the_ordinary_one(clinic):
    engine, rng = exercise(NAME), random.Random(7)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    state = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng).state
    for _ in range(step_ids().index("why_acted")):
        state = engine.skip(state, rng).state
    asked = engine.ask(state, rng)
    assert asked.step == "why_acted" and "excusing" not in asked.messages[0]


def test_finishing_clears_the_progress(clinic):
    engine, rng = exercise(NAME), random.Random(8)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    state = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng).state
    for _ in step_ids()[:-1]:
        state = engine.skip(state, rng).state
    asked = engine.ask(state, rng)
    done = engine.answer(asked.state, "3", rng)
    assert done.finished and done.annotation.scores == {"narrative_suds": 3.0}
    with db.unit_of_work() as session:
        assert session.execute(sa.select(ExerciseProgress)).first() is None
    unnamed = words().unnamed_caregiver
    closing = engine.close(done.state, [], None, rng).messages
    # Nothing was retold (every step skipped), so the ending does not say it was.
    assert closing[0] == words().closing_looked_back[0].format(caregiver=unnamed)
    assert closing[-1] in [t.format(caregiver=unnamed) for t in words().containment]


def test_the_person_s_export_holds_it_and_erasure_removes_it(clinic):
    engine, rng = exercise(NAME), random.Random(9)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    state = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng).state
    engine.answer(engine.ask(state, rng).state, "my nan", rng)
    exported = repo.export_person_data(SENDER)["exercises"]
    assert [e["exercise"] for e in exported["enabled"]] == [NAME] == [c["exercise"] for c in exported["consent"]]
    assert exported["progress"][NAME]["caregiver"] == "your nan"
    assert repo.erase_person(SENDER)
    with db.unit_of_work() as session:
        for model in (ExerciseProgress, exercise_access.ExerciseEnablement, exercise_access.ExerciseConsent):
            assert session.execute(sa.select(model)).first() is None, model.__name__


def _tracker(text: str, intent: str, slots: dict, requested: bool = False):
    from rasa_sdk import Tracker
    from rasa_sdk.events import ActionExecuted, SlotSet, UserUttered

    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    events = [ActionExecuted("action_listen"), UserUttered(text, parse_data=parse)]
    if requested:  # the form's candidate for its answer, as Rasa sends it
        events.append(SlotSet("exercise_answer", text))
    return Tracker(sender_id=SENDER, slots={"onboarded": True, **slots, **({"requested_slot": "exercise_answer",
                                                                            "exercise_answer": text} if requested else {})},
                   latest_message=parse, events=events, paused=False, followup_action=None,
                   active_loop={"name": "exercise_form"} if requested else {}, latest_action_name="action_listen")


def _run(action, tracker):
    import asyncio

    import yaml
    from rasa_sdk.executor import CollectingDispatcher

    with open("domain.yml", encoding="utf-8") as file:
        domain = yaml.safe_load(file)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m.get("text") for m in dispatcher.messages]


def test_the_action_finds_past_harm_off_the_event_loop(clinic):
    """The generic action asks in a worker thread: the store query refuses to run on the event loop
    (bot/exercises/narrative/keeping.py), so asked on the loop the harm would go unnoticed here."""
    from actions.exercise import ActionAskExerciseAnswer

    engine, rng = exercise(NAME), random.Random(9)
    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    state = engine.start(INTERVIEW_PATH, _admit(CONSENT_PATH).profile, rng).state
    _, reply = _answer(state, "my dad", rng)
    record_events(SENDER, [*session_start(), slot("exercise", NAME), slot("exercise_step", "five_words"),
                           user("he used to beat me when he was drunk", "risk_past"),
                           slot("risk_event", {"kind": "past", "category": "abuse_or_danger", "level": "concern",
                                               "evidence": []})])
    state = engine.skip(reply.state, rng).state  # on to the first memory
    slots, said = _run(ActionAskExerciseAnswer(), _tracker("go back to it", "resume",
                                                           {"exercise": NAME, "exercise_state": state}))
    assert said[0] == words().after_harm_choice[0].format(caregiver="your dad")
    assert slots["exercise_state"]["harmed"] is True and slots["exercise_step"] == "memory_1"


def test_starting_at_eight_ends_the_form_with_the_exercises_own_stop(clinic):
    from actions.exercise import ActionAskExerciseAnswer, ActionExerciseStart, ValidateExerciseForm

    exercise_access.set_enabled(clinic["linked"], clinic["client"].id, NAME)
    started, _ = _run(ActionExerciseStart(), _tracker("I agree to the memories exercise", "consent_narrative", {}))
    current = {k: started[k] for k in ("exercise", "exercise_state", "exercise_checkin")}
    asked, _ = _run(ActionAskExerciseAnswer(), _tracker("", "consent_narrative", current))
    current.update(asked)
    assert current["exercise_checkin"] == "offered"
    rated, said = _run(ValidateExerciseForm(), _tracker("8", "nlu_fallback", current, requested=True))
    assert rated["exercise_answer"] == "done" and rated["exercise_checkin"] is None and rated["suds"] == 8.0
    assert rated["turn_annotation"]["result"]["pace"] == "stop" and said == []  # no grounding offer: it stops
    with db.unit_of_work() as session:
        assert session.execute(sa.select(ExerciseProgress)).scalar_one().data["suds"] == [8.0]
