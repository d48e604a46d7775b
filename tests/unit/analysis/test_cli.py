"""The analysis command line, run as a real subprocess on real input (files and stdin)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
ENV_PYTHON = sys.executable


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ENV_PYTHON, "-m", "bot.analysis", *args], cwd=REPO, input=stdin, capture_output=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore"},
    )


def rows(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One subprocess over a file mixing plain lines, JSONL, blanks, bad JSON and odd bytes."""
    path = tmp_path_factory.mktemp("cli") / "input.txt"
    lines = [
        b"I think he was hurt because I laughed at him.",
        json.dumps({"id": "t2", "text": "What was going on for you then?", "context": "I froze."}).encode(),
        b"",
        b'{"text": 5}',
        b"{not json, just a brace}",
        "I can\u2019t stop thinking about ending it all.".encode(),
        b"bad bytes \xff\xfe here",
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return run_cli(str(path))


def test_one_json_object_per_input_line_in_order(mixed_run):
    out = rows(mixed_run)
    assert [r["line"] for r in out] == list(range(1, 8))
    assert out[0]["mentalizing"]["rf_estimate"] >= 5
    assert {"risk", "mentalizing", "repair", "prompt"} <= set(out[0])


def test_jsonl_fields_pass_through_and_context_reaches_the_prompt_part(mixed_run):
    second = rows(mixed_run)[1]
    assert second["id"] == "t2" and second["text"] == "What was going on for you then?"
    assert second["prompt"] is not None


def test_bad_lines_get_an_error_object_and_the_run_goes_on(mixed_run):
    out = rows(mixed_run)
    assert out[2]["notes"] and "empty" in out[2]["notes"][0]
    assert "error" in out[3] and '"text"' in out[3]["error"]
    assert out[4]["text"] == "{not json, just a brace}"  # not JSON: read as a plain message
    assert "\ufffd" in out[6]["text"]
    assert mixed_run.returncode == 1  # one line could not be read


def test_risk_is_reported_through_the_cli(mixed_run):
    risk = rows(mixed_run)[5]["risk"]
    assert risk is not None and json.dumps(risk)  # the risk part's own fields, whatever they are
    assert rows(mixed_run)[5]["text"].startswith("I can't")  # curly apostrophe normalised


def test_stdin_with_only_and_strict_jsonl():
    done = run_cli("--only", "mentalizing", "--format", "jsonl",
                   stdin=b'{"text": "She seemed worried."}\n{"oops"\n')
    out = rows(done)
    assert out[0]["mentalizing"]["families"] and out[0]["risk"] is None and out[0]["prompt"] is None
    assert "not valid JSON" in out[1]["error"]
    assert done.returncode == 1


def test_missing_file_and_unknown_part_are_clear_errors():
    missing = run_cli("/no/such/file.txt")
    assert missing.returncode == 2 and b"cannot read /no/such/file.txt" in missing.stderr
    unknown = run_cli("--only", "horoscope", stdin=b"hi\n")
    assert unknown.returncode == 2 and b"invalid choice" in unknown.stderr


def test_output_file_option(tmp_path):
    target = tmp_path / "out.jsonl"
    done = run_cli("--only", "repair", "-o", str(target), stdin=b"I'm sorry, that was my fault.\n")
    assert done.returncode == 0 and done.stdout == b""
    assert json.loads(target.read_text())["repair"]["components"]
