"""Mentalizing practice over REST with people who are not having an easy time of it: one who
disengages ("dunno", "whatever", one-word answers) and one who is hard on themselves. The real
servers, NLU, analysis and store: the bot changes approach, never praises, and stores every answer."""
from __future__ import annotations

import re

import pytest

from bot.exercises.mentalizing.library import feedback_catalogue

pytestmark = pytest.mark.e2e

MENU = "What would you like to do?"
# One-word and flat answers, none of them a yes, a no or a number (those answer the check-in).
DISENGAGED = ["dunno", "whatever", "idk", "meh", "fine", "dunno really", "k", "whatever",
              "idk", "meh", "dunno", "whatever"]
HARSH = [
    "I felt stupid. I always overreact to everything, it's pathetic really.",
    "I'm just too needy, that's the whole problem with me.",
    "I probably seemed needy and annoying, like I always do.",
    "I'm useless at this kind of thing.",
    "She must think I'm completely useless.",
    "I'm such an idiot, I always get these things wrong.",
    # Not "I'm just too much for people": that is close to feeling a burden, which the dialogue
    # rightly asks about (a risk check is not what this test is about).
    "Honestly I'm just rubbish at friendships.",
    "I'm useless at reading people, I always have been.",
    "I'm just too needy, I know that about myself.",
    "I felt stupid for even caring, it's pathetic.",
]
HARSH_WORDS = ("stupid", "pathetic", "needy", "useless", "idiot", "rubbish")


def _stored(servers, sender) -> list[dict]:
    """The person's user turns in the exercise, as the store exports them ("export my data")."""
    from bot.store import repository

    with servers.store():
        data = repository.export_person_data(sender)
    turns = [t for c in data["conversations"] for t in c["turns"]]
    return [t for t in turns if t["speaker"] == "user" and t.get("exercise") == "mentalizing"]


def _feedback_of(turn: dict) -> dict:
    annotation = next(a for a in turn["annotations"] if a["kind"] == "mentalizing")
    return annotation["result"]["feedback"]


def _practise(servers, sender, answers: list[str]) -> tuple[list[str], list[str]]:
    """Consent, the scenario practice, then `answers` one by one until the closing and the menu."""
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    opening = servers.texts(sender, "/start_mentalizing")
    assert "?" in opening, opening  # the moment and its first question
    sent, replies = [], []
    for answer in answers:
        sent.append(answer)
        replies.append(servers.texts(sender, answer))
        if MENU in replies[-1]:
            break
    assert MENU in replies[-1], replies  # the exercise came to its end
    return sent, replies


def _sentences(replies: list[str]) -> list[str]:
    said = []
    for reply in replies:
        for line in reply.splitlines():
            said += [s.strip() for s in re.split(r"(?<=[.?!])\s+", line) if s.strip()]
    return said


def test_a_person_who_disengages_is_met_with_a_change_of_approach_not_more_questions(servers, sender):
    sent, replies = _practise(servers, sender, DISENGAGED)

    stored = _stored(servers, sender)
    assert [t["text"] for t in stored] == sent  # every answer stored, in order
    feedback = [_feedback_of(t) for t in stored]  # every answer analysed
    assert any(f["repaired"] for f in feedback), feedback
    first_repair = next(i for i, f in enumerate(feedback) if f["repaired"])
    assert first_repair <= 2  # noticed within the first few answers, not after ten requests for more
    assert "(a)" in replies[first_repair] and "(b)" in replies[first_repair]  # readings offered as choices
    assert any(word in replies[first_repair] for word in ("skip", "pause", "another scenario"))
    assert not any(f["praised"] or f["affirmed"] for f in feedback)  # nothing to praise, nothing praised

    too_short = feedback_catalogue().too_short
    asked_for_more = [r for r in replies if any(line in r for line in too_short)]
    assert len(asked_for_more) <= 1  # not asked again and again for more
    closing = replies[-1]
    assert any(line in closing for line in feedback_catalogue().closing.nothing_to_summarise), closing
    sentences = [s for s in _sentences(replies) if s != MENU]
    assert len(sentences) == len(set(sentences)), sentences  # no sentence said twice
    assert not any(ch.isdigit() for ch in " ".join(replies))


def test_a_person_hard_on_themselves_is_met_gently_never_praised_nor_quoted(servers, sender):
    sent, replies = _practise(servers, sender, HARSH)

    stored = _stored(servers, sender)
    assert [t["text"] for t in stored] == sent
    feedback = [_feedback_of(t) for t in stored]
    assert any(f["eased"] for f in feedback), feedback
    met = feedback_catalogue().meet_self_criticism
    assert any(line in reply for reply in replies for line in met)
    assert not any(f["praised"] or f["affirmed"] for f in feedback)
    # Their words are quoted back only where they are not harsh, the closing's highlights included
    # (the scenario's own text, which the closing retells, may use such words about someone else).
    for reply in replies:
        for quoted in re.findall(r'"([^"]+)"', reply):
            if quoted in sent or any(quoted.strip(".") in answer for answer in sent):
                assert not any(word in quoted.lower() for word in HARSH_WORDS), (quoted, reply)
