"""Foundation figures: install time from an empty pip cache, train time, the no-retrain check, and
time from server start to the first answer.

The fresh install takes minutes; set ATTUNE_BENCH_SKIP_INSTALL=1 to leave it out.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
PY = REPO / ".venv" / "bin" / "python"
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
TRAIN = [str(PY), "-m", "rasa", "train", "--domain", "domain.yml", "--config", "config.yml",
         "--data", "data", "--quiet"]


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=kwargs.pop("env", ENV), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start


def install_time(workdir: Path) -> float:
    venv = workdir / "venv"
    python = Path.home() / ".pyenv" / "versions" / (REPO / ".python-version").read_text().strip() / "bin" / "python"
    start = time.perf_counter()
    subprocess.run([str(python if python.exists() else sys.executable), "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-cache-dir",
                    "--no-deps", "-r", str(REPO / "requirements.lock")], check=True)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_answer_time(workdir: Path) -> float:
    rasa_port, actions_port = free_port(), free_port()
    env = {**ENV, "ATTUNE_DATA_DIR": str(workdir / "data"), "ATTUNE_RASA_PORT": str(rasa_port),
           "ATTUNE_ACTIONS_PORT": str(actions_port),
           "ATTUNE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook", "ATTUNE_API_TOKEN": ""}
    start = time.perf_counter()
    try:
        subprocess.run(["scripts/serve.sh", "start"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        reply = requests.post(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                              json={"sender": "bench", "message": "hi"}, timeout=60).json()
        assert reply, "no answer"
        return time.perf_counter() - start
    finally:
        subprocess.run(["scripts/serve.sh", "stop"], cwd=REPO, env=env, stdout=subprocess.DEVNULL)


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if os.environ.get("ATTUNE_BENCH_SKIP_INSTALL") == "1":
            print("install from an empty pip cache: skipped (ATTUNE_BENCH_SKIP_INSTALL=1)")
        else:
            print(f"install from an empty pip cache (venv + requirements.lock): {install_time(workdir):.0f} s")
        out = workdir / "models"
        print(f"rasa train from scratch:                  {timed(TRAIN + ['--out', str(out), '--force']):.0f} s")
        # What `make run` does: scripts/train.sh stamps the inputs next to the model.
        env = {**ENV, "ATTUNE_MODELS_DIR": str(out)}
        first = timed(["scripts/train.sh"], env=env)
        models_before = {p: p.stat().st_mtime for p in out.glob("*.tar.gz")}
        again = timed(["scripts/train.sh"], env=env)
        retrained = {p: p.stat().st_mtime for p in out.glob("*.tar.gz")} != models_before
        print(f"make train after that (stamps the inputs): {first:.0f} s")
        print(f"make train again, nothing changed:        {again:.1f} s, "
              f"{'RETRAINED (the check missed!)' if retrained else 'no training, same model'}")
        if not any((REPO / "models").glob("*.tar.gz")):
            (REPO / "models").mkdir(exist_ok=True)
            for model in out.glob("*.tar.gz"):
                shutil.copy(model, REPO / "models")
        print(f"server start to first answer (both servers): {first_answer_time(workdir):.0f} s")
