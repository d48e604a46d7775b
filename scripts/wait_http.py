"""Wait until a server answers HTTP 200 for as long as its process is alive and making progress.

Usage: wait_http.py URL PID [--log FILE] [--stall SECONDS] [--limit SECONDS] [--name NAME]

A fixed time-out is wrong on a busy machine: loading Rasa, TensorFlow and spaCy on two shared
cores can take minutes, and the server answers seconds after a fixed limit gives up. So this waits
while the process (and its children, e.g. Sanic workers) is alive and progressing: using CPU or
writing to its log. It gives up when the process exits, when it made no progress for --stall
seconds (default 180: stuck, not slow), or after --limit seconds when one is given (default none;
ATTUNE_START_LIMIT sets it too). Every 15 s it prints how far it got, on stderr.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

TICK = 0.5
REPORT_EVERY = 15.0


def children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    pids = [int(p) for p in found]
    return pids + [grand for child in pids for grand in children(child)]


def cpu_seconds(pid: int) -> float | None:
    """CPU time used by the process and its live children (None where /proc is unavailable)."""
    total, ticks, seen = 0.0, os.sysconf("SC_CLK_TCK"), False
    for each in [pid, *children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        seen = True
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return total if seen else None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def last_line(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    with log.open("rb") as handle:
        handle.seek(max(0, log.stat().st_size - 2000))
        lines = [line for line in handle.read().decode(errors="replace").splitlines() if line.strip()]
    return lines[-1].strip()[:140] if lines else ""


def wait(url: str, pid: int, log: Path | None, stall: float, limit: float | None, name: str) -> int:
    start = last_progress = last_report = time.monotonic()
    cpu, size = cpu_seconds(pid), -1
    while True:
        if answers(url):
            print(f"{name} answered after {time.monotonic() - start:.0f} s", file=sys.stderr)
            return 0
        now = time.monotonic()
        if not alive(pid):
            print(f"{name} (pid {pid}) exited before it answered on {url}", file=sys.stderr)
            return 1
        new_cpu = cpu_seconds(pid)
        new_size = log.stat().st_size if log is not None and log.exists() else -1
        if new_cpu is None or new_cpu > (cpu or 0) + 0.05 or new_size != size:
            last_progress = now  # without /proc we cannot tell, so alive counts as progress
        cpu, size = new_cpu, new_size
        if now - last_progress > stall:
            print(f"{name} (pid {pid}) made no progress (no CPU time, no log output) for {stall:.0f} s; "
                  f"giving up on {url}", file=sys.stderr)
            return 1
        if limit is not None and now - start > limit:
            print(f"{name} did not answer on {url} within {limit:.0f} s", file=sys.stderr)
            return 1
        if now - last_report >= REPORT_EVERY:
            last_report = now
            used = f", {cpu:.0f} s CPU" if cpu is not None else ""
            print(f"  waiting for {name}: {now - start:.0f} s{used}; {last_line(log)}", file=sys.stderr, flush=True)
        time.sleep(TICK)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("pid", type=int)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--stall", type=float, default=180.0)
    env_limit = os.environ.get("ATTUNE_START_LIMIT")
    parser.add_argument("--limit", type=float, default=float(env_limit) if env_limit else None)
    parser.add_argument("--name", default="the server")
    args = parser.parse_args(argv)
    return wait(args.url, args.pid, args.log, args.stall, args.limit, args.name)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
