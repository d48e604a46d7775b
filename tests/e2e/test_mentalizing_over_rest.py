"""Mentalizing practice end to end over REST: the real servers, the real analysis, the real store."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def exported(servers, sender) -> dict:
    """The person's stored data, read back through the store as the chat's "export my data" does."""
    from bot.store import repository

    with servers.store():
        return repository.export_person_data(sender)


ANSWERS = [
    "I felt hurt and a bit embarrassed, like I had done something wrong.",
    "Maybe he was worried about something at work, or he didn't notice me because he was tired.",
    "He might have been shy, or perhaps he had a bad day and didn't want to talk to anyone.",
    "I guess my silence could have looked cold to him, so he may have thought I was unfriendly.",
    "Now I think I jumped to conclusions because I was anxious, and I'd like to say hello again.",
]


def test_a_whole_exercise_with_feedback_and_stored_annotations(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    opening = servers.texts(sender, "/start_mentalizing")
    assert len(opening) > 80  # the moment and the first question
    replies = []
    for answer in ANSWERS * 2:  # follow-ups can add a turn per step; the flow ends on its own
        reply = servers.texts(sender, answer)
        replies.append(reply)
        if "What would you like to do?" in reply:  # the summary is followed by the menu
            break
    assert "What would you like to do?" in replies[-1], replies
    assert any('"' in r for r in replies[:-1])  # feedback quotes the person's own words
    assert not any(ch.isdigit() for ch in " ".join(replies))  # no scores for the client

    data = exported(servers, sender)
    turns = [t for c in data["conversations"] for t in c["turns"]]
    user_turns = [t for t in turns if t["speaker"] == "user" and t.get("exercise") == "mentalizing"]
    assert user_turns, turns
    annotated = [t for t in user_turns if any(a["kind"] == "mentalizing" for a in t["annotations"])]
    assert len(annotated) >= len(ANSWERS) - 1
    first = next(a for a in annotated[0]["annotations"] if a["kind"] == "mentalizing")
    assert first["result"]["markers"] and "rf_estimate" in first["scores"]


def test_a_disclosure_mid_exercise_interrupts_it_and_resume_goes_back(servers, sender):
    servers.texts(sender, "/start_mentalizing")
    reply = servers.texts(sender, "honestly when this happens I want to die")
    assert "thoughts of ending your life?" in reply
    assert "how you would do it" in servers.texts(sender, "no")
    assert "go back" in servers.texts(sender, "no")
    assert "?" in servers.texts(sender, "resume")  # the exercise's question again


def test_stop_and_skip_during_the_exercise(servers, sender):
    servers.texts(sender, "/start_mentalizing")
    skipped = servers.texts(sender, "skip this question")
    assert "?" in skipped
    assert "What would you like to do?" in servers.texts(sender, "stop")
