"""One trainee turn as the transcript keeps it: the rubric's evidence in the prompt, the declared
skill scores, and the detail the closing summary and the supervisor's view read back (the move, the
flags, the feedback line, the client's reply and depth). The prompt itself is not repeated: it is the
trainee's message beside the annotation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.analysis.prompt import PromptResult
from bot.exercises.contract import Annotation, AnsweredTurn
from bot.exercises.trainee.client_state import ClientTurn
from bot.exercises.trainee.declaration import (
    ADVICE,
    CLIENT_DEPTH,
    CLIENT_RAPPORT,
    CLOSED_QUESTION,
    MENTAL_STATE_FOCUS,
    MISATTUNED,
    NAME,
    OPEN_QUESTION,
    PROMPT_QUALITY,
    REFLECTION,
    RISK_MISSTEP,
    RISK_TOPIC_SCORES,
)
from bot.exercises.trainee.feedback import TurnFeedback
from bot.exercises.trainee.moves import PromptReading
from bot.exercises.trainee.risk_questions import RiskReading, explanation
from bot.exercises.trainee.schema import DEPTHS


def to_annotation(step: str, prompt: str, result: PromptResult, reading: PromptReading, turn: ClientTurn,
                  feedback: TurnFeedback, client_id: str, shown: bool, answered: str = "",
                  risk: RiskReading | None = None, cue: str | None = None,
                  overruled: list[str] | None = None) -> Annotation:
    evidence = [_span(prompt, e.to_dict()) for e in result.evidence]
    evidence += [_span(prompt, e.to_dict()) for flag in result.flags for e in flag.evidence]
    features = reading.features  # after any overruling: the rubric's own flags stay in the detail
    scores: dict[str, float] = {
        OPEN_QUESTION.name: float("open_question" in features),
        CLOSED_QUESTION.name: float("closed_question" in features),
        REFLECTION.name: 2.0 if "complex_reflection" in features else float("simple_reflection" in features),
        MENTAL_STATE_FOCUS.name: float("aimed_at_mental_states" in features),
        ADVICE.name: float("advice" in features),
        MISATTUNED.name: float(turn.misattuned),
        PROMPT_QUALITY.name: float(turn.quality),
        CLIENT_DEPTH.name: float(turn.depth),
        CLIENT_RAPPORT.name: float(turn.rapport),
    }
    detail: dict[str, Any] = {
        "simulated_client": client_id, "behaviour": result.behaviour,
        "question_type": result.question_type, "reflection_type": result.reflection_type,
        "flags": sorted(result.flag_names()), "move": feedback.move,
        "feedback": feedback.line, "example": feedback.example, "feedback_shown": shown,
        "answered": answered, "client_reply": turn.reply.text, "client_reply_key": turn.key, "client_depth": DEPTHS[turn.depth], "strained": turn.strained,
        "explanation": result.explanation,
    }
    if risk is not None:  # a client who carries risk: the risk assessment's marks and their words
        evidence += [{"start": s.start, "end": s.end, "text": prompt[s.start:s.end], "marker": s.marker,
                      "explanation": explanation(s.marker)} for s in risk.spans]
        asked = set(risk.topics) if risk.direct else set()
        scores.update({spec.name: float(topic in asked) for topic, spec in RISK_TOPIC_SCORES.items()})
        scores[RISK_MISSTEP.name] = float(bool(risk.missteps))
        detail["risk"] = {"move": risk.move, "topics": list(risk.topics), "direct": risk.direct,
                          "missteps": list(risk.missteps), "vague": risk.vague,
                          "client": turn.risk.event if turn.risk else None,
                          "answered_topic": turn.risk.topic if turn.risk else None}
        detail["risk_cue"] = cue
        detail["rubric_overruled"] = list(overruled or [])  # read as a direct risk question instead
    return Annotation(kind=NAME, step=step, evidence=[e for e in evidence if e], scores=scores, result=detail)


def _span(prompt: str, span: dict) -> dict:
    """The span with its text taken from the prompt as typed (the analysis normalises quotes)."""
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(prompt)):
        return {}
    return {**span, "text": prompt[start:end]}


@dataclass
class TurnRecord:
    """A turn read back from its annotation, for the closing summary and the supervisor's view."""

    step: str
    prompt: str
    client_said: str
    scores: dict[str, float]
    detail: dict[str, Any] = field(default_factory=dict)

    def score(self, name: str) -> float:
        return float(self.scores.get(name) or 0)

    @classmethod
    def from_answered(cls, answered: AnsweredTurn) -> "TurnRecord":
        result = answered.annotation.result
        return cls(step=answered.annotation.step, prompt=answered.answer,
                   client_said=str(result.get("answered") or answered.question),
                   scores=dict(answered.annotation.scores), detail=dict(result))
