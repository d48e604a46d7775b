"""How many Rasa worker processes `make serve` starts: prints the number (and why, on stderr).

Usage: rasa_workers.py [SETTING]   (SETTING: ATTUNE_RASA_WORKERS's value; empty or "auto" decides)

Several workers need a lock store they share, so that one conversation's messages still run one
at a time; Attune uses Redis for it (ATTUNE_REDIS_URL, default redis://127.0.0.1:6379/0). "auto"
gives one worker per CPU (at most 4) when that Redis answers, and one otherwise: the Rasa server is
the part of Attune that one CPU limits under load. A number is taken as it is.
"""
from __future__ import annotations

import os
import sys

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
MAX_AUTO_WORKERS = 4


def redis_answers(url: str, timeout_s: float = 1.0) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s).ping())
    except (redis.RedisError, OSError, ValueError):
        return False


def workers(setting: str, cpus: int, redis_url: str) -> tuple[int, str]:
    """(workers, why) for ATTUNE_RASA_WORKERS's value `setting`."""
    setting = setting.strip().lower()
    if setting not in ("", "auto"):
        count = int(setting)
        if count < 1:
            raise ValueError(f"ATTUNE_RASA_WORKERS must be a positive number or auto, not {setting!r}")
        return count, "ATTUNE_RASA_WORKERS"
    if cpus < 2:
        return 1, "one CPU"
    if not redis_answers(redis_url):
        return 1, f"no Redis answering at {redis_url} for a shared lock store"
    return min(cpus, MAX_AUTO_WORKERS), f"one per CPU, sharing the Redis lock store at {redis_url}"


def main() -> int:
    setting = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ATTUNE_RASA_WORKERS", "")
    try:
        count, why = workers(setting, os.cpu_count() or 1, os.environ.get("ATTUNE_REDIS_URL") or DEFAULT_REDIS_URL)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Rasa workers: {count} ({why}).", file=sys.stderr)
    print(count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
