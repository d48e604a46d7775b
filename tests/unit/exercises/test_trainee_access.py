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
from bot.store.views import Role

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
