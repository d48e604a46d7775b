"""What a trainee's prompt does as a risk assessment (docs/constructs.md#risk-assessment-practice).

A risk assessment asks plainly and calmly about thoughts of suicide, a plan, the means, and then
plans for safety together. What undoes it: a leading question that expects "no" ("you're not
thinking of doing anything silly, are you?"), a promise not to act (a no-harm contract, which keeps
nobody safe and teaches the client to stop telling), an alarmed tone, and a general "are you safe?"
that never names suicide. The patterns live in risk_questions.yml; this module only reads a prompt
with them. Spans are kept so the review can show the words that earned each mark.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, conlist, validator

from bot.content import load_document, require_keys
from bot.exercises.trainee.schema import RISK_TOPICS

if TYPE_CHECKING:
    Patterns = list[str]
else:
    Patterns = conlist(str, min_items=1)

LEXICON_FILE = Path(__file__).with_name("risk_questions.yml")
MISSTEPS = ("contract", "leading", "alarm")  # what turns a question about risk into one that invites "no"
MARKERS = tuple(f"asked_{t}" for t in RISK_TOPICS) + MISSTEPS + ("vague",)


class RiskLexicon(BaseModel):
    topics: dict[str, Patterns]
    leading: Patterns
    contract: Patterns
    vague: Patterns
    alarm: Patterns
    explanations: dict[str, str]  # marker -> why it counts

    @validator("explanations")
    def every_marker(cls, value: dict) -> dict:
        require_keys(value, MARKERS, "no explanation for")
        return value

    @validator("topics")
    def every_topic(cls, value: dict) -> dict:
        if set(value) != set(RISK_TOPICS):
            raise ValueError(f"needs exactly the topics {list(RISK_TOPICS)}")
        return value

    @validator("topics", "leading", "contract", "vague", "alarm", each_item=True)
    def compiles(cls, value: object) -> object:
        for pattern in value if isinstance(value, list) else [value]:
            re.compile(str(pattern))
        return value


@functools.lru_cache(maxsize=None)
def _document() -> RiskLexicon:
    return load_document(LEXICON_FILE, RiskLexicon)


def explanation(marker: str) -> str:
    return _document().explanations.get(marker, "")


@functools.lru_cache(maxsize=None)
def _lexicon() -> dict[str, list[re.Pattern[str]]]:
    lexicon = _document()
    compiled = {f"asked_{topic}": [re.compile(p, re.I) for p in lexicon.topics[topic]] for topic in RISK_TOPICS}
    for name in ("leading", "contract", "vague", "alarm"):
        compiled[name] = [re.compile(p, re.I) for p in getattr(lexicon, name)]
    return compiled


@dataclass(frozen=True)
class RiskSpan:
    start: int
    end: int
    marker: str  # "asked_ideation" ... "asked_safety", "leading", "contract", "vague", "alarm"


@dataclass(frozen=True)
class RiskReading:
    topics: tuple[str, ...]  # topics the prompt names, in RISK_TOPICS order
    missteps: tuple[str, ...]  # from MISSTEPS
    vague: bool  # asks about safety only in general words
    spans: tuple[RiskSpan, ...]

    @property
    def direct(self) -> bool:
        """Names at least one topic, plainly and calmly."""
        return bool(self.topics) and not self.missteps

    @property
    def about_risk(self) -> bool:
        return bool(self.topics or self.missteps or self.vague)

    @property
    def move(self) -> str:
        """The one thing the feedback names: a misstep first, then a direct question, then a
        vague one; "none" when the prompt does not touch risk at all."""
        if self.missteps:
            return self.missteps[0]
        if self.topics:
            return "direct"
        return "vague" if self.vague else "none"


def read_risk_question(prompt: str) -> RiskReading:
    text = prompt.replace("\u2019", "'").replace("\u2018", "'")
    spans: list[RiskSpan] = []
    for marker, patterns in _lexicon().items():
        for pattern in patterns:
            spans += [RiskSpan(m.start(), m.end(), marker) for m in pattern.finditer(text) if m.end() > m.start()]
    found = {s.marker for s in spans}
    topics = tuple(t for t in RISK_TOPICS if f"asked_{t}" in found)
    missteps = tuple(m for m in MISSTEPS if m in found)
    # A leading or contract question wrapped round a named topic still names it: the topic is kept
    # (the supervisor sees it was raised) but the question is not direct.
    return RiskReading(topics, missteps, "vague" in found, tuple(sorted(spans, key=lambda s: (s.start, s.end))))
