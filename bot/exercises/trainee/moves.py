"""What a trainee's prompt did, read from the prompt rubric (bot/analysis/prompt.py).

The rubric's result becomes a set of features (the vocabulary of a client's `opens_up` and
`shuts_down` in clients.yml), a quality in points and the one move the feedback names. Points follow
MITI 4.2 and the MBT stance (docs/constructs.md#reflective-prompts): open questions, reflections
(complex ones more), a focus on mental states, not-knowing and validation earn; closed and stacked
questions cost a little; advice, leading questions, interpretations stated as fact and accusatory
"why" are misattuned: they cost most, and the client stays shallower for a few turns.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.prompt import PromptResult

POINTS = {
    "open_question": 1, "simple_reflection": 1, "complex_reflection": 2,
    "aimed_at_mental_states": 1, "not_knowing_stance": 1, "validation": 1,
    "closed_question": -1, "several_questions": -1,
    "advice": -2, "leading_question": -2, "accusatory_why": -2, "interpretation_as_fact": -3,
}
MISATTUNING = frozenset({"advice", "leading_question", "interpretation_as_fact", "accusatory_why"})
# The move the feedback names: what shuts reflection down first, then the best thing it did.
MOVE_ORDER = (
    "interpretation_as_fact", "accusatory_why", "advice", "leading_question", "several_questions",
    "closed_question", "complex_reflection", "not_knowing_question", "open_question_mind",
    "validation", "simple_reflection", "open_question",
)
GOOD_MOVES = frozenset({"complex_reflection", "not_knowing_question", "open_question_mind"})


@dataclass(frozen=True)
class PromptReading:
    features: frozenset[str]
    quality: int  # rubric points, before the client's own openers and shutters
    move: str

    @property
    def misattuned(self) -> bool:
        return bool(self.features & MISATTUNING)

    def without(self, dropped: frozenset[str]) -> "PromptReading":
        """The reading with some features set aside (and its quality and move read again)."""
        return read_features(self.features - dropped)

    def with_client(self, opens_up: list[str], shuts_down: list[str]) -> tuple[int, bool]:
        """The quality and misattunement for one client: one of what opens them up adds a point,
        one of what shuts them down takes one and makes the prompt misattuned for them."""
        quality = self.quality + (1 if self.features & set(opens_up) else 0)
        shut = bool(self.features & set(shuts_down))
        return quality - (1 if shut else 0), self.misattuned or shut


def features_of(result: PromptResult) -> frozenset[str]:
    found = set(result.flag_names())
    if result.behaviour == "question" and result.question_type:
        found.add(f"{result.question_type}_question")
    if result.reflection_type:
        found.add(f"{result.reflection_type}_reflection")
    return frozenset(found)


def read_prompt(result: PromptResult) -> PromptReading:
    return read_features(features_of(result))


def read_features(features: frozenset[str]) -> PromptReading:
    quality = sum(POINTS.get(f, 0) for f in features)
    return PromptReading(features, quality, _move(features))


def _move(features: frozenset[str]) -> str:
    named = set(features)
    if "open_question" in named and "not_knowing_stance" in named:
        named.add("not_knowing_question")
    if "open_question" in named and "aimed_at_mental_states" in named:
        named.add("open_question_mind")
    return next((move for move in MOVE_ORDER if move in named), "other")
