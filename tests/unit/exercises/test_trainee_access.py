"""Trainees as a store role, with real trainee practice stored the way the tracker store stores it
(Rasa-shaped events, projected): a supervisor's code makes the chat's person a trainee linked to
them; the trainee reads their own practice sessions, the supervisor their trainees' and never a
client's; the stored session reads back labelled as simulated practice with the supervisor's report.
Runs on SQLite and, when it answers, on PostgreSQL."""
from __future__ import annotations

import random

import pytest

from bot.exercises.trainee.exercise import TraineeExercise
from bot.exercises.trainee.library import client_by_id
from bot.exercises.trainee.state import SessionState
from bot.export.practice import is_simulated, report_sections
from bot.store import repository as repo
from bot.store.testing import bot, make_store_url_fixtures, record_events, session_start, slot, user
from bot.store.views import Role, SessionFilter

store_url, store_templates = make_store_url_fixtures()

PASSWORD = "correct horse battery"
PROMPTS = ["That sounds like a hard time. What has it been like for you?",
           "Are you having thoughts of killing yourself?",
           "You're not thinking of doing anything silly, are you?"]


def practice_events() -> list[dict]:
    """A consented risk-assessment practice session as the dialogue records it: the exercise slot,
    the client's lines (Attune's messages), the trainee's prompts and their annotations."""
    engine, rng = TraineeExercise(), random.Random(3)
    state = SessionState()
    state.meet(client_by_id("ellie_explicit_risk"))
    current = state.to_dict()
    events = [*session_start(), user("yes", "affirm"), slot("consent_given", True), slot("exercise", "trainee")]
    for prompt in PROMPTS:
        asked = engine.ask(current, rng)
        events += [slot("exercise_step", asked.step), *(bot(line) for line in asked.messages), user(prompt, "reflect")]
        reply = engine.answer(asked.state, prompt, rng)
        events += [slot("turn_annotation", reply.annotation.to_dict()), *(bot(line) for line in reply.messages)]
        current = reply.state
    return events


@pytest.fixture
def world(store_url):
    admin = repo.bootstrap_admin("admin", PASSWORD)
    therapist = repo.create_person(admin, Role.THERAPIST, "Dr One", "one", PASSWORD)
    supervisor = repo.create_person(admin, Role.SUPERVISOR, "Sue Pervisor", "sue", PASSWORD)
    assert repo.redeem_pairing_code(repo.issue_pairing_code(therapist).code, "chat-client").ok
    assert repo.redeem_pairing_code(repo.issue_pairing_code(supervisor).code, "chat-trainee").ok
    record_events("chat-client", [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                                  slot("exercise", "mentalizing"), user("my brother shouted at me"), bot("Thank you.")])
    record_events("chat-trainee", practice_events())
    (client,) = repo.list_people(therapist)
    (trainee,) = repo.list_people(supervisor)
    trainee = next(p for p in repo.list_people(admin) if p.id == trainee.id)
    return dict(admin=admin, therapist=therapist, supervisor=supervisor, client=client, trainee=trainee)


def test_a_supervisor_s_code_makes_the_chat_s_person_a_trainee_linked_to_them(world):
    assert world["trainee"].role is Role.TRAINEE and world["client"].role is Role.CLIENT
    # The chat's automatic name follows the role: a trainee is never listed as "Client ...".
    assert world["trainee"].display_name.startswith("Trainee ") and world["client"].display_name.startswith("Client ")
    # Someone already a therapist's client cannot become a trainee by typing a supervisor's code.
    code = repo.issue_pairing_code(world["supervisor"]).code
    assert repo.redeem_pairing_code(code, "chat-client").reason == "wrong_role"


def test_the_supervisor_reads_the_trainee_s_practice_labelled_with_its_report_and_never_a_client_s(world):
    supervisor, trainee, client = world["supervisor"], world["trainee"], world["client"]
    (summary,) = repo.list_conversations(supervisor)
    assert summary.person_id == trainee.id and is_simulated(summary)
    shown = repo.get_transcript(supervisor, summary.id)
    said = [t.text for t in shown.turns if t.speaker.value == "bot" and "(simulated client): " in t.text]
    assert said and all(t.risk_events == () for t in shown.turns)  # the client's words made no risk event
    sections = {s.heading: s.lines for s in report_sections(shown)}
    risk = "\n".join(sections["Risk assessment"])
    assert f'Thoughts of suicide: asked directly at turn_2: "{PROMPTS[1]}"' in risk
    assert f'(leading question about risk): "{PROMPTS[2]}"' in risk
    (client_session,) = repo.list_conversations(world["therapist"])
    assert client_session.person_id == client.id and not is_simulated(client_session)
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(supervisor, client_session.id)
    with pytest.raises(repo.AccessDenied):
        repo.person_history(supervisor, client.id)


