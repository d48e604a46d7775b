"""Shared by the side-by-side bench and `make bench-load`: Attune and `rasa init`'s vanilla bot, each
trained from scratch and served on free loopback ports, with their processes' memory.

The vanilla bot is exactly what `rasa init --no-prompt` writes (Rasa's own scaffold, copied by the
same function), trained with the same Rasa in a temporary folder; its action server is
`rasa run actions` on the scaffold's (empty) actions package. Nothing here touches models/, .rasa/
or var/ of the repository: every run has its own folders and Rasa cache.
"""
from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
PY = REPO / ".venv" / "bin" / "python"
BASE_ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": "ignore"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def create_vanilla_project(folder: Path) -> Path:
    """What `rasa init --no-prompt` writes, without its training step (timed separately here)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(PY), "-c", "import sys; from rasa.cli.scaffold import create_initial_project; "
                    "create_initial_project(sys.argv[1])", str(folder)], check=True, env=BASE_ENV)
    return folder


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: list[str], cwd: Path, env: dict, log: Path) -> tuple[float, float]:
    """Run a command to completion: (wall seconds, CPU seconds of it and its children). CPU time
    says what the work costs even when other people's jobs share the machine; wall time does not."""
    cpu, start = children_cpu(), time.perf_counter()
    with log.open("w") as handle:
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=handle, stderr=subprocess.STDOUT)
    return time.perf_counter() - start, children_cpu() - cpu


def train(project: Path, out: Path, cache: Path, log: Path) -> tuple[float, float]:
    """`rasa train` from scratch (an empty Rasa cache of its own): (wall, CPU) seconds."""
    return timed_run([str(PY), "-W", "ignore", "-m", "rasa", "train", "--domain", "domain.yml", "--config",
                      "config.yml", "--data", "data", "--out", str(out)],
                     project, {**BASE_ENV, "RASA_CACHE_DIRECTORY": str(cache)}, log)


def tree_pids(pid: int) -> list[int]:
    try:
        kids = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return [pid]
    return [pid] + [p for kid in kids for p in tree_pids(kid)]


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its live children."""
    total = 0.0
    for each in tree_pids(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def memory_mib(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process and its children in MiB. PSS counts pages shared between forked
    workers once, so it is the fairer figure for a multi-worker server."""
    rss = pss = 0
    for each in tree_pids(pid):
        try:
            for line in Path(f"/proc/{each}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024


def wait_answering(url: str, pid: int, log: Path, name: str) -> None:
    result = subprocess.run([str(PY), str(REPO / "scripts" / "wait_http.py"), url, str(pid), "--log", str(log),
                             "--name", name])
    if result.returncode != 0:
        raise RuntimeError(f"{name} did not start; its log ends:\n" + "\n".join(log.read_text().splitlines()[-20:]))


def say(url: str, sender: str, text: str, timeout: float = 300) -> list[dict]:
    response = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                             timeout=timeout)
    response.raise_for_status()
    return response.json()


@dataclass
class Served:
    """A Rasa server and its action server, started by `start_*`, stopped by `stop()`."""

    name: str
    rasa_url: str
    rasa_pid: int
    actions_pid: int
    logs: dict[str, Path]
    started_s: float = 0.0  # start of both servers to the first answer to "hi"
    started_cpu: float = 0.0  # CPU seconds both servers used until then
    stop_hook: list = field(default_factory=list)

    def memory(self) -> dict[str, tuple[float, float]]:
        return {"rasa": memory_mib(self.rasa_pid), "actions": memory_mib(self.actions_pid)}

    def log(self, which: str) -> str:
        path = self.logs.get(which)
        return path.read_text(errors="replace") if path and path.exists() else ""

    def stop(self) -> None:
        for hook in self.stop_hook:
            hook()
        self.stop_hook.clear()


def _first_answer(served: Served, start: float) -> Served:
    reply = say(served.rasa_url, f"{served.name}-first", "hi")
    if not reply:
        raise RuntimeError(f"{served.name}: no answer to 'hi'")
    served.started_s = time.perf_counter() - start
    served.started_cpu = cpu_seconds(served.rasa_pid) + cpu_seconds(served.actions_pid)
    return served


def start_attune(workdir: Path, models: Path, rasa_workers: int | None = None) -> Served:
    """`make serve`'s scripts/serve.sh with its own data dir, model folder and ports (and
    `rasa_workers` Rasa worker processes, sharing a Redis lock store when more than one)."""
    rasa_port, actions_port = free_port(), free_port()
    env = {**BASE_ENV, "ATTUNE_RASA_WORKERS": str(rasa_workers or "auto"), "ATTUNE_DATA_DIR": str(workdir), "ATTUNE_DATABASE_URL": f"sqlite:///{workdir / 'attune.db'}",
           "ATTUNE_RASA_PORT": str(rasa_port), "ATTUNE_ACTIONS_PORT": str(actions_port),
           "ATTUNE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook", "ATTUNE_BIND": "127.0.0.1",
           "ATTUNE_API_TOKEN": "", "ATTUNE_MODELS_DIR": str(models)}
    env.pop("ATTUNE_ENCRYPTION_KEY", None)
    start = time.perf_counter()
    subprocess.run([str(REPO / "scripts" / "serve.sh"), "start"], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    run_dir = workdir / "run"
    served = Served("attune", f"http://127.0.0.1:{rasa_port}", int((run_dir / "rasa.pid").read_text()),
                    int((run_dir / "actions.pid").read_text()),
                    {"rasa": run_dir / "rasa.log", "actions": run_dir / "actions.log"})
    served.stop_hook.append(lambda: subprocess.run([str(REPO / "scripts" / "serve.sh"), "stop"], cwd=REPO, env=env,
                                                   stdout=subprocess.DEVNULL))
    try:
        return _first_answer(served, start)
    except Exception:
        served.stop()
        raise


def start_vanilla(project: Path, models: Path) -> Served:
    """The vanilla bot's `rasa run` and `rasa run actions`, started together as `make serve` does."""
    rasa_port, actions_port = free_port(), free_port()
    logs = {"rasa": project / "rasa.log", "actions": project / "actions.log"}
    start = time.perf_counter()
    with logs["actions"].open("w") as alog, logs["rasa"].open("w") as rlog:
        actions = subprocess.Popen([str(PY), "-m", "rasa_sdk", "--actions", "actions", "--port", str(actions_port)],
                                   cwd=project, env={**BASE_ENV, "SANIC_HOST": "127.0.0.1"}, stdout=alog,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        rasa = subprocess.Popen([str(PY), "-m", "rasa", "run", "--model", str(models), "--interface", "127.0.0.1",
                                 "--port", str(rasa_port)],
                                cwd=project, env=BASE_ENV, stdout=rlog, stderr=subprocess.STDOUT,
                                start_new_session=True)
    served = Served("vanilla", f"http://127.0.0.1:{rasa_port}", rasa.pid, actions.pid, logs)

    def stop() -> None:
        for process in (rasa, actions):
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    served.stop_hook.append(stop)
    try:
        wait_answering(f"http://127.0.0.1:{actions_port}/health", actions.pid, logs["actions"], "the vanilla action server")
        wait_answering(f"{served.rasa_url}/", rasa.pid, logs["rasa"], "the vanilla Rasa server")
        return _first_answer(served, start)
    except Exception:
        served.stop()
        raise


def ratio(attune: float, vanilla: float) -> str:
    return f"{attune / vanilla:.2f}x" if vanilla else "-"


def table(rows: list[tuple], header: tuple) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(row: tuple) -> str:
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([line(header), line(tuple("-" * w for w in widths)), *map(line, rows)])


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
