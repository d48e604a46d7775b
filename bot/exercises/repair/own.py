"""The person's own rupture: a persona shaped from a few answers, and the line that is not a rupture.

Who the other person is (a relationship, never their name: the step state keeps no words of the
person), how raw the hurt is and how they tend to react when upset pick one of the shaped personas
(personas.yml, `shaped`). Someone described as violent, controlling or frightening is not someone
to rehearse a repair with: repairing that is not the person's job (docs/constructs.md#safety), so
the rehearsal does not start and the abuse resources are offered instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.handover import analysis_of
from bot.exercises.repair.library import coaching, shaped_personas
from bot.exercises.repair.schema import Persona

ABUSE_CATEGORY = "abuse_or_danger"


@dataclass(frozen=True)
class Shape:
    relationship: str = "friend"
    hurt: str = "sore"
    attachment: str = "secure"
    word: str | None = None  # the relationship word the person used, when it names someone ("sister")

    def to_dict(self) -> dict:
        return {"relationship": self.relationship, "hurt": self.hurt, "attachment": self.attachment,
                "word": self.word}

    @classmethod
    def from_dict(cls, data: object) -> "Shape":
        return cls(**data) if isinstance(data, dict) else cls()


def _has_any(text: str, phrases: list[str]) -> bool:
    lowered = " " + re.sub(r"[^\w']+", " ", text.lower()) + " "
    return any(f" {phrase.lower()} " in lowered for phrase in phrases)


def describes_abuse(text: str) -> bool:
    """The other person is described as violent, controlling or frightening: by the risk detector's
    abuse findings, or by the coaching file's words for it (which reach further than risk does:
    "he's very controlling and I'm scared of him" is not a risk to the speaker now, but it is not a
    rupture to rehearse either)."""
    if _has_any(text, coaching().abuse_words):
        return True
    risk = analysis_of(text, only="risk").risk
    return bool(risk and any(f.category == ABUSE_CATEGORY for f in risk.findings))


def relationship_in(text: str) -> tuple[str, str | None] | None:
    """The relationship named, and the word for the person when it can name them ("your sister")."""
    for relationship, words in coaching().relationship_words.items():
        for word in words:
            if _has_any(text, [word]):
                return relationship, word.lower() if word.lower() in coaching().nameable_words else None
    return None


def shape_from(shape: Shape, step: str, text: str) -> Shape:
    """The shape after the answer to one of the own-rupture questions."""
    values = shape.to_dict()
    if step == "who":
        found = relationship_in(text)
        if found:
            values["relationship"], values["word"] = found
    elif step == "what_happened":
        values["hurt"] = "raw" if _has_any(text, coaching().raw_words) else "sore"
    elif step == "how_they_react":
        if _has_any(text, coaching().avoidant_words):
            values["attachment"] = "avoidant"
        elif _has_any(text, coaching().anxious_words):
            values["attachment"] = "anxious"
    return Shape(**values)


def persona_for(shape: Shape) -> Persona:
    base = next(p for p in shaped_personas() if p.attachment == shape.attachment)
    name = f"your {shape.word}" if shape.word else coaching().relationship_names[shape.relationship]
    return base.copy(update={"name": name,
                             "relationship": shape.relationship, "hurt": shape.hurt})
