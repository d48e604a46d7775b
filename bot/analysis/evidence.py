"""Evidence: the words that produced a finding, so every score can be quoted and highlighted."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Evidence:
    """A span of the analysed text (character offsets into it) and why it counts."""

    start: int
    end: int
    text: str
    marker: str
    explanation: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Evidence":
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]),
                   marker=str(data["marker"]), explanation=str(data.get("explanation", "")))

    @classmethod
    def from_span(cls, span, marker: str, explanation: str) -> "Evidence":
        """Build from a spaCy Span (or Token)."""
        start = span.idx if hasattr(span, "idx") and not hasattr(span, "start_char") else span.start_char
        end = start + len(span.text)
        return cls(start=start, end=end, text=span.text, marker=marker, explanation=explanation)


@dataclass(frozen=True)
class Finding:
    """A named finding (a repair component, a blocker, a prompt flag) and the words that show it."""

    name: str
    evidence: list[Evidence]
    explanation: str

    def to_dict(self) -> dict:
        return {"name": self.name, "evidence": [e.to_dict() for e in self.evidence], "explanation": self.explanation}

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(name=str(data["name"]), evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
                   explanation=str(data.get("explanation", "")))
