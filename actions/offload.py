"""Keep CPU-bound work off the action server's event loop.

The analysis of an answer (spaCy) takes a few hundred milliseconds of CPU. Run on the event loop it
stalls every other call the server holds: under load, requests queue, Sanic's time-outs close
connections Rasa is still writing to, and Rasa drops those actions' events. `off_loop` runs such
work in one worker thread and awaits it, so the loop keeps accepting and answering.

With ATTUNE_PRELOAD_ANALYSIS=1 (scripts/serve.sh sets it) importing this module loads spaCy and the
lexicons of the analysis this server still runs with one short analysis, before Sanic forks its
worker processes: the workers share those pages, and nobody's first answer pays for the loading.
The Rasa server hands over the parts that read a message alone (bot/analysis/handover.py), so what
is preloaded here is the prompt part, which needs the question answered, and what reading the
hand-over needs (left to each worker, that took more CPU than the reading itself). spaCy itself
stays: the exercises import it (the prompt part, who a story is about, quoting), and a message the
NLU did not analyse (a button's payload, a model from before the hand-over) is analysed here.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# One thread: the analysis holds the GIL, so more threads would not make it faster, and one spaCy
# pipeline is never used by two threads at once. The thread starts on first use (after the fork).
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attune-analysis")


async def off_loop(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` in the analysis thread, awaited without blocking the event loop."""
    return await asyncio.get_running_loop().run_in_executor(_WORKER, functools.partial(function, *args, **kwargs))


def preload_analysis() -> None:
    try:
        from bot.analysis import analyze
        from bot.analysis.handover import handed_over, warm_up

        analyze("It sounds like that really hurt. What was it like for you?", context="He didn't call me back.",
                only="prompt" if handed_over() else "mentalizing")
        if handed_over():
            warm_up()
    except Exception:  # noqa: BLE001 - the first real answer will load it (and report a real problem)
        log.exception("Could not preload the analysis; it will load on the first answer")


if os.environ.get("ATTUNE_PRELOAD_ANALYSIS") == "1":
    preload_analysis()
