"""What the risk rules alone (`assess_risk_rules`, no learned layer) make of a sentence: the helpers
the class tests share, so that a pass there is the rules' own. `found` means flag or ask."""
from __future__ import annotations

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