def test_the_trainee_reads_their_own_practice_and_no_one_else_s(world):
    trainee = world["trainee"]
    (own,) = repo.list_conversations(trainee)
    assert own.person_id == trainee.id and is_simulated(own)
    assert repo.get_transcript(trainee, own.id).person.id == trainee.id
    (client_session,) = repo.list_conversations(world["therapist"])
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(trainee, client_session.id)
    # The therapist of a client is no supervisor of a trainee: the practice stays out of their view.
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(world["therapist"], own.id)


def test_an_admin_creates_a_trainee_and_links_them_to_a_supervisor_from_the_command_line(world):
    from click.testing import CliRunner

    from bot.review import auth
    from bot.review.cli import cli

    admin, supervisor, therapist = world["admin"], world["supervisor"], world["therapist"]
    runner = CliRunner()

    def attune(actor, *args: object):
        auth.save_token(repo.issue_token(actor))  # signed in as `actor`, as `attune login` leaves it
        return runner.invoke(cli, [str(a) for a in args], env={"NO_COLOR": "1"}, catch_exceptions=False)

    made = attune(admin, "admin", "create-person", "--role", "trainee", "--name", "New Trainee")
    assert made.exit_code == 0, made.output
    trainee = next(p for p in repo.list_people(admin) if p.display_name == "New Trainee")
    assert trainee.role is Role.TRAINEE
    assert attune(admin, "admin", "link", supervisor.id, trainee.id).exit_code == 0
    assert trainee.id in {p.id for p in repo.list_people(supervisor)}
    # Roles must fit: a supervisor is never linked to a client, a therapist never to a trainee.
    assert attune(admin, "admin", "link", supervisor.id, world["client"].id).exit_code != 0
    assert attune(admin, "admin", "link", therapist.id, trainee.id).exit_code != 0
    assert world["client"].id not in {p.id for p in repo.list_people(supervisor)}
    # Only an admin links.
    assert attune(supervisor, "admin", "link", supervisor.id, trainee.id).exit_code != 0
    with pytest.raises(repo.AccessDenied):
        repo.link_by_admin(supervisor, supervisor.id, trainee.id)


# A supervisor oversees simulated practice, not the trainee as a person (bot/store/access.py,
# read_scope): the trainee's own sessions stay theirs, whatever the supervisor uses to read.
OWN_WORDS = "When my partner went quiet I was sure she was angry with me."
OWN_RISK = "Some nights I think about hurting myself."
PRACTICE_RISK = "honestly I want to die, I can't do this job"
RISK = {"flagged": True, "category": "self_harm", "level": "high", "evidence": []}


def own_session_events() -> list[dict]:
    """The trainee practising mentalizing for themself (a SUDS rating, charted) with a risk the NLU flagged."""
    return [*session_start(), user("hi", "greet"), bot("Hello."), slot("exercise", "mentalizing"),
            user(OWN_WORDS), slot("suds", 7.0), bot("Thank you."), user(OWN_RISK, attune_risk=RISK), bot("I'm glad you told me.")]


def practice_disclosure_events() -> list[dict]:
    """A practice session in which the trainee's own disclosure was flagged (it is theirs, in practice)."""
    return [*session_start(), slot("exercise", "trainee"), bot("Ellie (simulated client): I don't know."),
            user(PRACTICE_RISK, attune_risk=RISK), bot("Let's pause what we were doing.")]


def _audit_rows(actor_id: int, action: str) -> list:
    import sqlalchemy as sa

    from bot.store import db
    from bot.store.models import AuditRow

    with db.unit_of_work() as session:
        return list(session.execute(sa.select(AuditRow).where(AuditRow.actor_id == actor_id, AuditRow.action == action)
                                    .order_by(AuditRow.id)).scalars())


