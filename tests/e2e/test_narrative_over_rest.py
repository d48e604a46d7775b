"""The narrative retelling end to end over REST, across a restart of both servers: refused until the
therapist enables it, its own consent, a first sitting stopped for today by a high rating, both
servers restarted, a new conversation that goes on where the first stopped (safety first), a stop
part-way; then what the therapist sees in review and export.

This test restarts its servers, so it starts a pair of its own (the shared pair of conftest.py serves
the other tests and must not go away under them); it is started and stopped like that one."""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import Servers, free_port, start_pair

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
REPLY_TIMEOUT = 300.0  # Rasa's own limit for an action call; not a performance expectation
MENU = "What would you like to do?"
SENDER = "e2e-narrative-sittings"


@dataclass
class OwnPair(Servers):
    """A server pair of this test's own (restartable), talking as one person and keeping the whole
    conversation for reading it back."""

    said: list[str] = field(default_factory=list)

    def tell(self, text: str) -> str:
        reply = self.texts(SENDER, text)
        self.said += [f"> {text}", *(f"  {line}" for line in reply.splitlines()), ""]
        return reply


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Iterator[OwnPair]:
    own = start_pair(tmp_path_factory.mktemp("narrative-data"), kind=OwnPair)
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

    pair.tell("hi")
    pair.tell("yes")  # consent to keep the sessions
    assert "pairing code" in pair.tell("link my therapist")
    assert "linked with Dr Tess" in pair.tell(code)
    # Refused while another exercise is paused: that one is still there to resume afterwards.
    assert MENU not in pair.tell("/start_mentalizing")
    assert "paus" in pair.tell("pause")
    refused = pair.tell("/start_narrative")
    assert "therapist has turned it on" in refused and MENU in refused
    resumed = pair.tell("resume")
    assert "nothing paused" not in resumed
    assert "pick up where we left off" in resumed or "Here's where we were" in resumed
    # The paused exercise's question again (in its own words; the menu would mean nothing was left to resume).
    assert MENU not in resumed and len(resumed.splitlines()) >= 2
    pair.tell("stop")

    with pair.store():
        client = next(iter(repo.list_people(tess)))
        exercise_access.set_enabled(tess, client.id, NAME)
    asked = pair.tell("/start_narrative")
    assert "needs your agreement, just for this one" in asked and MENU in asked

    opening = pair.tell("I agree to the memories exercise")
    assert "'stop'" in opening and "Who would you like to think about today?" in opening
    pair.tell("3")  # the check-in offered with the first question
    assert "five words" in pair.tell("my nan")
    assert "first of your words" in pair.tell("warm, strict, funny, busy, tired")
    after_memory = pair.tell("One time she took me to the seaside and we ate chips on the wall.")
    # The rating is a step of its own after each memory: the next question waits for it.
    assert "from zero (calm) to ten" in after_memory and "second word" not in after_memory
    stopped = pair.tell("8")
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
    pair.tell("/session_start")
    pair.tell("hi")
    back = pair.tell("let's go on with the memories exercise")
    assert "pick up where you left off with your nan" in back and "'stop'" in back
    assert "how stirred up do you feel right now" in back  # the rating, before the memory question
    assert back.index("how stirred up") < back.index("second word")
    pair.tell("4")
    invited = pair.tell("She was always kind to me.")  # a word without a memory: an invitation, once
    assert "third word" not in invited and ("particular time" in invited or "specific moment" in invited)
    memory = pair.tell("I remember she sat with me all night when I had chickenpox.")
    assert "'skip'" in memory and "third word" not in memory  # the rating, asked
    assert "third word" in pair.tell("skip")  # one word passes the rating by, and the question follows
    # Past abuse told mid-memory: the safety path for past events, then back to the exercise.
    told = pair.tell("when I was seven my nan used to lock me in the cupboard")
    assert "third word" not in told and MENU not in told
    pair.tell("yes, I'm safe now")
    again = pair.tell("go back to it")
    # Found off the event loop: the harm is known, and the choice is said once before the question.
    assert "'someone else'" in again and again.index("'someone else'") < again.index("third word")
    for _ in ("memory_3", "memory_4", "memory_5", "upset", "separation", "rejection", "shaped"):
        asked = pair.tell("skip")
    assert "Understanding is not excusing" in asked and "optional" in asked
    declined = pair.tell("I don't want to see it from their side.")
    assert "you don't owe anyone their side of it" in declined and "changed between you" in declined
    ended = pair.tell("stop")
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
    port = free_port()
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
    assert "needs your agreement, just for this one" in pair.texts(web_sender, "/start_narrative")
