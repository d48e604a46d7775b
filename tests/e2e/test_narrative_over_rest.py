"""The narrative retelling end to end over REST, across a restart of both servers: refused until the
therapist enables it, its own consent, a first sitting stopped for today by a high rating, both
servers restarted, a new conversation that goes on where the first stopped (safety first), a stop
part-way; then what the therapist sees in review and export.

This test restarts its servers, so it starts a pair of its own (the shared pair of conftest.py serves
the other tests and must not go away under them); it is started and stopped like that one."""
from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
REPLY_TIMEOUT = 300.0  # Rasa's own limit for an action call; not a performance expectation
MENU = "What would you like to do?"
SENDER = "e2e-narrative-sittings"


class OwnPair:
    """A Rasa server and an action server on free ports with their own data dir, restartable."""

    def __init__(self, data_dir: Path, rasa_port: int, actions_port: int) -> None:
        self.data_dir = data_dir
        self.url = f"http://127.0.0.1:{rasa_port}"
        self.env = {**os.environ, "ATTUNE_DATA_DIR": str(data_dir),
                    "ATTUNE_DATABASE_URL": f"sqlite:///{data_dir / 'attune.db'}",
                    "ATTUNE_RASA_PORT": str(rasa_port), "ATTUNE_ACTIONS_PORT": str(actions_port),
                    "ATTUNE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook",
                    "ATTUNE_BIND": "127.0.0.1", "ATTUNE_API_TOKEN": ""}
        self.said: list[str] = []  # the whole conversation, for reading it back
        self._admin = None

    def admin(self):
        """The store's one first administrator, made on first use (call inside `store()`)."""
        from bot.store import repository

        if self._admin is None:
            self._admin = repository.bootstrap_admin("admin-narrative", "a-long-admin-password")
        return self._admin

    def serve(self, command: str) -> None:
        result = subprocess.run(["scripts/serve.sh", command], cwd=REPO, env=self.env, capture_output=True, text=True)
        assert result.returncode == 0, f"serve.sh {command} failed:\n{result.stdout}\n{result.stderr}"

    def texts(self, text: str) -> str:
        response = requests.post(f"{self.url}/webhooks/rest/webhook", json={"sender": SENDER, "message": text},
                                 timeout=REPLY_TIMEOUT)
        assert response.status_code == 200, response.text
        reply = "\n".join(m.get("text", "") for m in response.json())
        self.said += [f"> {text}", *(f"  {line}" for line in reply.splitlines()), ""]
        return reply

    @contextlib.contextmanager
    def store(self) -> Iterator[None]:
        from bot.settings import get_settings
        from bot.store import db

        saved = dict(os.environ)
        os.environ.update({k: self.env[k] for k in ("ATTUNE_DATA_DIR", "ATTUNE_DATABASE_URL")})
        os.environ.pop("ATTUNE_ENCRYPTION_KEY", None)  # the servers use the key file in their data dir
        get_settings.cache_clear()
        db.reset_caches()
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)
            get_settings.cache_clear()
            db.reset_caches()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Iterator[OwnPair]:
    if not any((REPO / os.environ.get("ATTUNE_MODELS_DIR", "models")).glob("*.tar.gz")):
        pytest.fail("No trained model: run `make train` (make test trains before pytest).")
    own = OwnPair(tmp_path_factory.mktemp("narrative-data"), _free_port(), _free_port())
    own.serve("start")
    yield own
    own.serve("stop")
    transcript = os.environ.get("ATTUNE_E2E_NARRATIVE_TRANSCRIPT")
    if transcript:  # for reading the conversation as a person had it
        Path(transcript).write_text("\n".join(own.said), encoding="utf-8")


