"""The record of one answer of the mentalizing exercise, and its annotation for the transcript.

A `Turn` is complete enough for the closing summary and the therapist view without re-running the
analysis. Its annotation (`to_annotation`) is what the conversation stores: the evidence once, the
RF-style estimate as a declared score, and the detail with markers pointing into the evidence by
index; the answer itself is not repeated (it is the user's message beside it).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Any

from bot.analysis.evidence import Evidence
from bot.exercises.contract import Annotation, AnsweredTurn
from bot.exercises.mentalizing.declaration import NAME, RF_ESTIMATE
from bot.exercises.mentalizing.feedback import Feedback, MentalizingAnalysis

KIND = NAME
# What the therapist view and the closing summary read of the feedback (its text is the bot's message).
# The moves (validated, praised, repaired, low) let a therapist see how the bot met each answer.
FEEDBACK_FIELDS = ("kind", "reflected", "invited", "challenged", "affirmed", "wants_answer",
                   "validated", "praised", "repaired", "low", "eased")


@dataclass
class Turn:
    """One answered question: what was asked and said, what the analysis found, what we replied.

    Serialisable (`to_dict`/`from_dict`) so a Rasa slot can carry the session's turns, and complete
    enough for the closing summary and the therapist view without re-running the analysis.
    """

    step: str
    question: str
    answer: str
    markers: list[dict]  # {"family": ..., "evidence": Evidence.to_dict()}
    failure_modes: list[dict]  # {"mode": ..., "evidence": [...], "explanation": ...}
    rf_estimate: int | None
    explanation: str
    language_supported: bool
    feedback: dict
    follow_up: bool = False  # an answer to an invitation or challenge rather than the step question
    # [start, end] of words never to hold up as a highlight: self-criticism ("I probably seemed
    # needy") and a dismissal the person reports someone else saying ("she told me to go away").
    not_to_quote: list[list[int]] = field(default_factory=list)

    @classmethod
    def record(
        cls,
        step: str,
        question: str,
        answer: str,
        analysis: MentalizingAnalysis,
        feedback: Feedback,
        follow_up: bool = False,
    ) -> "Turn":
        return cls(
            step=step,
            question=question,
            answer=answer,
            markers=[{"family": m.family, "evidence": m.evidence.to_dict()} for m in analysis.markers],
            failure_modes=[
                {"mode": f.mode, "evidence": [e.to_dict() for e in f.evidence], "explanation": f.explanation}
                for f in analysis.failure_modes
            ],
            rf_estimate=analysis.rf_estimate,
            explanation=analysis.explanation,
            language_supported=analysis.language_supported,
            feedback=feedback.to_dict(),
            follow_up=follow_up,
            not_to_quote=[[e.start, e.end] for e in (list(getattr(analysis, "self_criticism", None) or [])
                                                     + list(getattr(analysis, "reported_dismissals", None) or []))],
        )

    def unquotable(self) -> list[Evidence]:
        return [Evidence(start, end, self.answer[start:end], "not_to_quote", "") for start, end in self.not_to_quote]

    def families(self) -> set[str]:
        return {m["family"] for m in self.markers}

    def evidence_for(self, family: str) -> list[Evidence]:
        return [Evidence(**m["evidence"]) for m in self.markers if m["family"] == family]

    @property
    def counted(self) -> bool:
        """Did this turn carry an answer the analysis could read (not empty, declined, other language)?"""
        return self.feedback.get("kind") == "reflection"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Turn":
        known = {f.name for f in dataclass_fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})



def to_annotation(turn: Turn) -> Annotation:
    """The turn as the transcript keeps it (see the module docstring)."""
    evidence: list[dict] = []
    index: dict[tuple, int] = {}

    def ref(span: dict) -> int:
        key = (span.get("start"), span.get("end"), span.get("marker"))
        if key not in index:
            index[key] = len(evidence)
            evidence.append(span)
        return index[key]

    markers = [{"family": m["family"], "evidence": ref(m["evidence"])} for m in turn.markers]
    modes = [{"mode": f["mode"], "evidence": [ref(e) for e in f["evidence"]], "explanation": f["explanation"]}
             for f in turn.failure_modes]
    result = {
        "markers": markers, "failure_modes": modes, "explanation": turn.explanation,
        "language_supported": turn.language_supported, "follow_up": turn.follow_up,
        "not_to_quote": turn.not_to_quote,
        "feedback": {key: turn.feedback.get(key) for key in FEEDBACK_FIELDS},
    }
    scores: dict[str, float] = {RF_ESTIMATE: turn.rf_estimate} if turn.rf_estimate is not None else {}
    return Annotation(kind=KIND, step=turn.step, evidence=evidence, scores=scores, result=result)


def from_annotation(answered: AnsweredTurn) -> Turn:
    """The turn back from its stored annotation and the words it annotates."""
    annotation = answered.annotation
    evidence, result = annotation.evidence, annotation.result

    def span(i: Any) -> dict:
        return evidence[i] if isinstance(i, int) and 0 <= i < len(evidence) else {}

    rf = annotation.scores.get(RF_ESTIMATE)
    return Turn(
        step=annotation.step,
        question=answered.question,
        answer=answered.answer,
        markers=[{"family": m.get("family"), "evidence": span(m.get("evidence"))}
                 for m in result.get("markers") or [] if span(m.get("evidence"))],
        failure_modes=[{"mode": f.get("mode"), "evidence": [span(i) for i in f.get("evidence") or [] if span(i)],
                        "explanation": f.get("explanation") or ""} for f in result.get("failure_modes") or []],
        rf_estimate=int(rf) if isinstance(rf, (int, float)) else None,
        explanation=str(result.get("explanation") or ""),
        language_supported=bool(result.get("language_supported", True)),
        feedback=dict(result.get("feedback") or {}),
        follow_up=bool(result.get("follow_up")),
        not_to_quote=[[int(a), int(b)] for a, b in (result.get("not_to_quote") or [])
                      if isinstance(a, int) and isinstance(b, int)],
    )
