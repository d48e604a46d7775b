"""A real SQLite store filled through the repository and Rasa-shaped events (as the tracker store
records them), with real analysis annotations, for driving `attune` with click's CliRunner."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from bot.analysis import analyze
from bot.review import auth
from bot.review.cli import cli
from bot.store import db, repository
from bot.store.testing import bot, fresh_database, record_events, session_start, slot, user
from bot.store.views import Person, Role

PASSWORD = "correct horse battery"
ANN_TEXT = "When she went quiet I thought she was angry, but maybe she was just exhausted after work."
RISK_TEXT = "Sometimes I want to hurt myself when this happens."
HOSTILE_TEXT = "[red]not red[/red] <script>alert(1)</script> \x1b[31mansi\x1b[0m =cmd|' /C calc'!A0"
MARCH_2 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc).timestamp()
MARCH_10 = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc).timestamp()


@dataclass
class World:
    admin: Person
    tess: Person  # therapist of Ann
    otto: Person  # therapist of Bob
    sue: Person  # supervisor of Tina
    ann: Person
    bob: Person
    tina: Person
    ann_first: int  # mentalizing session with a risk event
    ann_second: int  # repair session
    bob_session: int
    tina_session: int


def _consent_given(t: float) -> list[dict]:
    """A session's opening as the dialogue runs it: the notice, the person's yes, the slot."""
    return [*session_start(t), bot("Attune is a practice tool, not therapy. May we keep this session "
                                   "for your therapist?", t + 0.1),
            user("yes", "affirm", t + 0.2), slot("consent_given", True, t + 0.3)]


def _ann_events() -> list[dict]:
    mentalizing = analyze(ANN_TEXT).mentalizing.to_dict()
    risk = {"category": "self_harm", "severity": "high", "level": "explicit",
            "evidence": [{"start": 19, "end": 33, "text": "hurt myself", "marker": "self_harm",
                          "explanation": "names wanting to hurt oneself"}]}
    t = MARCH_2
    return [
        *_consent_given(t),
        slot("exercise", "mentalizing", t + 2), slot("exercise_step", "self_mind", t + 2),
        bot("Think of a recent moment with someone close. What went through your mind?", t + 3),
        user(ANN_TEXT, "inform", t + 4),
        slot("turn_annotation", {"kind": "mentalizing", "result": mentalizing}, t + 5),
        slot("suds", 6.0, t + 6),
        bot("You noticed your own guess and left room for hers.", t + 7),
        user(RISK_TEXT, "inform", t + 8),
        slot("risk_event", risk, t + 9),
        bot("I'm glad you told me. Here are people you can reach right now.", t + 10),
        user(HOSTILE_TEXT, "inform", t + 11),
        *session_start(MARCH_10),
        slot("exercise", "repair", MARCH_10 + 1), slot("exercise_step", "attempt", MARCH_10 + 1),
        bot("Your friend says: you forgot my birthday.", MARCH_10 + 2),
        user("I'm sorry I forgot, that must have hurt.", "inform", MARCH_10 + 3),
    ]


def _simple_events(text: str, exercise: str) -> list[dict]:
    return [*_consent_given(MARCH_2),
            slot("exercise", exercise, MARCH_2 + 2), bot("Hello.", MARCH_2 + 3), user(text, "inform", MARCH_2 + 4)]


def _link(carer: Person, sender: str) -> None:
    code = repository.issue_pairing_code(carer)
    assert repository.redeem_pairing_code(code.code, sender).ok


def _only(actor: Person, role: Role) -> Person:
    (person,) = repository.list_people(actor, role)
    return person


def build_world() -> World:
    admin = repository.bootstrap_admin("admin", PASSWORD)
    tess = repository.create_person(admin, Role.THERAPIST, "Dr Tess", "tess", PASSWORD)
    otto = repository.create_person(admin, Role.THERAPIST, "Dr Otto", "otto", PASSWORD)
    sue = repository.create_person(admin, Role.SUPERVISOR, "Sue", "sue", PASSWORD)
    _link(tess, "chat-ann")
    _link(otto, "chat-bob")
    _link(sue, "chat-tina")
    record_events("chat-ann", _ann_events())
    record_events("chat-bob", _simple_events("Bob's private words.", "mentalizing"))
    # Tina's session is simulated practice: the only kind of a trainee's session a supervisor reads.
    record_events("chat-tina", _simple_events("What did you feel then?", "trainee"))
    ann, bob, tina = _only(tess, Role.CLIENT), _only(otto, Role.CLIENT), _only(sue, Role.TRAINEE)
    second, first = (s.id for s in repository.list_conversations(tess))  # newest first
    (bob_session,) = (s.id for s in repository.list_conversations(otto))
    (tina_session,) = (s.id for s in repository.list_conversations(sue))
    return World(admin, tess, otto, sue, ann, bob, tina, first, second, bob_session, tina_session)


@pytest.fixture
def world_builder():
    return build_world


@pytest.fixture(scope="session")
def _template(tmp_path_factory):
    """The world built once into a SQLite file; each test gets its own copy (bcrypt and spaCy make
    building it take a second or two)."""
    folder = tmp_path_factory.mktemp("review-template")
    with fresh_database("sqlite", folder) as url:
        world = build_world()
        key = os.environ["ATTUNE_ENCRYPTION_KEY"]
        db.reset_caches()  # closes connections, so the WAL is checkpointed into the file
    return world, Path(make_url(url).database), key


@pytest.fixture
def world(_template, tmp_path, monkeypatch):
    """A private copy of the store (and data dir) per test: commands write notes, acks, erasures."""
    built, template_file, key = _template
    copy = tmp_path / "attune.db"
    shutil.copyfile(template_file, copy)
    monkeypatch.delenv("ATTUNE_REVIEW_TOKEN", raising=False)
    monkeypatch.setenv("ATTUNE_DATABASE_URL", f"sqlite:///{copy}")
    monkeypatch.setenv("ATTUNE_ENCRYPTION_KEY", key)
    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path))
    db.reset_caches()
    yield built
    db.reset_caches()


class Attune:
    """Runs `attune` in-process as a given person (a real token in the real token file)."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def sign_in(self, person: Person) -> "Attune":
        auth.save_token(repository.issue_token(person))
        return self

    def __call__(self, *args: str, input: str | None = None, color: bool = False):
        env = {"COLUMNS": "400", "LINES": "100"}
        if color:
            env["FORCE_COLOR"] = "1"
        else:
            env["NO_COLOR"] = "1"
        return self.runner.invoke(cli, list(map(str, args)), input=input, env=env, catch_exceptions=False)


@pytest.fixture
def hostile_text() -> str:
    return HOSTILE_TEXT


@pytest.fixture
def attune() -> Attune:
    return Attune()

