"""The check-in around every registered exercise, through the generic actions, run for real: offered
with the first question, passed by when the person simply answers, grounding one step at a time
from 7 up, support as well at 9-10, and an offer to check in again after the exercise."""
import pytest

from actions.exercise import ActionAskExerciseAnswer, ActionExerciseStart, ValidateExerciseForm
from bot.checkin.around import GROUNDING_STEPS
from bot.exercises.registry import DECLARATIONS
from bot.messages import load_catalogue

STARTS = [(d.name, next(iter(d.starts))) for d in DECLARATIONS]


@pytest.fixture(autouse=True)
def open_to_the_test_person(tmp_path):
    """A real store in which the test person's therapist opened every exercise and the person
    consented (the narrative retelling starts only then: bot/exercises/narrative/keeping.py)."""
    from bot.store import exercise_access, repository
    from bot.store.testing import fresh_database
    from bot.store.views import Role

    with fresh_database("sqlite", tmp_path):
        admin = repository.bootstrap_admin("admin", "correct horse battery")
        therapist = repository.create_person(admin, Role.THERAPIST, "Dr T", "drt", "correct horse battery")
        assert repository.redeem_pairing_code(repository.issue_pairing_code(therapist).code, "test-person").ok
        repository.record_consent("test-person", True)
        client = next(iter(repository.list_people(therapist)))
        for declared in DECLARATIONS:
            exercise_access.set_enabled(therapist, client.id, declared.name)
        with exercise_access.db.unit_of_work() as session:
            for declared in DECLARATIONS:
                exercise_access.give_exercise_consent(session, client.id, declared.name)
        yield


def slots(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def line(key):
    return load_catalogue("checkin")[key][0].text


def started(name, intent, tracker_factory, run, domain):
    events, _ = run(ActionExerciseStart(), tracker_factory("/" + intent, intent, slots={"onboarded": True}), domain)
    values = slots(events)
    assert values["exercise"] == name and values["exercise_checkin"] == "start"
    ask_slots = {k: v for k, v in values.items() if k in ("exercise", "exercise_state", "exercise_checkin")}
    events, messages = run(ActionAskExerciseAnswer(), tracker_factory(slots=ask_slots), domain)
    assert line("offer_before_exercise") in texts(messages)  # with the first question
    return {**ask_slots, **slots(events)}


def reply(current, text, intent, tracker_factory, run, domain):
    tracker = tracker_factory(text, intent, active_loop="exercise_form", requested_slot="exercise_answer",
                              slots=current, extracted={"exercise_answer": text})
    events, messages = run(ValidateExerciseForm(), tracker, domain)
    return {**current, **slots(events)}, slots(events), texts(messages)


@pytest.mark.parametrize("name, intent", STARTS)
def test_answering_the_question_passes_the_checkin_by(name, intent, tracker_factory, run, domain):
    current = started(name, intent, tracker_factory, run, domain)
    assert current["exercise_checkin"] == "offered"
    current, changed, said = reply(current, "I think she was worried and I felt a bit hurt.", "reflect",
                                   tracker_factory, run, domain)
    assert changed["exercise_checkin"] is None and "suds" not in changed
    assert "turn_annotation" in changed  # the exercise got its answer


@pytest.mark.parametrize("name, intent", STARTS)
def test_a_low_rating_is_recorded_and_the_question_stands(name, intent, tracker_factory, run, domain):
    current = started(name, intent, tracker_factory, run, domain)
    current, changed, said = reply(current, "3", "nlu_fallback", tracker_factory, run, domain)
    assert changed["suds"] == 3.0 and changed["exercise_answer"] is None and "turn_annotation" not in changed
    assert said == line("suds_low")
    events, messages = run(ActionAskExerciseAnswer(), tracker_factory(slots=current), domain)
    assert line("offer_before_exercise") not in texts(messages)  # not offered twice
    if name == "mentalizing":
        assert messages  # its question again (others keep their prompt on screen rather than repeat it)


@pytest.mark.parametrize("rating, supported", [("8", False), ("9", True), ("10", True)])
def test_high_distress_gets_grounding_one_step_at_a_time(rating, supported, tracker_factory, run, domain):
    name, intent = STARTS[0]
    current = started(name, intent, tracker_factory, run, domain)
    current, changed, said = reply(current, rating, "nlu_fallback", tracker_factory, run, domain)
    assert (line("suds_very_high") in said) is supported
    assert line("offer_grounding_step_by_step") in said
    current, changed, said = reply(current, "yes", "affirm", tracker_factory, run, domain)
    shown = [said]
    # While grounding, the exercise's question waits.
    _, asked = run(ActionAskExerciseAnswer(), tracker_factory(slots=current), domain)
    assert asked == []
    for _ in GROUNDING_STEPS:
        current, changed, said = reply(current, "ok", "affirm", tracker_factory, run, domain)
        shown.append(said)
    assert shown[:len(GROUNDING_STEPS)] == [line(key) for key in GROUNDING_STEPS]  # one step per reply
    assert shown[-1] == line("grounding_done") and current["exercise_checkin"] is None
    _, asked = run(ActionAskExerciseAnswer(), tracker_factory(slots=current), domain)
    assert asked  # then the exercise goes on


def test_grounding_declined_goes_on_with_the_exercise(tracker_factory, run, domain):
    name, intent = STARTS[0]
    current = started(name, intent, tracker_factory, run, domain)
    current, _, _ = reply(current, "7", "nlu_fallback", tracker_factory, run, domain)
    current, changed, said = reply(current, "no thanks", "deny", tracker_factory, run, domain)
    assert said == line("offer_declined") and current["exercise_checkin"] is None
