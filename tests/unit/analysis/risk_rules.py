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
