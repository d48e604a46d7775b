"""A trainee's practice session as review and exports show it: labelled as simulated practice in
every format and in the review terminal (so a simulated client's words are never taken for a real
client's), with the supervisor's whole-session report quoting the prompts behind its scores. The
session's annotations come from a real run of the engine (real rubric, real risk reading)."""
from __future__ import annotations

import csv
import io
import json
import random
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from pypdf import PdfReader
from rich.console import Console

from bot.exercises.trainee.exercise import TraineeExercise
from bot.exercises.trainee.library import client_by_id
from bot.exercises.trainee.state import SessionState
from bot.export import render
from bot.export.audience import without_scores
from bot.export.labels import label
from bot.export.practice import is_simulated, report_sections
from bot.export.sample import sample_transcript
from bot.review.terminal import sessions_table, transcript_view
from bot.store.views import (
    AnnotationView,
    ConsentRecord,
    ConversationSummary,
    EvidenceView,
    Person,
    Role,
    Speaker,
    Transcript,
    Turn,
)

START = datetime(2026, 5, 4, 10, 0, tzinfo=timezone.utc)
PROMPTS = [
    "That sounds like a hard year. What have the nights been like?",
    "It sounds lonely. What goes through your mind when you can't sleep?",
    "When you say they'd be better off without you, are you having thoughts of suicide?",
    "You're not going to do anything silly, are you?",
    "Have you thought about how you would do it?",
    "You should try to get out more.",
]


def practice_transcript() -> Transcript:
    """Rob's risk-assessment session as the store would hand it out: bot lines (the client's words,
    marked as simulated) and the trainee's prompts with their annotations."""
    engine, rng = TraineeExercise(), random.Random(7)
    state = SessionState()
    state.meet(client_by_id("rob_veiled_risk"))
    current = state.to_dict()
    turns: list[Turn] = []

    def add(speaker: Speaker, text: str, step: str, annotations=()) -> None:
        seq = len(turns) + 1
        turns.append(Turn(500 + seq, 5, seq, speaker, text, None, "trainee", step,
                          START + timedelta(minutes=seq), annotations=tuple(annotations)))

    for prompt in PROMPTS:
        asked = engine.ask(current, rng)
        for line in asked.messages:
            add(Speaker.BOT, line, asked.step or "")
        reply = engine.answer(asked.state, prompt, rng, question=asked.question or "")
        a = reply.annotation
        evidence = tuple(EvidenceView(e["start"], e["end"], e["text"], e["marker"], e.get("explanation", ""))
                         for e in a.evidence)
        add(Speaker.USER, prompt, a.step, [AnnotationView(900 + len(turns), 501 + len(turns), "trainee", a.result,
                                                          evidence, a.scores, START)])
        for line in reply.messages:
            add(Speaker.BOT, line, a.step)
        current = reply.state
    person = Person(9, Role.TRAINEE, "Tess Trainee", None, START - timedelta(days=3))
    scores = {name: tuple(t.annotations[0].scores[name] for t in turns if t.annotations)
              for name in ("trainee_client_depth",)}
    summary = ConversationSummary(5, 9, person.display_name, START, START + timedelta(minutes=len(turns)),
                                  len(turns), ("trainee",), 0, 0, scores)
    return Transcript(summary, person, ConsentRecord(90, 9, "1", True, START - timedelta(days=3)), tuple(turns))


@pytest.fixture(scope="module")
def practice():
    return practice_transcript()


