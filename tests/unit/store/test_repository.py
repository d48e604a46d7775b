"""The repository API on SQLite and PostgreSQL: sign-in, pairing, authorisation, audit, notes, risk."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.store import db
from bot.store import repository as repo
from bot.store.models import AuditRow, PairingCodeRow, utcnow
from bot.store.testing import bot, record_events, session_start, slot, user
from bot.store.views import Role, SessionFilter, Speaker

PASSWORD = "correct horse battery"


@pytest.fixture
def world(store_url):
    """An admin, two therapists, a supervisor; client A linked to therapist 1, client B to
    therapist 2, a trainee linked to the supervisor; each has one consented session (the trainee's is
    simulated practice, the only kind of a trainee's session a supervisor reads)."""
    admin = repo.bootstrap_admin("admin", PASSWORD)
    t1 = repo.create_person(admin, Role.THERAPIST, "Dr One", "one", PASSWORD)
    t2 = repo.create_person(admin, Role.THERAPIST, "Dr Two", "two", PASSWORD)
    sup = repo.create_person(admin, Role.SUPERVISOR, "Sue Pervisor", "sue", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(t1).code, "chat-a").ok
    assert repo.redeem_pairing_code(repo.issue_pairing_code(t2).code, "chat-b").ok
    assert repo.redeem_pairing_code(repo.issue_pairing_code(sup).code, "chat-t").ok
    for sender, words, exercise in (("chat-a", "my brother shouted", "mentalizing"),
                                    ("chat-b", "my boss ignored me", "mentalizing"),
                                    ("chat-t", "practice reply", "trainee")):
        record_events(sender, [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                               slot("exercise", exercise), user(words, attune_risk={"flagged": True, "category": "self_harm",
                                                        "level": "high", "evidence": []}),
                               bot("Thank you for telling me.")])
    people = {p.display_name: p for p in repo.list_people(admin)}
    client_a = next(p for p in repo.list_people(t1))
    client_b = next(p for p in repo.list_people(t2))
    trainee = next(p for p in repo.list_people(sup))
    return dict(admin=admin, t1=t1, t2=t2, sup=sup, a=client_a, b=client_b, trainee=trainee, people=people)


def _audit(action: str | None = None) -> list[AuditRow]:
    with db.unit_of_work() as session:
        query = sa.select(AuditRow).order_by(AuditRow.id)
        if action:
            query = query.where(AuditRow.action == action)
        return list(session.execute(query).scalars())


def test_sign_in_with_password_and_token(world):
    assert repo.authenticate("one", PASSWORD).id == world["t1"].id
    assert repo.authenticate("one", "wrong password!") is None
    assert repo.authenticate("nobody", PASSWORD) is None
    assert repo.authenticate("", "") is None
    token = repo.issue_token(world["t1"])
    assert repo.authenticate_token(token).id == world["t1"].id
    repo.revoke_token(world["t1"], token)
    assert repo.authenticate_token(token) is None
    assert len(_audit("sign_in_failed")) >= 3


def test_passwords_are_bcrypt_hashed_and_checked(world):
    with db.unit_of_work() as session:
        stored = session.execute(sa.text("SELECT password_hash FROM people WHERE username='one'")).scalar()
    assert stored.startswith("$2") and PASSWORD not in stored
    with pytest.raises(repo.InvalidInput):
        repo.create_person(world["admin"], Role.THERAPIST, "Short", "short", "abc")
    with pytest.raises(repo.InvalidInput):
        repo.create_person(world["admin"], Role.THERAPIST, "No password", "nopw")
    with pytest.raises(repo.InvalidInput):
        repo.create_person(world["admin"], Role.THERAPIST, "Taken", "one", PASSWORD)


def test_only_one_bootstrap_admin_and_only_admins_create_people(world):
    with pytest.raises(repo.AccessDenied):
        repo.bootstrap_admin("admin2", PASSWORD)
    with pytest.raises(repo.AccessDenied):
        repo.create_person(world["t1"], Role.THERAPIST, "Sneaky", "sneaky", PASSWORD)


def test_deactivated_people_cannot_sign_in_or_act(world):
    token = repo.issue_token(world["t1"])
    repo.deactivate_person(world["admin"], world["t1"].id)
    assert repo.authenticate("one", PASSWORD) is None
    assert repo.authenticate_token(token) is None
    with pytest.raises(repo.AccessDenied):
        repo.list_conversations(world["t1"])


def test_pairing_codes_are_single_use_expiring_and_validated(world):
    code = repo.issue_pairing_code(world["t1"])
    assert len(code.code) == 9 and code.code[4] == "-"
    first = repo.redeem_pairing_code(code.code.lower().replace("-", " "), "chat-new")
    assert first.ok and first.reason == "linked" and first.issuer_name == "Dr One"
    assert repo.redeem_pairing_code(code.code, "chat-other").reason == "used"
    short = repo.issue_pairing_code(world["t1"], ttl=timedelta(minutes=1))
    with db.unit_of_work() as session:
        session.execute(sa.update(PairingCodeRow).values(expires_at=utcnow() - timedelta(seconds=1))
                        .where(PairingCodeRow.redeemed_at.is_(None)))
    assert repo.redeem_pairing_code(short.code, "chat-late").reason == "expired"
    for bad in ["", "🙂🙂🙂", "x" * 10_000, "<script>alert(1)</script>", "ABCD-EFG\x00", "ÄÖÜÄ-ÖÜÄÖ", None]:
        assert repo.redeem_pairing_code(bad, "chat-bad") == repo.PairingResult(ok=False, reason="invalid_input")
    with pytest.raises(repo.AccessDenied):
        repo.issue_pairing_code(world["a"])
    with pytest.raises(repo.InvalidInput):
        repo.issue_pairing_code(world["t1"], ttl=timedelta(days=365))
    linked = {p.id for p in repo.list_people(world["t1"])}
    assert len(linked) == 2  # client A and the new chat's person


def test_pairing_guesses_are_rate_limited(world):
    for _ in range(repo.MAX_FAILED_PAIRINGS_PER_HOUR):
        assert repo.redeem_pairing_code("ABCD-EFGH", "chat-guess").reason == "unknown_code"
    real = repo.issue_pairing_code(world["t1"])
    assert repo.redeem_pairing_code(real.code, "chat-guess").reason == "too_many_attempts"
    assert repo.redeem_pairing_code(real.code, "chat-honest").ok


def test_supervisor_code_makes_a_trainee(world):
    assert world["trainee"].role is Role.TRAINEE
    assert world["a"].role is Role.CLIENT
    # A client already linked to a therapist cannot become someone's trainee by typing a code.
    result = repo.redeem_pairing_code(repo.issue_pairing_code(world["sup"]).code, "chat-a")
    assert not result.ok and result.reason == "wrong_role"


def test_therapist_reviews_only_linked_clients(world):
    t1, a, b = world["t1"], world["a"], world["b"]
    sessions = repo.list_conversations(t1)
    assert [s.person_id for s in sessions] == [a.id]
    transcript = repo.get_transcript(t1, sessions[0].id)
    assert [t.speaker for t in transcript.turns] == [Speaker.USER, Speaker.USER, Speaker.BOT]
    assert [t.text for t in transcript.turns] == ["yes", "my brother shouted", "Thank you for telling me."]
    assert [t.exercise for t in transcript.turns] == [None, "mentalizing", "mentalizing"]
    assert transcript.consent is not None and transcript.consent.active
    b_session = repo.list_conversations(world["t2"])[0]
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(t1, b_session.id)
    with pytest.raises(repo.AccessDenied):
        repo.list_conversations(t1, SessionFilter(person_id=b.id))
    with pytest.raises(repo.AccessDenied):
        repo.person_history(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.get_person(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.add_note(t1, repo.get_transcript(world["t2"], b_session.id).turns[0].id, "not mine")
    with pytest.raises(repo.AccessDenied):
        repo.list_risk_events(t1, person_id=b.id)
    b_risk = repo.list_risk_events(world["t2"])[0]
    with pytest.raises(repo.AccessDenied):
        repo.acknowledge_risk_event(t1, b_risk.id)
    with pytest.raises(repo.AccessDenied):
        repo.consent_history(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.unlink(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.export_person(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.erase_person_by(t1, b.id)
    with pytest.raises(repo.AccessDenied):
        repo.audit_log(t1, actor_id=world["t2"].id)
    with pytest.raises(repo.AccessDenied):
        repo.set_password(t1, world["t2"].id, PASSWORD)
    with pytest.raises(repo.AccessDenied):
        repo.issue_token(t1, world["t2"].id)
    assert len(_audit("denied")) == 14  # one per refused call above
    assert [r.id for r in repo.list_risk_events(t1)] != [b_risk.id]


def test_supervisor_sees_trainees_not_clients_and_admin_reads_no_transcripts(world):
    sup, admin = world["sup"], world["admin"]
    assert [s.person_id for s in repo.list_conversations(sup)] == [world["trainee"].id]
    a_session = repo.list_conversations(world["t1"])[0]
    for actor in (sup, admin, world["b"], world["trainee"]):
        with pytest.raises(repo.AccessDenied):
            repo.get_transcript(actor, a_session.id)
    assert repo.list_conversations(admin) == []
    with pytest.raises(repo.AccessDenied):
        repo.list_risk_events(admin)
    with pytest.raises(repo.AccessDenied):
        repo.list_risk_events(world["a"])


def test_people_see_their_own_sessions(world):
    a = world["a"]
    own = repo.list_conversations(a)
    assert [s.person_id for s in own] == [a.id]
    assert repo.get_transcript(a, own[0].id).turns[1].text == "my brother shouted"
    assert [p.id for p in repo.list_people(a)] == [a.id]


def test_forged_actor_gets_nothing(world):
    from dataclasses import replace

    forged = replace(world["a"], role=Role.ADMIN)
    with pytest.raises(repo.AccessDenied):
        repo.create_person(forged, Role.ADMIN, "Evil", "evil", PASSWORD)
    ghost = replace(world["t1"], id=999_999)
    with pytest.raises(repo.AccessDenied):
        repo.list_conversations(ghost)


def test_every_read_leaves_an_audit_row(world):
    t1, a = world["t1"], world["a"]
    conversation = repo.list_conversations(t1)[0]
    before = len(_audit())
    reads = [
        lambda: repo.list_conversations(t1),
        lambda: repo.get_transcript(t1, conversation.id),
        lambda: repo.get_transcript(t1, conversation.id, purpose="export"),
        lambda: repo.person_history(t1, a.id),
        lambda: repo.get_person(t1, a.id),
        lambda: repo.list_people(t1),
        lambda: repo.list_risk_events(t1),
        lambda: repo.consent_history(t1, a.id),
        lambda: repo.audit_log(t1),
        lambda: repo.export_person(a, a.id),
        lambda: repo.export_person_data("chat-a"),
    ]
    for n, read in enumerate(reads, start=1):
        read()
        assert len(_audit()) == before + n
    rows = _audit()[before:]
    assert {r.action for r in rows} >= {"list", "view", "export"}
    assert all(r.actor_id == t1.id for r in rows[:9])
    views = [r for r in rows if r.target_type == "conversation" and r.target_id == conversation.id]
    assert [r.action for r in views] == ["view", "export"]


def test_notes_and_risk_acknowledgement(world):
    t1 = world["t1"]
    conversation = repo.list_conversations(t1)[0]
    turn = repo.get_transcript(t1, conversation.id).turns[1]
    note = repo.add_note(t1, turn.id, "  Notice the =SUM(A1) <b>bold</b> move\x07  ")
    assert note.text == "Notice the =SUM(A1) <b>bold</b> move" and note.author_name == "Dr One"
    for bad in ["", "   ", "\x00\x01", "x" * 10_001]:
        with pytest.raises(repo.InvalidInput):
            repo.add_note(t1, turn.id, bad)
    again = repo.get_transcript(t1, conversation.id).turns[1]
    assert [n.text for n in again.notes] == [note.text]
    with pytest.raises(repo.AccessDenied):
        repo.add_note(world["a"], turn.id, "clients do not annotate")
    events = repo.list_risk_events(t1, unacknowledged_only=True)
    assert len(events) == 1 and events[0].category == "self_harm" and events[0].turn_id == turn.id
    acked = repo.acknowledge_risk_event(t1, events[0].id, "Called the client; safe.")
    assert acked.acknowledged and acked.acknowledged_by_name == "Dr One"
    assert repo.list_risk_events(t1, unacknowledged_only=True) == []
    assert repo.list_conversations(t1, SessionFilter(flagged_only=True))[0].unacknowledged_risk_count == 0


def test_session_filters(world):
    t1 = world["t1"]
    record_events("chat-a", [*session_start(), slot("exercise", "repair"), user("sorry I snapped"),
                             bot("What might she have felt?")])
    everything = repo.list_conversations(t1)
    assert len(everything) == 2 and everything[0].exercises == ("repair",)
    assert [s.exercises for s in repo.list_conversations(t1, SessionFilter(exercise="mentalizing"))] == [("mentalizing",)]
    assert len(repo.list_conversations(t1, SessionFilter(flagged_only=True))) == 1
    future = utcnow() + timedelta(days=1)
    assert repo.list_conversations(t1, SessionFilter(since=future)) == []
    assert len(repo.list_conversations(t1, SessionFilter(until=future))) == 2


def test_unlink_ends_access(world):
    a_session = repo.list_conversations(world["t1"])[0]
    repo.unlink(world["t1"], world["a"].id)
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(world["t1"], a_session.id)


def test_audit_log_is_admins_and_holds_no_text(world):
    entries = repo.audit_log(world["admin"], limit=1000)
    assert entries[0].at >= entries[-1].at
    assert {"pair", "create_person", "give_consent"} <= {e.action for e in entries}
    dumped = repr([e.to_dict() for e in entries])
    assert "brother" not in dumped and "chat-a" not in dumped
    own = repo.audit_log(world["t1"])
    assert {e.actor_id for e in own} == {world["t1"].id}


def test_chat_functions_give_clear_answers_to_bad_input(world):
    for bad in [None, "", "   ", "x" * 10_000]:
        with pytest.raises(repo.InvalidInput):
            repo.record_consent(bad, True)
        assert repo.erase_person(bad) in (False,)
        assert repo.export_person_data(bad)["person"] is None
        assert not repo.redeem_pairing_code("ABCD-EFGH", bad).ok


def test_record_consent_outside_the_dialogue(world):
    record = repo.record_consent("chat-new", True, notice_version="2")
    assert record.given and record.notice_version == "2"
    assert repo.record_consent("chat-new", True).id == record.id  # consent in force is not duplicated
    withdrawn = repo.record_consent("chat-a", False)
    assert withdrawn.withdrawn_at is not None
    assert repo.list_conversations(world["t1"]) == []
    assert repo.record_consent("never-seen", False) is None  # nothing stored for a stranger's "no"


def test_person_export_holds_everything_about_them(world):
    data = repo.export_person_data("chat-a")
    assert data["person"]["id"] == world["a"].id and data["chat_ids"] == ["chat-a"]
    assert data["links"] == [{"kind": "therapist_client", "carer": "Dr One", "person": world["a"].display_name,
                              "since": data["links"][0]["since"]}]
    assert [c["given"] for c in data["consent"]] == [True]
    [conversation] = data["conversations"]
    assert [t["text"] for t in conversation["turns"]] == ["yes", "my brother shouted", "Thank you for telling me."]
    assert conversation["turns"][1]["risk_events"][0]["category"] == "self_harm"
    import json
    json.dumps(data)  # JSON-ready
    assert repo.export_person(world["admin"], world["a"].id)["conversations"] == data["conversations"]
    with pytest.raises(repo.AccessDenied):
        repo.export_person(world["t1"], world["a"].id)  # a therapist reviews; the data is the client's


def test_erasure_by_admin_on_request(world):
    repo.erase_person_by(world["admin"], world["a"].id)
    assert repo.list_conversations(world["t1"]) == [] and repo.list_people(world["t1"]) == []
    with pytest.raises(repo.NotFound):
        repo.get_person(world["admin"], world["a"].id)
    erasures = [e for e in repo.audit_log(world["admin"]) if e.action == "erase"]
    assert [(e.actor_id, e.target_id) for e in erasures] == [(world["admin"].id, world["a"].id)]


def test_carers_can_rename_their_people_and_no_one_else(world):
    assert world["a"].display_name.startswith("Client ")
    renamed = repo.rename_person(world["t1"], world["a"].id, "  A. B.  ")
    assert renamed.display_name == "A. B." and repo.get_person(world["t1"], world["a"].id).display_name == "A. B."
    for bad in ["", "\x00", "x" * 201]:
        with pytest.raises(repo.InvalidInput):
            repo.rename_person(world["t1"], world["a"].id, bad)
    with pytest.raises(repo.AccessDenied):
        repo.rename_person(world["t2"], world["a"].id, "Not yours")
    with pytest.raises(repo.AccessDenied):
        repo.rename_person(world["b"], world["a"].id, "Not yours")


def test_account_management_is_refused_across_people(world):
    token = repo.issue_token(world["t2"])
    with pytest.raises(repo.AccessDenied):
        repo.revoke_token(world["t1"], token)
    assert repo.authenticate_token(token).id == world["t2"].id
    for actor in (world["t1"], world["sup"], world["a"]):
        with pytest.raises(repo.AccessDenied):
            repo.deactivate_person(actor, world["t2"].id)
    with pytest.raises(repo.AccessDenied):
        repo.unlink(world["sup"], world["a"].id)
    with pytest.raises(repo.AccessDenied):
        repo.audit_log(world["a"], actor_id=world["admin"].id)
    with pytest.raises(repo.AccessDenied):
        repo.record_audit(replace_id(world["a"], 999_999), "export_file", "conversation", 1)
    assert repo.authenticate("two", PASSWORD).id == world["t2"].id


def replace_id(person, new_id):
    from dataclasses import replace

    return replace(person, id=new_id)