def test_two_sittings_across_a_restart(pair):
    from bot.exercises.narrative.declaration import NAME
    from bot.store import db, exercise_access
    from bot.store import repository as repo
    from bot.store.models import ExerciseProgress
    from bot.store.views import Role

    with pair.store():
        admin = pair.admin()
        tess = repo.create_person(admin, Role.THERAPIST, "Dr Tess", "tess-narrative", "a-long-password-1")
        code = repo.issue_pairing_code(tess).code

    pair.texts("hi")
    pair.texts("yes")  # consent to keep the sessions
    assert "pairing code" in pair.texts("link my therapist")
    assert "linked with Dr Tess" in pair.texts(code)
    # Refused while another exercise is paused: that one is still there to resume afterwards.
    assert MENU not in pair.texts("/start_mentalizing")
    assert "paus" in pair.texts("pause")
    refused = pair.texts("/start_narrative")
    assert "therapist has turned it on" in refused and MENU in refused
    resumed = pair.texts("resume")
    assert "nothing paused" not in resumed
    assert "pick up where we left off" in resumed or "Here's where we were" in resumed
    # The paused exercise's question again (in its own words; the menu would mean nothing was left to resume).
    assert MENU not in resumed and len(resumed.splitlines()) >= 2
    pair.texts("stop")

    with pair.store():
        client = next(iter(repo.list_people(tess)))
        exercise_access.set_enabled(tess, client.id, NAME)
    asked = pair.texts("/start_narrative")
    assert "needs your agreement, just for this one" in asked and MENU in asked

    opening = pair.texts("I agree to the memories exercise")
    assert "'stop'" in opening and "Who would you like to think about today?" in opening
    pair.texts("3")  # the check-in offered with the first question
    assert "five words" in pair.texts("my nan")
    assert "first of your words" in pair.texts("warm, strict, funny, busy, tired")
    after_memory = pair.texts("One time she took me to the seaside and we ate chips on the wall.")
    # The rating is a step of its own after each memory: the next question waits for it.
    assert "from zero (calm) to ten" in after_memory and "second word" not in after_memory
    stopped = pair.texts("8")
    assert "Let's stop here for today" in stopped and "box or a drawer" in stopped and MENU in stopped
    # Containment comes last from the exercise: the sitting does not end on the memory.
    assert stopped.index("box or a drawer") > stopped.index("stop here for today")

    with pair.store():
        with db.unit_of_work() as session:
            kept = session.query(ExerciseProgress).one().data
    # The rating at the start of the sitting is part of the pacing's curve.
    assert kept == {"step": "memory_2", "caregiver": "your nan", "harmed": False, "memory": None, "suds": [3.0, 8.0]}

    pair.serve("stop")
    pair.serve("start")

    # What Rasa does after an hour of silence: a new conversation (it says nothing of its own).
    pair.texts("/session_start")
    pair.texts("hi")
    back = pair.texts("let's go on with the memories exercise")
    assert "pick up where you left off with your nan" in back and "'stop'" in back
    assert "how stirred up do you feel right now" in back  # the rating, before the memory question
    assert back.index("how stirred up") < back.index("second word")
    pair.texts("4")
    invited = pair.texts("She was always kind to me.")  # a word without a memory: an invitation, once
    assert "third word" not in invited and ("particular time" in invited or "specific moment" in invited)
    memory = pair.texts("I remember she sat with me all night when I had chickenpox.")
    assert "'skip'" in memory and "third word" not in memory  # the rating, asked
    assert "third word" in pair.texts("skip")  # one word passes the rating by, and the question follows
    # Past abuse told mid-memory: the safety path for past events, then back to the exercise.
    told = pair.texts("when I was seven my nan used to lock me in the cupboard")
    assert "third word" not in told and MENU not in told
    pair.texts("yes, I'm safe now")
    again = pair.texts("go back to it")
    # Found off the event loop: the harm is known, and the choice is said once before the question.
    assert "'someone else'" in again and again.index("'someone else'") < again.index("third word")
    for _ in ("memory_3", "memory_4", "memory_5", "upset", "separation", "rejection", "shaped"):
        asked = pair.texts("skip")
    assert "Understanding is not excusing" in asked and "optional" in asked
    declined = pair.texts("I don't want to see it from their side.")
    assert "you don't owe anyone their side of it" in declined and "changed between you" in declined
    ended = pair.texts("stop")
    assert "box or a drawer" in ended

    with pair.store():
        with db.unit_of_work() as session:
            kept = session.query(ExerciseProgress).one().data
        assert kept == {"step": "changed", "caregiver": "your nan", "harmed": True, "memory": None,
                        "suds": [3.0, 8.0, 4.0]}
        risks = repo.list_risk_events(tess)
        flagged = [(r.category, r.level, r.source, [e.text for e in r.evidence]) for r in risks]
        pair.said += ["", "=== Risk events the therapist sees ===", *map(str, flagged)]
        # The past abuse, by way of the past-event check (the dialogue's own record of it).
        assert any(r.category == "abuse_or_danger" and "via: past" in (r.level or "") for r in risks), flagged
        sessions = repo.list_conversations(tess, repo_filter(client.id))
        assert len(sessions) >= 2
        transcripts = [repo.get_transcript(tess, s.id) for s in sessions]
    annotations = [a for t in transcripts for turn in t.turns for a in turn.annotations if a.kind == NAME]
    suds = [a.scores["narrative_suds"] for a in annotations if "narrative_suds" in a.scores]
    assert suds == [8.0]
    assert any("narrative_coherence_flags" in a.scores for a in annotations)
    assert any(span.marker == "specific_memory" for a in annotations for span in a.evidence)
    assert any(span.marker == "quality" and span.explanation.startswith("quality: ")
               for a in annotations for span in a.evidence)
    assert any(a.result.get("declined_their_side") for a in annotations)
    person_side = "\n".join(line for line in pair.said if not line.startswith(">"))
    assert "narrative_suds" not in person_side and "coherence" not in person_side.lower()
    pair.said += ["", "=== What the therapist sees (attune show, for each session) ===", *_review(transcripts, tess)]


