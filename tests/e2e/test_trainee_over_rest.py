"""Trainee practice end to end over REST: the real servers, the real rubric, the real store."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

PROMPTS = [
    "What brings you here today?",
    "You should talk to them about it.",
    "That sounds really hard.",
    "I wonder what was going on for you in that moment?",
    "It sounds like part of you felt alone with it, and maybe a bit scared.",
    "What was that like for you?",
]
CLIENT = "(simulated client): "


def exported(servers, sender) -> dict:
    from bot.store import repository

    with servers.store():
        return repository.export_person_data(sender)


def test_a_whole_session_with_feedback_each_turn_and_stored_scores(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    opening = servers.texts(sender, "/start_trainee")
    assert "simulated" in opening and "real client material" in opening and CLIENT in opening
    replies = [servers.texts(sender, prompt) for prompt in PROMPTS]
    for prompt, reply in zip(PROMPTS[:-1], replies[:-1]):
        assert f'"{prompt}"' in reply and CLIENT in reply, reply  # feedback quoting it, then the client
    assert "gave advice" in replies[1] or "steered" in replies[1]
    assert "What would you like to do?" in replies[-1]  # the summary, then the menu
    assert "open" in replies[-1] and "reflections" in replies[-1]

    data = exported(servers, sender)
    turns = [t for c in data["conversations"] for t in c["turns"]]
    prompts = [t for t in turns if t["speaker"] == "user" and t.get("exercise") == "trainee"]
    annotations = [a for t in prompts for a in t["annotations"] if a["kind"] == "trainee"]
    assert len(annotations) == len(PROMPTS), turns
    assert [a["scores"]["trainee_advice"] for a in annotations][:2] == [0, 1]
    depths = [a["scores"]["trainee_client_depth"] for a in annotations]
    assert depths[1] == 0 and max(depths[2:]) >= 2  # the advice shut the client; good prompts opened
    assert annotations[1]["result"]["move"] == "advice"


def test_feedback_off_keeps_it_for_the_end(servers, sender):
    servers.texts(sender, "/start_trainee")
    assert "end" in servers.texts(sender, "feedback off")
    reply = servers.texts(sender, "Did that upset you?")
    assert CLIENT in reply and '"Did that upset you?"' not in reply


def test_the_trainee_s_own_disclosure_starts_the_safety_check(servers, sender):
    servers.texts(sender, "/start_trainee")
    reply = servers.texts(sender, "honestly I want to die, I can't do this job")
    assert "thoughts of ending your life?" in reply and CLIENT not in reply


def test_the_supervisor_reviews_the_session_with_its_scores(servers, sender):
    import subprocess

    from bot.store import repository
    from bot.store.views import Role

    with servers.store():
        admin = servers.admin()
        supervisor = repository.create_person(admin, Role.SUPERVISOR, "Supervisor E2E", "sup-trainee-e2e",
                                              "a-long-password-e2e")
        code = repository.issue_pairing_code(supervisor).code
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    servers.texts(sender, "I have a pairing code")
    linked = servers.texts(sender, code)
    assert "Supervisor E2E" in linked and "simulated practice sessions only" in linked  # what they will read
    servers.texts(sender, "/start_trainee")
    servers.texts(sender, "I wonder what was going on for you in that moment?")
    servers.texts(sender, "stop")

    with servers.store():
        [summary] = [c for c in repository.list_conversations(supervisor)]
        transcript = repository.get_transcript(supervisor, summary.id)
        token = repository.issue_token(supervisor)
    prompts = [t for t in transcript.turns if t.exercise == "trainee" and t.speaker.value == "user"]
    [annotation] = [a for t in prompts for a in t.annotations if a.kind == "trainee"]
    assert annotation.scores["trainee_open_question"] == 1 and "trainee_client_depth" in annotation.scores
    assert all(e.text in t.text for t in prompts for a in t.annotations for e in a.evidence)
    said = " ".join(t.text for t in transcript.turns if t.speaker.value == "bot")
    assert "(simulated client): " in said  # the client's words are marked as simulated in the record

    shown = subprocess.run([".venv/bin/attune", "show", str(summary.id)], capture_output=True, text=True,
                           env={**servers.env, "ATTUNE_REVIEW_TOKEN": token, "COLUMNS": "200"}, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "Open question 1" in shown.stdout and "what was going on for you" in shown.stdout


RISK_PROMPTS = [
    "That sounds like a hard time. What has it been like for you?",
    "It sounds lonely. What goes through your mind at night?",
    "Are you having thoughts of killing yourself?",
    "Have you thought about how you would do it?",
    "Do you have access to pills or anything you've thought of using?",
    "Could we make a safety plan together: who could you call on a bad night?",
]
# The safety flow's words (bot/safety/): its pause of the exercise, and the short check's question.
SAFETY_WORDS = ("pause what we were doing", "yes, no, or not sure")


def test_risk_assessment_practice_over_rest_with_the_supervisor_s_report(servers, sender, tmp_path):
    """The simulated client discloses, the trainee asks directly about suicide, plan, means and
    safety: none of those questions opens the safety check or stores a risk event; every turn's risk
    scores are stored; the supervisor's review and Markdown export label the session as simulated
    practice and carry the report, topic by topic, with the trainee's words."""
    import subprocess

    from bot.export.labels import label
    from bot.store import repository
    from bot.store.views import Role

    with servers.store():
        supervisor = repository.create_person(servers.admin(), Role.SUPERVISOR, "Risk Supervisor E2E",
                                              "sup-risk-e2e", "a-long-password-e2e")
        code = repository.issue_pairing_code(supervisor).code
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    servers.texts(sender, "I have a pairing code")
    assert "Risk Supervisor E2E" in servers.texts(sender, code)
    opening = servers.texts(sender, "/start_trainee_risk")
    assert "suicide" in opening and "real client material" in opening and CLIENT in opening
    replies = [servers.texts(sender, prompt) for prompt in RISK_PROMPTS]
    said = "\n".join(replies)
    assert not any(words in said for words in SAFETY_WORDS), said  # the trainee's questions are no disclosure
    assert "may be about suicide" in said or "could be about suicide" in said  # the teaching moment
    assert all(CLIENT in reply for reply in replies[:-1]), replies
    assert "On risk" in replies[-1] or "risk assessment" in replies[-1]  # the closing, in words

    data = exported(servers, sender)
    practice = [c for c in data["conversations"] if any(t.get("exercise") == "trainee" for t in c["turns"])]
    assert len(practice) == 1
    annotations = [a for t in practice[0]["turns"] if t["speaker"] == "user" for a in t["annotations"]
                   if a["kind"] == "trainee"]
    assert len(annotations) == len(RISK_PROMPTS)
    asked = {name: [a["scores"][name] for a in annotations]
             for name in ("trainee_risk_asked_suicide", "trainee_risk_asked_plan", "trainee_risk_asked_means",
                          "trainee_risk_safety_plan")}
    assert asked["trainee_risk_asked_suicide"][2] == 1 and asked["trainee_risk_asked_plan"][3] == 1
    assert asked["trainee_risk_asked_means"][4] == 1 and asked["trainee_risk_safety_plan"][5] == 1
    # Neither the client's words nor the trainee's questions made a risk event.
    assert not any(t.get("risk_events") for t in practice[0]["turns"])

    with servers.store():
        [summary] = repository.list_conversations(supervisor)
        assert summary.risk_event_count == 0
        token = repository.issue_token(supervisor)
    env = {**servers.env, "ATTUNE_REVIEW_TOKEN": token, "COLUMNS": "220"}
    shown = subprocess.run([".venv/bin/attune", "show", str(summary.id)], capture_output=True, text=True,
                           env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    flat = " ".join(shown.stdout.split())
    assert " ".join(label("simulated").split())[:50] in flat and "Risk assessment" in flat
    out = tmp_path / "practice.md"
    exported_md = subprocess.run([".venv/bin/attune", "export", str(summary.id), "--format", "md", "--out", str(out)],
                                 capture_output=True, text=True, env=env, timeout=120)
    assert exported_md.returncode == 0, exported_md.stderr
    md = out.read_text().replace("\\", "")
    assert label("simulated") in md and "Supervisor's report" in md
    assert f'Thoughts of suicide: asked directly at turn_3: "{RISK_PROMPTS[2]}"' in md
    assert "Topics asked directly: 4 of 4." in md
