"""Run every `bench/<prefix>*.py` module's `run()` in turn: `make eval` and `make bench` share this.

One module's failure is printed with its traceback and the rest still run; the exit status says
how many failed, so a broken evaluation is never silent.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def module_names(prefix: str) -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(BENCH_DIR)]) if m.name.startswith(prefix))


def run_all(prefix: str, argv: list[str] | None = None) -> int:
    """Import and run each module (or only those named in argv, e.g. `eval_mindca`); 1 if any failed."""
    names = module_names(prefix)
    wanted = [a for a in (argv or []) if not a.startswith("-")]
    if wanted:
        names = [n for n in names if n in wanted or n.removeprefix(prefix) in wanted]
    failed = []
    for name in names:
        print(f"\n{'=' * 100}\n# {name}\n{'=' * 100}", flush=True)
        start = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").run()
        except Exception:  # report and go on: one broken module must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        print(f"\n({name}: {time.perf_counter() - start:.1f} s)", flush=True)
    print(f"\n{len(names) - len(failed)} of {len(names)} modules ran" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


def main(prefix: str) -> None:
    sys.exit(run_all(prefix, sys.argv[1:]))
