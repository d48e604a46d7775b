"""What the risk rules alone (`assess_risk_rules`, no learned layer) make of a sentence: the helpers
the class tests share, so that a pass there is the rules' own. `found` means flag or ask."""
from __future__ import annotations

from typing import Callable

import pytest

from bot.analysis.risk import RiskResult, assess_risk_rules
from bot.nlp import load_nlp

DETECTED = ("flag", "ask")


def result(text: str) -> RiskResult:
    return assess_risk_rules(load_nlp()(text))


def outcome(text: str) -> str:
    return result(text).outcome


def found(text: str) -> bool:
    return outcome(text) in DETECTED


def category(text: str) -> str | None:
    speaker = result(text).speaker_findings
    return speaker[0].category if speaker else None


def assert_found_in(text: str, category_name: str) -> None:
    """Found (flag or ask) with a finding in this category."""
    r = result(text)
    assert r.outcome in DETECTED and category_name in r.categories(), r.to_dict()


def assert_found(text: str) -> None:
    r = result(text)
    assert r.outcome in DETECTED, r.to_dict()


def assert_not_a_disclosure(text: str) -> None:
    r = result(text)
    assert r.outcome == "none", r.to_dict()


def assert_told_as_over(text: str) -> None:
    """Found, and every finding about the speaker read as past."""
    r = result(text)
    assert r.outcome in DETECTED and r.past_only, r.to_dict()


def assert_still_current(text: str) -> None:
    """Found, and not read as past."""
    r = result(text)
    assert r.outcome in DETECTED and not r.past_only, r.to_dict()


def reading_tests(in_its_category: list[tuple[str, str]], still_found: list[str], not_disclosures: list[str],
                  told_as_over: list[str], still_current: list[str]) -> tuple[Callable, Callable]:
    """A round's two parametrized tests: each sentence found in its category, and each reading's other
    sides, one check per sentence. Bind both to `test_` names in the round's module."""
    readings = ([(assert_found, t) for t in still_found] + [(assert_not_a_disclosure, t) for t in not_disclosures]
                + [(assert_told_as_over, t) for t in told_as_over] + [(assert_still_current, t) for t in still_current])

    @pytest.mark.parametrize("text,category", in_its_category)
    def test_found_in_its_category(text: str, category: str) -> None:
        assert_found_in(text, category)

    @pytest.mark.parametrize("check,text", readings, ids=[f"{c.__name__}:{t[:40]}" for c, t in readings])
    def test_reading(check: Callable[[str], None], text: str) -> None:
        check(text)

    return test_found_in_its_category, test_reading