def _review(transcripts, reader) -> list[str]:
    """The review terminal's view of each session, as text."""
    from rich.console import Console

    from bot.export.audience import for_reader
    from bot.review import terminal

    console = Console(record=True, width=140, highlight=False, file=open(os.devnull, "w"))  # noqa: SIM115
    for transcript in transcripts:
        console.print(terminal.transcript_view(for_reader(transcript, reader)))
    return console.export_text().splitlines()


def repo_filter(person_id: int):
    from bot.store.views import SessionFilter

    return SessionFilter(person_id=person_id)


def test_a_therapist_opens_it_on_the_web_review(pair, tmp_path):
    """The web review's person page: a linked therapist opens the exercise, the chat then asks for
    consent specific to it; a form without the page's security token is refused."""
    import re
    import time

    from bot.exercises.narrative.declaration import NAME
    from bot.store import repository as repo
    from bot.store.views import Role

    web_sender = "e2e-narrative-web"
    with pair.store():
        admin = pair.admin()
        otto = repo.create_person(admin, Role.THERAPIST, "Dr Otto", "otto-narrative", "a-long-password-2")
        assert repo.redeem_pairing_code(repo.issue_pairing_code(otto).code, web_sender).ok
        repo.record_consent(web_sender, True)
        client = next(iter(repo.list_people(otto)))
    port = _free_port()
    log = tmp_path / "web.log"
    with open(log, "w") as out:
        web = subprocess.Popen([str(REPO / ".venv/bin/python"), "-m", "bot.web", "--port", str(port),
                                "--no-admin-prompt"], cwd=REPO, env=pair.env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/review"
    try:
        while web.poll() is None:  # until it answers (or exits), as the browser tests wait
            try:
                if requests.get(f"{base}/login", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        assert web.poll() is None, log.read_text()
        browser = requests.Session()
        signed = browser.post(f"{base}/login", data={"username": "otto-narrative", "password": "a-long-password-2"},
                              timeout=REPLY_TIMEOUT)
        assert signed.status_code == 200, signed.text
        page = browser.get(f"{base}/people/{client.id}", timeout=REPLY_TIMEOUT).text
        assert "Narrative retelling: closed" in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        forged = browser.post(f"{base}/people/{client.id}/exercises/{NAME}", data={"open": "1"}, timeout=REPLY_TIMEOUT)
        assert forged.status_code == 403
        opened = browser.post(f"{base}/people/{client.id}/exercises/{NAME}", data={"open": "1", "csrf": csrf},
                              timeout=REPLY_TIMEOUT)
        assert opened.status_code == 200 and "Narrative retelling: open" in opened.text
    finally:
        web.terminate()
        web.wait()
    asked = requests.post(f"{pair.url}/webhooks/rest/webhook", json={"sender": web_sender, "message": "/start_narrative"},
                          timeout=REPLY_TIMEOUT).json()
    assert "needs your agreement, just for this one" in " ".join(m.get("text", "") for m in asked)
