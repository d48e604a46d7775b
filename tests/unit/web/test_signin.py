"""The web review's browser sessions on a real store: expiry, sign-out, CSRF, sign-in throttling."""
from __future__ import annotations

import pytest

from bot.store import repository
from bot.store.views import Role
from bot.web.signin import (
    FIRST_LOCK,
    FREE_FAILURES,
    FREE_FAILURES_PER_ADDRESS,
    MAX_LOCK,
    SignIns,
    WebSessionLimits,
    csrf_ok,
)

PASSWORD = "a long test password"


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def therapist(store_url):
    admin = repository.bootstrap_admin("admin", PASSWORD)
    return repository.create_person(admin, Role.THERAPIST, "Tess", "tess", PASSWORD)


def test_a_session_resumes_until_idle_then_its_token_is_revoked(therapist):
    clock = Clock()
    signins = SignIns(WebSessionLimits(idle_seconds=60, absolute_seconds=3600), clock)
    token, csrf = signins.start(therapist)
    clock.now += 59
    assert signins.resume(token) == (therapist, csrf)
    clock.now += 59  # each request restarts the idle time
    assert signins.resume(token) is not None
    clock.now += 61
    assert signins.resume(token) is None
    assert repository.authenticate_token(token) is None  # revoked in the store, not just forgotten


def test_a_busy_session_still_ends_at_the_absolute_limit(therapist):
    clock = Clock()
    signins = SignIns(WebSessionLimits(idle_seconds=60, absolute_seconds=300), clock)
    token, _ = signins.start(therapist)
    for _ in range(5):
        clock.now += 50
        assert signins.resume(token) is not None
    clock.now += 51
    assert signins.resume(token) is None


def test_sign_out_revokes_and_unknown_tokens_get_nothing(therapist):
    signins = SignIns()
    token, _ = signins.start(therapist)
    signins.end(token)
    assert signins.resume(token) is None
    assert repository.authenticate_token(token) is None
    assert signins.resume("made-up-token") is None
    assert signins.resume(None) is None


def test_a_store_token_alone_is_not_a_web_session(therapist):
    # A token from `attune login` or a script is not a browser session: no CSRF token was issued for it.
    cli_token = repository.issue_token(therapist)
    assert SignIns().resume(cli_token) is None


def test_a_deactivated_person_loses_their_session(therapist, store_url):
    signins = SignIns()
    token, _ = signins.start(therapist)
    admin = repository.authenticate("admin", PASSWORD)
    repository.deactivate_person(admin, therapist.id)
    assert signins.resume(token) is None


def test_failed_sign_ins_lock_the_username_with_growing_waits():
    clock = Clock()
    signins = SignIns(clock=clock)
    for _ in range(FREE_FAILURES - 1):
        signins.failed("tess", "10.0.0.1")
    assert signins.wait_seconds("tess", "10.0.0.1") == 0
    signins.failed("tess", "10.0.0.1")
    assert signins.wait_seconds("TESS ", "10.0.0.2") == FIRST_LOCK  # any address, any case
    assert signins.wait_seconds("otto", "10.0.0.2") == 0  # others are not locked out
    clock.now += FIRST_LOCK
    assert signins.wait_seconds("tess", "10.0.0.1") == 0
    signins.failed("tess", "10.0.0.1")
    assert signins.wait_seconds("tess", "10.0.0.1") == 2 * FIRST_LOCK
    for _ in range(20):
        signins.failed("tess", "10.0.0.1")
    assert signins.wait_seconds("tess", "10.0.0.1") == MAX_LOCK
    signins.succeeded("tess", "10.0.0.1")
    assert signins.wait_seconds("tess", "10.0.0.1") == 0


def test_many_usernames_from_one_address_lock_the_address():
    signins = SignIns(clock=Clock())
    for n in range(FREE_FAILURES_PER_ADDRESS):
        signins.failed(f"guess{n}", "10.0.0.9")
    assert signins.wait_seconds("someone-new", "10.0.0.9") > 0
    assert signins.wait_seconds("someone-new", "10.0.0.8") == 0


def test_csrf_tokens_must_match_exactly():
    assert csrf_ok("abc", "abc")
    assert not csrf_ok("abc", "abd")
    assert not csrf_ok("abc", "")
    assert not csrf_ok("abc", None)
    assert not csrf_ok("abc", ["abc"])
