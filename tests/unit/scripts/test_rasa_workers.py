"""scripts/rasa_workers.py: how many Rasa workers `make serve` starts, run as the script it is,
against the machine's real Redis (skipped where none answers) and an address where none can."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "rasa_workers.py"
REDIS = "redis://127.0.0.1:6379/0"
NOBODY = "redis://127.0.0.1:1/0"  # port 1: nothing listens there


def run(setting: str, redis_url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), setting], capture_output=True, text=True,
                          env={"ATTUNE_REDIS_URL": redis_url, "PATH": "/usr/bin:/bin"}, cwd=REPO)


def redis_is_up() -> bool:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import rasa_workers
    finally:
        sys.path.pop(0)
    return rasa_workers.redis_answers(REDIS)


def test_a_number_is_taken_as_it_is():
    done = run("3", NOBODY)
    assert (done.returncode, done.stdout.strip()) == (0, "3")


@pytest.mark.parametrize("setting", ["0", "-2", "many"])
def test_anything_else_is_refused_with_a_reason(setting):
    done = run(setting, NOBODY)
    assert done.returncode == 2 and done.stdout == ""
    assert "ATTUNE_RASA_WORKERS" in done.stderr or "invalid literal" in done.stderr


@pytest.mark.parametrize("setting", ["auto", ""])
def test_auto_without_redis_is_one_worker(setting):
    done = run(setting, NOBODY)
    assert done.stdout.strip() == "1"
    assert "no Redis answering" in done.stderr or "one CPU" in done.stderr


def test_auto_with_redis_is_one_per_cpu():
    import os

    if not redis_is_up():
        pytest.skip(f"no Redis at {REDIS}")
    done = run("auto", REDIS)
    assert done.stdout.strip() == str(min(os.cpu_count() or 1, 4))
