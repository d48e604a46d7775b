"""`attune show` gives each answer the move the bot met it with (validated, praised, repaired, low,
eased, invited ...), as the exports carry it: for therapists, never for the client reading their own
session. The annotations come from the real mentalizing exercise answering real words."""
from __future__ import annotations

import random
from datetime import datetime, timezone

from bot.exercises.mentalizing.exercise import MentalizingExercise
from bot.review.terminal import reply_moves
from bot.store import repository
from bot.store.testing import bot, record_events, session_start, slot, user

MARCH_20 = datetime(2026, 3, 20, 10, 0, tzinfo=timezone.utc).timestamp()
ANSWERS = ["dunno", "whatever", "I felt shaky and embarrassed, like everyone was staring at me."]


def _practice_events() -> list[dict]:
    """A session of the exercise as the dialogue records it: question, answer, annotation, reply."""
    exercise, rng = MentalizingExercise(), random.Random(4)
    state = exercise.start("scenario", [], rng).state
    t = MARCH_20
    events = [*session_start(t), slot("consent_given", True, t + 0.1), slot("exercise", "mentalizing", t + 0.2)]
    for text in ANSWERS:
        asked = exercise.ask(state, rng)
        reply = exercise.answer(asked.state, text, rng, question=(asked.messages or [""])[0])
        assert reply.annotation is not None
        events += [bot(" ".join(asked.messages), t + 1), user(text, "inform", t + 2),
                   slot("turn_annotation", reply.annotation.to_dict(), t + 3), bot(" ".join(reply.messages), t + 4)]
        state, t = reply.state, t + 5
    return events


def _practice_session(world) -> int:
    record_events("chat-ann", _practice_events())
    return max(s.id for s in repository.list_conversations(world.tess))


def test_the_therapist_sees_how_each_answer_was_met(world, attune):
    session = _practice_session(world)
    out = attune.sign_in(world.tess)("show", session).output
    moves = [line.strip() for line in out.splitlines() if "reply: " in line]
    moves = [m[m.index("reply: "):].rstrip("│ ") for m in moves]
    assert moves[0].startswith("reply: too short") and "low" in moves[0]
    assert moves[1].startswith("reply: repair") and "repaired" in moves[1] and "low" in moves[1]
    assert moves[2].startswith("reply: reflection") and "validated" in moves[2] and "low" not in moves[2]
    assert len(moves) == len(ANSWERS)


def test_the_client_reading_their_own_session_sees_no_moves(world, attune):
    from bot.review import auth

    session = _practice_session(world)
    auth.save_token(repository.issue_token(world.admin, world.ann.id))
    shown = attune("show", session)
    assert shown.exit_code == 0, shown.output
    assert "embarrassed" in shown.output and "reply: " not in shown.output


def test_moves_are_read_from_the_stored_reply_only():
    assert reply_moves({}) == "" and reply_moves({"feedback": {}}) == ""
    assert reply_moves({"feedback": {"kind": "reflection", "validated": True, "praised": False,
                                     "invited": "causal_link", "challenged": None}}) == \
        "reflection, validated, invited causal_link"
    # Only a stored true counts; a string "false" is not a move.
    assert reply_moves({"feedback": {"kind": "too_short", "low": "false"}}) == "too short"