def test_the_supervisor_report_says_what_went_well_and_what_to_practise_with_the_words(practice):
    sections = {s.heading: "\n".join(s.lines) for s in report_sections(practice)}
    assert list(sections) == ["Supervisor's report: simulated practice", "What the trainee did well",
                              "What to practise", "Risk assessment"]
    overview = sections["Supervisor's report: simulated practice"]
    assert "Rob, 52" in overview and "veiled" in overview and "Prompts 6" in overview
    assert f'"{PROMPTS[1]}"' in sections["What the trainee did well"]
    practise = sections["What to practise"]
    assert f'"{PROMPTS[3]}"' in practise and "leading question about risk" in practise
    assert f'"{PROMPTS[5]}"' in practise and "advice" in practise
    assert "'silly'" in practise or "'anything silly'" in practise  # the words behind the mark
    risk = sections["Risk assessment"]
    assert "Disclosure in the client's reply to turn_2" in risk
    assert f'Thoughts of suicide: asked directly at turn_3: "{PROMPTS[2]}"' in risk
    assert f'Plan: asked directly at turn_5: "{PROMPTS[4]}"' in risk
    assert "Means: not asked." in risk and "Safety planning: not asked." in risk
    assert "Topics asked directly: 2 of 4." in risk


def test_every_format_labels_the_session_as_simulated_practice_and_carries_the_report(practice):
    note = label("simulated")
    md = render([practice], "md").decode()
    assert note in md.replace("\\", "") and "Supervisor's report" in md.replace("\\", "")
    assert "Rob (simulated client): " in md and "Trainee ·" in md
    html = unescape(render([practice], "html").decode())
    assert note in html and "practice-report" in html and "Rob (simulated client): " in html
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(render([practice], "pdf"))).pages)
    assert " ".join(note.split()) in pdf and "What to practise" in pdf
    rows = list(csv.DictReader(io.StringIO(render([practice], "csv").decode("utf-8-sig"), newline="")))
    assert rows and all(r["simulated"] == label("simulated_short") for r in rows)
    assert {r["speaker_label"] for r in rows} == {"Trainee", "Attune"}
    doc = json.loads(render([practice], "json"))
    assert doc["practice"][0]["session_id"] == 5 and doc["practice"][0]["simulated"] is True
    assert doc["practice"][0]["label"] == note
    assert [r["heading"] for r in doc["practice"][0]["reports"]][-1] == "Risk assessment"


def test_a_real_client_s_session_carries_no_simulated_label_and_no_report():
    real = sample_transcript()
    assert not is_simulated(real.conversation) and report_sections(real) == []
    for fmt in ("md", "html", "csv"):
        text = render([real], fmt).decode("utf-8-sig")
        assert label("simulated_short") not in text.lower() and "simulated client" not in text
    assert json.loads(render([real], "json"))["practice"] == []


def test_the_review_terminal_labels_the_session_and_shows_the_report(practice):
    console = Console(record=True, width=200)
    console.print(transcript_view(practice))
    console.print(sessions_table([practice.conversation, sample_transcript().conversation]))
    shown = console.export_text()
    assert label("simulated") in " ".join(shown.split()) or label("simulated")[:60] in shown
    assert "What to practise" in shown and "Trainee" in shown and "Rob (simulated client): " in shown
    assert f"trainee ({label('simulated_short')})" in shown


def test_a_reader_who_may_not_see_scores_gets_no_report_built_from_emptied_annotations(practice):
    assert report_sections(without_scores(practice)) == []


def test_the_web_review_s_transcript_page_labels_the_session_and_shows_the_report(practice):
    from bot.export import FORMATS
    from bot.export.labels import all_labels
    from bot.export.practice import simulated_note
    from bot.web import pages
    from bot.web.app import page

    reader = Person(3, Role.SUPERVISOR, "Sue", "sue", START)
    simulated = is_simulated(practice.conversation)
    html = unescape(page("transcript.html.j2", me=reader, csrf="token", labels=all_labels(), transcript=practice,
                         facts=pages.session_facts(practice), turns=[pages.turn_page(t, simulated) for t in practice.turns],
                         chart=None, carer=True, formats=FORMATS, simulated=simulated_note(practice.conversation),
                         reports=report_sections(practice)).body.decode())
    assert label("simulated") in html and "What to practise" in html and "Risk assessment" in html
    assert f'"{PROMPTS[3]}"' in html and ">Trainee<" in html
