"""Which risk finding is the most urgent: one rule for the dialogue and the transcript store.

Kept free of spaCy (bot/analysis/risk.py re-exports it) so that the store and the review tools can import it cheaply. Order: level (imminent > high >
concern > ask > none), then C-SSRS-style severity, then category (the speaker's own risk before
worry for someone else). Worry for someone else is chosen only when it is the only finding.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LEVEL_ORDER = ("none", "ask", "concern", "high", "imminent")
CATEGORY_ORDER = ("suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger", "third_party_concern")
THIRD_PARTY = "third_party_concern"
# Whose safety an abuse_or_danger finding is about when it is not the speaker's: a child of theirs or
# a relative in care (bot/analysis/risk.py reads it; the safety check asks about that person).
SOMEONE_CLOSE = "someone_close"
# Someone else at risk whom the speaker is worried about or asks how to help (a third_party_concern
# finding marked `worried`): the dialogue meets the worry and shows lines that support the worried.
SOMEONE_ELSE = "someone_else"


def _field(finding: Any, name: str) -> Any:
    return finding.get(name) if isinstance(finding, Mapping) else getattr(finding, name, None)


def urgency(finding: Any) -> tuple[int, float, int]:
    """A sort key: larger is more urgent (level, then severity, then category order)."""
    level = _field(finding, "level")
    severity = _field(finding, "severity")
    category = _field(finding, "category")
    return (
        LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0,
        float(severity) if isinstance(severity, (int, float)) and not isinstance(severity, bool) else 0.0,
        -CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else -len(CATEGORY_ORDER),
    )


def most_urgent(findings: Sequence[Any] | None) -> Any | None:
    """The most urgent finding (dicts as in `RiskResult.to_dict()`, or RiskFinding objects), or None."""
    items = [f for f in findings or [] if f is not None]
    own = [f for f in items if _field(f, "category") != THIRD_PARTY]
    candidates = own or items
    return max(candidates, key=urgency, default=None)
