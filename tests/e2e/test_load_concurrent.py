"""Twenty people at once over REST: every answer is stored and no action result is lost.

Each simulated person says hello, gives consent, asks for the mentalizing practice and answers its
questions in free text, all at the same time against the one server pair. Afterwards the store must
hold every user turn of every person (read back through the store, as "export my data" does), each
answer of the exercise must carry its analysis, and Rasa's log must not report an action whose
events were lost. No timing is asserted: a slow machine is slow, not wrong.
"""
from __future__ import annotations

import threading
import uuid

import pytest

pytestmark = pytest.mark.e2e

USERS = 20
LOST = "actions events are lost"
APOLOGY = "something went wrong on my side"
ANSWERS = [
    "I felt hurt and a bit embarrassed, like I had done something wrong.",
    "Maybe he was worried about something at work, or he didn't notice me because he was tired.",
    "He might have been shy, or perhaps he had a bad day and didn't want to talk to anyone.",
    "I was annoyed at first, and then sad, because it reminded me of being left out at school.",
    "She probably felt awkward too and didn't know what to say, so she kept quiet.",
]
OPENING = ["hi", "yes", "give me a scenario"]


def converse(servers, sender: str, script: list[str], replies: dict, failures: list) -> None:
    try:
        replies[sender] = [servers.texts(sender, text) for text in script]
    except Exception as error:  # noqa: BLE001 - reported by the test below with the sender
        failures.append((sender, repr(error)))


@pytest.fixture(scope="module")
def two_rasa_workers(tmp_path_factory):
    """A server pair of its own with two Rasa worker processes sharing a Redis lock store (the
    scale-out setup of README.md), on the machine's Redis."""
    import os

    import redis

    from tests.e2e.conftest import start_pair

    url = os.environ.get("ATTUNE_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError as error:
        pytest.skip(f"Redis at {url} does not answer ({error}): the two-worker setup needs it")
    pair = start_pair(tmp_path_factory.mktemp("attune-two-workers"), ATTUNE_RASA_WORKERS="2", ATTUNE_REDIS_URL=url)
    yield pair
    pair.serve("stop")


def test_twenty_concurrent_conversations_are_stored_whole(servers):
    twenty_conversations_stored_whole(servers)


def test_with_two_rasa_workers_and_a_redis_lock_store_too(two_rasa_workers):
    assert "lock_store" in (two_rasa_workers.data_dir / "run" / "endpoints.yml").read_text()
    twenty_conversations_stored_whole(two_rasa_workers)


def test_two_rasa_workers_serve_rest_only_and_say_so(two_rasa_workers):
    """socket.io sessions live in one process, so several workers leave the web chat's channel out
    (the web chat runs one worker) rather than accept connections they would then lose."""
    import urllib.error
    import urllib.request

    credentials = (two_rasa_workers.data_dir / "run" / "credentials.yml").read_text()
    assert "AttuneRestInput" in credentials and "socketio" not in credentials.lower()
    assert (two_rasa_workers.data_dir / "run" / "rasa.workers").read_text().strip() == "2"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{two_rasa_workers.rasa_url}/socket.io/?EIO=4&transport=polling", timeout=30)
    assert refused.value.code == 404


def twenty_conversations_stored_whole(servers) -> None:
    from bot.store import repository

    lost_before = servers.log("rasa").count(LOST)
    run = uuid.uuid4().hex[:8]
    scripts = {f"load-{run}-{i}": OPENING + [ANSWERS[(i + k) % len(ANSWERS)] for k in range(3)] for i in range(USERS)}
    replies: dict[str, list[str]] = {}
    failures: list[tuple[str, str]] = []
    threads = [threading.Thread(target=converse, args=(servers, sender, script, replies, failures))
               for sender, script in scripts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures, failures
    for sender, said in replies.items():
        assert all(said), (sender, said)  # never a silent turn
        assert not any(APOLOGY in reply for reply in said), (sender, said)
    rasa_log = servers.log("rasa")
    assert rasa_log.count(LOST) == lost_before, [line for line in rasa_log.splitlines() if LOST in line][-5:]

    with servers.store():
        exports = {sender: repository.export_person_data(sender) for sender in scripts}
    for sender, script in scripts.items():
        turns = [t for c in exports[sender]["conversations"] for t in c["turns"]]
        user_turns = [t["text"] for t in turns if t["speaker"] == "user"]
        assert user_turns == script, sender
        answers = [t for t in turns if t["speaker"] == "user" and t["text"] in ANSWERS]
        analysed = [t for t in answers if any(a["kind"] == "mentalizing" for a in t["annotations"])]
        assert len(analysed) == len(answers) == 3, (sender, answers)
