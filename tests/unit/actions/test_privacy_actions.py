"""The chat's data controls, run for real against a throwaway SQLite store."""
import pytest

from actions.privacy import ActionConfirmErase, ActionEraseMyData, ActionExportMyData, ValidatePairingForm
from bot.store import repository
from bot.store.testing import new_database, pointed_at
from bot.store.views import Role

SENDER = "chat-person-1"


@pytest.fixture
def store(tmp_path):
    with new_database("sqlite", tmp_path) as url, pointed_at(url, tmp_path):
        admin = repository.bootstrap_admin("admin", "a-long-admin-password")
        therapist = repository.create_person(admin, Role.THERAPIST, "Dr Rivera", "rivera", "a-long-password-1")
        yield therapist


def slots(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def pairing(tracker_factory, text, consent=True):
    return tracker_factory(text, "nlu_fallback", active_loop="pairing_form", requested_slot="pairing_code",
                           slots={"consent_given": consent}, extracted={"pairing_code": text})


def test_a_wrong_code_is_asked_again_and_the_right_one_links(store, tracker_factory, run, domain):
    code = repository.issue_pairing_code(store).code
    repository.record_consent(SENDER, True)
    tracker = pairing(tracker_factory, "ZZZZ-9999")
    tracker.sender_id = SENDER
    events, messages = run(ValidatePairingForm(), tracker, domain)
    assert slots(events)["pairing_code"] is None and "couldn't find that code" in messages[0]["text"]
    tracker = pairing(tracker_factory, code)
    tracker.sender_id = SENDER
    events, messages = run(ValidatePairingForm(), tracker, domain)
    assert slots(events)["pairing_code"] == "linked"  # the outcome, never the code
    assert "Dr Rivera" in messages[0]["text"]
    assert [p.display_name for p in repository.list_people(store)]  # the therapist now sees the client


def test_no_link_without_consent(store, tracker_factory, run, domain):
    code = repository.issue_pairing_code(store).code
    tracker = pairing(tracker_factory, code, consent=False)
    events, messages = run(ValidatePairingForm(), tracker, domain)
    assert slots(events)["pairing_code"] == "no_consent"
    assert repository.list_people(store) == []


def test_export_and_erase_from_the_chat(store, tracker_factory, run, domain):
    tracker = tracker_factory("export my data", "export_data")
    events, messages = run(ActionExportMyData(), tracker, domain)
    assert "isn't keeping anything" in messages[0]["text"]
    repository.record_consent(tracker.sender_id, True)
    events, messages = run(ActionExportMyData(), tracker, domain)
    assert messages[-1]["custom"]["attune_export"]["consent"]
    events, messages = run(ActionConfirmErase(), tracker, domain)
    assert slots(events) == {"pending_offer": "erase"} and messages[0]["buttons"]
    events, messages = run(ActionEraseMyData(), tracker, domain)
    assert "has been erased" in messages[0]["text"]
    assert slots(events)["consent_given"] is None and slots(events)["onboarded"] is False
    assert repository.export_person_data(tracker.sender_id)["person"] is None
