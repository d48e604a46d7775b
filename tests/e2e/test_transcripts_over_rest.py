"""Transcripts end to end: a conversation over the running servers appears in the therapist's review,
exactly and turn by turn, with its annotations; stopping the action server mid-conversation loses no
turn."""
from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.e2e


def chat(servers, sender, exchanges: list, text: str) -> str:
    replies = servers.say(sender, text)
    exchanges.append(("user", text))
    exchanges.extend(("bot", r["text"]) for r in replies if r.get("text"))
    return "\n".join(r.get("text", "") for r in replies)


def exchanges(turns: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each user message with all the bot said in reply, joined (any bot turn before the first user
    message counts towards the first reply)."""
    leading: list[str] = []
    result: list[tuple[str, list[str]]] = []
    for speaker, text in turns:
        if speaker == "user":
            result.append((text, leading if not result else []))
        elif result:
            result[-1][1].append(text)
        else:
            leading.append(text)
    return [(user, "\n\n".join(bot)) for user, bot in result]


def test_a_conversation_shows_up_in_review_exactly_with_annotations(servers, sender):
    from bot.store import repository
    from bot.store.views import Role

    with servers.store():
        admin = servers.admin()
        therapist = repository.create_person(admin, Role.THERAPIST, "Dr E2E", "dr-e2e", "a-long-password-e2e")
        code = repository.issue_pairing_code(therapist).code

    said: list[tuple[str, str]] = []
    chat(servers, sender, said, "hi")
    chat(servers, sender, said, "yes")
    chat(servers, sender, said, "I have a pairing code")
    assert "Dr E2E" in chat(servers, sender, said, code)
    chat(servers, sender, said, "/start_mentalizing")
    chat(servers, sender, said, "I felt hurt and a bit embarrassed, like I had done something wrong.")
    chat(servers, sender, said, "Maybe they were worried about something at home, or just tired.")
    chat(servers, sender, said, "stop")

    with servers.store():
        [summary] = [c for c in repository.list_conversations(therapist)]
        transcript = repository.get_transcript(therapist, summary.id)
        token = repository.issue_token(therapist)
    stored = [(t.speaker.value, t.text) for t in transcript.turns]
    # Every turn is there, in order, word for word (the pairing code too: it is what was typed).
    # Rasa's REST channel splits a bot message at blank lines, so compare what the bot said
    # between two user messages as one text.
    assert exchanges(stored) == exchanges(said)
    answers = [t for t in transcript.turns if t.exercise == "mentalizing" and t.speaker.value == "user"]
    kinds = [a.kind for t in answers for a in t.annotations]
    assert kinds.count("mentalizing") == 2
    first = next(a for t in answers for a in t.annotations if a.kind == "mentalizing")
    assert "rf_estimate" in first.scores and first.evidence
    assert all(e.text in t.text for t in answers for a in t.annotations for e in a.evidence)

    shown = subprocess.run([".venv/bin/attune", "show", str(summary.id)], capture_output=True, text=True,
                           env={**servers.env, "ATTUNE_REVIEW_TOKEN": token, "COLUMNS": "200"}, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "worried about something at home" in shown.stdout


def test_stopping_the_action_server_mid_conversation_loses_no_turn(servers, sender):
    from bot.store import repository

    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    servers.texts(sender, "check in")
    servers.serve("stop-actions")
    try:
        reply = servers.texts(sender, "about five")
        assert reply  # never a silent failure
    finally:
        servers.serve("start-actions")
    servers.texts(sender, "about five")

    with servers.store():
        data = repository.export_person_data(sender)
    user_turns = [t["text"] for c in data["conversations"] for t in c["turns"] if t["speaker"] == "user"]
    assert user_turns == ["hi", "yes", "check in", "about five", "about five"]