@pytest.fixture
def mixed(world):
    """The trainee also has a session of their own (mentalizing, a risk flagged) and a practice
    session with a flagged disclosure; ids of each."""
    record_events("chat-trainee", own_session_events())
    record_events("chat-trainee", practice_disclosure_events())
    sessions = repo.list_conversations(world["trainee"])  # the trainee reads all three, newest first
    assert [is_simulated(s) for s in sessions] == [True, False, True]
    disclosure, own, practice = (s.id for s in sessions)
    return dict(world, own=own, practice=practice, disclosure=disclosure)


def test_the_supervisor_lists_and_reads_practice_only_never_the_trainee_s_own_session(mixed):
    supervisor, trainee, own = mixed["supervisor"], mixed["trainee"], mixed["own"]
    practice = {mixed["practice"], mixed["disclosure"]}
    assert {s.id for s in repo.list_conversations(supervisor)} == practice
    assert {s.id for s in repo.list_conversations(supervisor, SessionFilter(person_id=trainee.id))} == practice
    assert {s.id for s in repo.list_conversations(supervisor, SessionFilter(exercise="mentalizing"))} == set()
    for purpose in ("view", "export"):
        with pytest.raises(repo.AccessDenied):
            repo.get_transcript(supervisor, own, purpose=purpose)
    history = repo.person_history(supervisor, trainee.id)
    assert {t.conversation.id for t in history} == practice
    assert OWN_WORDS not in {t.text for h in history for t in h.turns}
    own_turn = next(t for t in repo.get_transcript(trainee, own).turns if t.text == OWN_WORDS)
    with pytest.raises(repo.AccessDenied):
        repo.add_note(supervisor, own_turn.id, "not yours to note")
    # The trainee still reads everything of their own.
    assert {t.conversation.id for t in repo.person_history(trainee, trainee.id)} == practice | {own}


def test_the_supervisor_sees_risk_only_from_practice_sessions(mixed):
    supervisor, trainee = mixed["supervisor"], mixed["trainee"]
    own_risk = next(r for t in repo.get_transcript(trainee, mixed["own"]).turns for r in t.risk_events)
    listed = repo.list_risk_events(supervisor)
    assert [r.conversation_id for r in listed] == [mixed["disclosure"]]
    assert [r.conversation_id for r in repo.list_risk_events(supervisor, True, trainee.id)] == [mixed["disclosure"]]
    with pytest.raises(repo.AccessDenied):
        repo.acknowledge_risk_event(supervisor, own_risk.id)
    assert repo.acknowledge_risk_event(supervisor, listed[0].id).acknowledged
    (summary,) = [s for s in repo.list_conversations(supervisor) if s.id == mixed["disclosure"]]
    assert summary.risk_event_count == 1


def test_exports_and_charts_follow_the_same_rule(mixed, tmp_path):
    from click.testing import CliRunner

    from bot.export import render
    from bot.export.charts import progress_chart
    from bot.review import auth
    from bot.review.cli import cli

    supervisor, trainee = mixed["supervisor"], mixed["trainee"]
    history = repo.person_history(supervisor, trainee.id, purpose="export")
    for fmt in ("md", "csv", "json"):
        exported = render(history, fmt).decode("utf-8")
        assert PROMPTS[1] in exported and OWN_WORDS not in exported and OWN_RISK not in exported, fmt
    # The chart of what a supervisor may read is the chart of the practice alone.
    practice_only = [repo.get_transcript(trainee, i) for i in sorted((mixed["practice"], mixed["disclosure"]))]
    assert progress_chart(history) == progress_chart(practice_only)
    assert progress_chart(history) != progress_chart(repo.person_history(trainee, trainee.id))

    auth.save_token(repo.issue_token(supervisor))
    out = tmp_path / "trainee.md"
    made = CliRunner().invoke(cli, ["export", "--person", str(trainee.id), "--format", "md", "--out", str(out)],
                              env={"NO_COLOR": "1"}, catch_exceptions=False)
    assert made.exit_code == 0, made.output
    assert PROMPTS[1] in out.read_text() and OWN_WORDS not in out.read_text()
    refused = CliRunner().invoke(cli, ["export", str(mixed["own"]), "--format", "md", "--out", str(tmp_path / "x.md")],
                                 env={"NO_COLOR": "1"})
    assert refused.exit_code != 0 and not (tmp_path / "x.md").exists()


