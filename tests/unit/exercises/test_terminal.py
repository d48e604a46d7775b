"""The terminal practice (`python -m bot.exercises.mentalizing`) runs a whole scripted conversation."""
from __future__ import annotations

import io
import json

import pytest

from bot.exercises.mentalizing.__main__ import main

ANSWERS = [
    "I felt hurt and a bit silly.",
    "skip",
    "Maybe she was swamped at work, or perhaps she felt pressured by me.",
    "",
    "She might have thought I was sulking because I went quiet.",
    "I know she was ignoring me.",
    "Now I think she was probably just tired.",
    "Okay.",
    "Looking back, I'd ask her how her day went.",
]


def _run(monkeypatch, capsys, args, answers):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    code = main(args)
    return code, capsys.readouterr()


def test_a_scripted_scenario_conversation_reaches_the_summary(monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, ["--scenario", "partner_unanswered_text", "--seed", "1", "--therapist"], ANSWERS)
    assert code == 0
    assert "You sent your partner Maya" in out.out
    assert "Here is the side of Maya" in out.out or "one way Maya might have seen it" in out.out or \
        "the story imagined Maya" in out.out
    view = json.loads(out.out[out.out.index("{\n"):])
    assert view["turns"] and all("rf_estimate" in row for row in view["turns"])


def test_the_own_moment_path_names_the_person_and_stops_on_request(monkeypatch, capsys):
    answers = ["My brother laughed when I told him about the audition.", "I felt small.", "I wanted to hide.", "stop"]
    code, out = _run(monkeypatch, capsys, ["--own", "--seed", "2"], answers)
    assert code == 0
    assert "your brother" in out.out.lower()


def test_an_unknown_scenario_is_a_clear_error(monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, ["--scenario", "nope"], [])
    assert code == 2 and "no scenario with id 'nope'" in out.err


@pytest.mark.parametrize("answers", [[], ["\x00\x1b[2J", "🙂" * 50, "x" * 12_000]])
def test_odd_input_never_crashes(monkeypatch, capsys, answers):
    code, out = _run(monkeypatch, capsys, ["--seed", "3"], answers)
    assert code == 0 and "Attune:" in out.out
