"""Signed-in browsers of the web review: sessions, expiry, CSRF tokens and sign-in throttling.

A sign-in issues a store token (`repository.issue_token`, the same kind `attune login` keeps) and
puts it in an HttpOnly, SameSite=Strict cookie. Every request re-checks that token with the store
(`authenticate_token`: revoked tokens and deactivated people are refused), and this module adds
what a browser session needs on top:
- an idle limit and an absolute limit (`WebSessionLimits`); an expired session's token is revoked;
- a CSRF token per session (synchronizer pattern), required on every form post;
- throttling of failed sign-ins per username and per client address: after FREE_FAILURES failures
  for one username (FREE_FAILURES_PER_ADDRESS from one address, which may be a shared one) in
  FAILURE_WINDOW, each further attempt waits, doubling up to MAX_LOCK, and is refused with 429
  without the password being checked.
The session table lives in this process (the web server runs one worker): a restart signs everyone
out, which is the safe direction.
"""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

from bot.store import repository
from bot.store.people import hash_secret
from bot.store.views import Person

COOKIE = "attune_review"
FREE_FAILURES = 5
FREE_FAILURES_PER_ADDRESS = 20
FAILURE_WINDOW = 15 * 60.0
FIRST_LOCK = 30.0
MAX_LOCK = 15 * 60.0


@dataclass(frozen=True)
class WebSessionLimits:
    idle_seconds: float = 30 * 60.0
    absolute_seconds: float = 12 * 3600.0


@dataclass
class _Session:
    person_id: int
    csrf: str
    started: float
    seen: float


@dataclass
class _Failures:
    times: list[float] = field(default_factory=list)
    locked_until: float = 0.0
    lock: float = 0.0


class SignIns:
    """The web review's sessions and sign-in throttle (thread-safe; one per server)."""

    def __init__(self, limits: WebSessionLimits = WebSessionLimits(), clock=time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._sessions: dict[str, _Session] = {}  # by the token's hash, never the token
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    # --- throttling ------------------------------------------------------------------------------

    def wait_seconds(self, username: str, address: str) -> float:
        """How long this username or address must wait before another attempt (0: go ahead)."""
        now = self._clock()
        with self._lock:
            return max([0.0, *(f.locked_until - now for key in self._keys(username, address)
                                if (f := self._failures.get(key)))])

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            for key in self._keys(username, address):
                record = self._failures.setdefault(key, _Failures())
                record.times = [t for t in record.times if now - t < FAILURE_WINDOW] + [now]
                if len(record.times) >= (FREE_FAILURES if key.startswith("user:") else FREE_FAILURES_PER_ADDRESS):
                    record.lock = min(MAX_LOCK, record.lock * 2 if record.lock else FIRST_LOCK)
                    record.locked_until = now + record.lock

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            for key in self._keys(username, address):
                self._failures.pop(key, None)

    @staticmethod
    def _keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.strip().lower()}", f"addr:{address}"

    # --- sessions --------------------------------------------------------------------------------

    def start(self, person: Person) -> tuple[str, str]:
        """Issue a store token for the person; returns (token for the cookie, CSRF token)."""
        token = repository.issue_token(person)
        csrf = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._sessions[hash_secret(token)] = _Session(person.id, csrf, now, now)
        return token, csrf

    def resume(self, token: str | None) -> tuple[Person, str] | None:
        """The signed-in person and the session's CSRF token, or None (unknown, expired, revoked)."""
        if not token:
            return None
        key = hash_secret(token)
        now = self._clock()
        with self._lock:
            session = self._sessions.get(key)
            expired = session is not None and (now - session.seen > self.limits.idle_seconds
                                               or now - session.started > self.limits.absolute_seconds)
            if session is None or expired:
                self._sessions.pop(key, None)
        if session is None:
            return None
        person = repository.authenticate_token(token)
        if expired or person is None or person.id != session.person_id:
            self.end(token, person)
            return None
        with self._lock:
            session.seen = now
        return person, session.csrf

    def end(self, token: str | None, person: Person | None = None) -> None:
        """Sign out: forget the session and revoke its store token."""
        if not token:
            return
        with self._lock:
            self._sessions.pop(hash_secret(token), None)
        person = person or repository.authenticate_token(token)
        if person is not None:
            try:
                repository.revoke_token(person, token)
            except repository.StoreError:
                pass  # already revoked, or the person was deactivated meanwhile


def csrf_ok(expected: str, given: object) -> bool:
    return isinstance(given, str) and bool(given) and hmac.compare_digest(expected, given)