def test_every_read_is_audited_and_every_refusal_too(mixed):
    supervisor, trainee, own = mixed["supervisor"], mixed["trainee"], mixed["own"]
    repo.list_conversations(supervisor)
    repo.person_history(supervisor, trainee.id, purpose="export")
    repo.list_risk_events(supervisor)
    with pytest.raises(repo.AccessDenied):
        repo.get_transcript(supervisor, own)
    listed = _audit_rows(supervisor.id, "list")
    assert [(r.target_type, r.detail.get("count")) for r in listed][-2:] == [("conversation", 2), ("risk_event", 1)]
    (export,) = _audit_rows(supervisor.id, "export")
    assert export.target_id == trainee.id
    assert sorted(export.detail["conversations"]) == sorted([mixed["practice"], mixed["disclosure"]])
    denied = _audit_rows(supervisor.id, "denied")
    assert [(r.target_type, r.target_id, r.detail["attempted"]) for r in denied] == [("conversation", own, "view")]


def test_a_therapist_still_reads_everything_of_a_linked_client(world):
    therapist, client = world["therapist"], world["client"]
    # A client's session in which a simulated exercise ran is theirs too: the therapist reads both kinds.
    record_events("chat-client", [*session_start(), slot("exercise", "trainee"), user(PROMPTS[0]),
                                  slot("exercise", "mentalizing"), user(OWN_RISK, attune_risk=RISK)])
    sessions = repo.list_conversations(therapist)
    assert len(sessions) == 2 and sorted(is_simulated(s) for s in sessions) == [False, True]
    assert len(repo.person_history(therapist, client.id)) == 2
    assert all(repo.get_transcript(therapist, s.id).turns for s in sessions)
    assert [r.person_id for r in repo.list_risk_events(therapist)] == [client.id]


def test_a_person_who_becomes_a_trainee_keeps_their_earlier_sessions_from_the_supervisor(world):
    supervisor = world["supervisor"]
    record_events("chat-newcomer", [*session_start(), user("yes", "affirm"), slot("consent_given", True),
                                    slot("exercise", "mentalizing"), user(OWN_WORDS), user(OWN_RISK, attune_risk=RISK)])
    assert repo.redeem_pairing_code(repo.issue_pairing_code(supervisor).code, "chat-newcomer").ok
    record_events("chat-newcomer", practice_events())
    newcomer = next(p for p in repo.list_people(supervisor) if p.id != world["trainee"].id)
    assert newcomer.role is Role.TRAINEE
    seen = repo.person_history(supervisor, newcomer.id)
    assert len(seen) == 1 and is_simulated(seen[0].conversation)
    assert OWN_WORDS not in {t.text for h in seen for t in h.turns}
    assert all(r.person_id != newcomer.id for r in repo.list_risk_events(supervisor))
    assert len(repo.list_conversations(newcomer)) == 2  # their own reading is unchanged


def test_redeeming_a_supervisor_s_code_says_they_will_see_simulated_practice_only(world):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.privacy import ValidatePairingForm

    def typed(code: str, sender: str) -> str:
        tracker = Tracker(sender_id=sender, slots={"consent_given": True, "requested_slot": "pairing_code"},
                          latest_message={"text": code, "intent": {"name": "nlu_fallback"}}, events=[], paused=False,
                          followup_action=None, active_loop={"name": "pairing_form"}, latest_action_name="action_listen")
        dispatcher = CollectingDispatcher()
        ValidatePairingForm().validate_pairing_code(code, dispatcher, tracker, {})
        return " ".join(m["text"] for m in dispatcher.messages)

    repo.record_consent("chat-new-trainee", True)
    said = typed(repo.issue_pairing_code(world["supervisor"]).code, "chat-new-trainee")
    assert "Sue Pervisor" in said and "simulated practice sessions only" in said and "never your other" in said
    repo.record_consent("chat-new-client", True)
    said = typed(repo.issue_pairing_code(world["therapist"]).code, "chat-new-client")
    assert "Dr One" in said and "simulated practice" not in said
