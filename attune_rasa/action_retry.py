"""Retry a custom action whose call could not reach the action server.

Rasa 3.6 calls the action server once: when it cannot connect (the server restarting, a worker being
replaced, its listen queue full for a moment) the action fails and Rasa drops its events, so the
person's answer, consent or exercise step is gone. Here a call that failed to *connect* is tried
again after 0.5, 1, 2 and 4 s. Only connection failures are retried: then nothing reached the action
server, so no action runs twice. Any other failure is Rasa's as before (and the REST channel still
apologises when a turn produced no reply, so the person knows to say it again).

Installed with the other Rasa patches when `attune_rasa` is imported in a Rasa server.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0)
_installed = False


def _could_not_connect(error: BaseException) -> bool:
    import aiohttp

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, aiohttp.ClientConnectorError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _with_retries(run: Any) -> Any:
    @functools.wraps(run)
    async def run_with_retries(self: Any, *args: Any, **kwargs: Any) -> Any:
        for delay in (*RETRY_DELAYS_S, None):
            try:
                return await run(self, *args, **kwargs)
            except Exception as error:
                if delay is None or not _could_not_connect(error):
                    raise
                log.warning("Could not reach the action server for '%s'; trying again in %.1f s",
                            self.name(), delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    run_with_retries.__attune_retries__ = True  # type: ignore[attr-defined]
    return run_with_retries


def install() -> None:
    global _installed
    module = sys.modules.get("rasa.core.actions.action")
    if _installed or module is None:
        return
    _installed = True
    remote = module.RemoteAction
    if not getattr(remote.run, "__attune_retries__", False):
        remote.run = _with_retries(remote.run)
