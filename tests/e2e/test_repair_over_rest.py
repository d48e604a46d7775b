"""The repair rehearsal end to end over REST: the real servers, the real rubric, the real store."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

MENU = "What would you like to do?"
BLAMING = "I was wrong to shout, but you did provoke me."
# Together these meet what every persona needs to hear (bot/exercises/repair/personas.yml).
GOOD = ["I'm sorry for what I said that evening. It was my fault, and you didn't deserve it.",
        "I can see you felt hurt and let down. How was it for you?",
        "I feel sad about it. I want to make it up to you: can we meet on Saturday and talk it through?",
        "I'm sorry for what I did that evening. That was on me.",
        "I imagine it felt lonely. What was it like for you?"]


def exported(servers, sender) -> dict:
    from bot.store import repository

    with servers.store():
        return repository.export_person_data(sender)


def test_a_rehearsal_with_a_rewind_repairs_and_is_stored_per_attempt(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    opening = servers.texts(sender, "/start_repair")
    assert opening.startswith("Coach: ") and '"' in opening  # the coach sets it up, the character speaks

    blamed = servers.texts(sender, BLAMING)
    assert "puts the cause on them" in blamed  # the coach names the blocker, quoting it
    rewound = servers.texts(sender, "rewind")
    assert rewound.startswith("Coach: ") and ("guarded" in rewound or "hurt" in rewound)
    replies = []
    for attempt in GOOD:
        reply = servers.texts(sender, attempt)
        replies.append(reply)
        if MENU in reply:
            break
    assert MENU in replies[-1], replies
    debrief = replies[-1]
    assert "'I'm sorry for what I said that evening'" in debrief
    assert "not reading the real person's mind" in debrief or "imagined version" in debrief
    assert not any(ch.isdigit() for ch in " ".join([blamed, rewound] + replies))  # words only for the client

    data = exported(servers, sender)
    turns = [t for c in data["conversations"] for t in c["turns"]]
    annotations = [a for t in turns if t["speaker"] == "user" for a in t["annotations"] if a["kind"] == "repair"]
    results = [a["result"] for a in annotations]
    assert results[0]["blockers"] == ["blame", "sorry_but"] and results[0]["after"] in ("hurt", "more_hurt")
    assert results[1] == {"rewind": True, "attempt": 1, "persona": results[0]["persona"]}
    attempts = [a for a in annotations if "components" in a["result"]]
    assert attempts[-1]["result"]["after"] == "open"
    assert set(attempts[-1]["scores"]) == {"repair_components", "repair_blockers", "character_openness"}


def test_an_abusive_other_is_not_rehearsed_over_rest(servers, sender):
    servers.texts(sender, "/own_repair")
    servers.texts(sender, "my husband")
    reply = servers.texts(sender, "he's very controlling and I'm scared of him")
    assert "not your job" in reply or "not someone you owe a repair to" in reply
    assert "If you are in danger right now" in reply and MENU in reply


def test_stop_during_a_rehearsal(servers, sender):
    servers.texts(sender, "/start_repair")
    assert MENU in servers.texts(sender, "stop")


def test_time_out_quotes_a_swap_is_heard_and_stop_still_debriefs(servers, sender):
    servers.texts(sender, "hi")
    servers.texts(sender, "yes")
    servers.texts(sender, "/start_repair")
    servers.texts(sender, BLAMING)
    timed = servers.texts(sender, "time out")
    assert timed.startswith("Coach: ") and "you did provoke me" in timed  # the last attempt, quoted
    swapped = servers.texts(sender, "let me be them")
    assert 'Me, as you: "' in swapped and ("how was it to hear" in swapped or "what was it like" in swapped)
    heard = servers.texts(sender, "Hearing that, I felt a bit less alone.")
    assert heard.startswith("Coach: ")
    ended = servers.texts(sender, "stop")
    assert "you did provoke me" in ended and "Hearing that, I felt a bit less alone" in ended and MENU in ended

    results = [a["result"] for c in exported(servers, sender)["conversations"] for t in c["turns"]
               if t["speaker"] == "user" for a in t["annotations"] if a["kind"] == "repair"]
    assert [r.get("attempt") for r in results if "components" in r] == [1]
    assert any(r.get("swap_reflection") for r in results)
