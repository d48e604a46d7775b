"""How the character reacts to one repair attempt: a small state machine over the rupture's levels
(more hurt, hurt, guarded, softening, open), driven by what the repair rubric found.

What moves it (docs/constructs.md#rupture-and-repair, ../shared/docs/domain.md section 4):
- a blocker (blame, "sorry, but", contempt, defensiveness, minimising, stonewalling, a non-apology)
  hurts: one level down, two for what hurts this character most (its persona's `worse`), never
  below "more hurt" (hostility is capped: no spiral, no threats);
- grovelling (self_abasement) moves nothing: the character is unsettled, the coach speaks;
- an attempt with a kind of repair not heard before, or two kinds at once, moves one level up, never
  more: nobody forgives on the first good sentence;
- "open" needs everything this character needs heard, over the attempts, and at least two tries;
  short of it they say what still hurts (an anxious character presses for what happens next);
- an avoidant character withdraws under pressure (several questions, a long speech).
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.exercises.repair.schema import LEVELS, NEEDS, Persona

OPEN = LEVELS.index("open")
SOFTENING = LEVELS.index("softening")
# An avoidant character withdraws from this many questions, or this many sentences, at once.
PRESSING_QUESTIONS = 2
PRESSING_SENTENCES = 5


@dataclass(frozen=True)
class Attempt:
    """What the rubric found in one attempt, with its shape."""

    components: frozenset[str]
    blockers: frozenset[str]
    questions: int = 0
    sentences: int = 1


@dataclass(frozen=True)
class Reaction:
    before: int
    after: int
    kind: str  # which lines the character answers with (schema.Lines' fields)
    met: frozenset[str]  # the needs heard so far, after this attempt


def needs_met(components: frozenset[str]) -> frozenset[str]:
    return frozenset(need for need, parts in NEEDS.items() if components & set(parts))


def start_level(persona: Persona) -> int:
    return LEVELS.index("hurt" if persona.hurt == "raw" else "guarded")


def react(persona: Persona, level: int, met: frozenset[str], earlier_attempts: int, attempt: Attempt) -> Reaction:
    hard = attempt.blockers - {"self_abasement"}
    if hard:
        after = max(0, level - (2 if hard & set(persona.worse) else 1))
        return Reaction(level, after, "more_hurt" if after == 0 else "hurt", met)
    heard = needs_met(attempt.components)
    now = met | heard
    if "self_abasement" in attempt.blockers:
        return Reaction(level, level, "fawned", now)
    if not attempt.components:
        return Reaction(level, level, LEVELS[level], now)
    if persona.attachment == "avoidant" and (attempt.questions >= PRESSING_QUESTIONS
                                             or attempt.sentences >= PRESSING_SENTENCES):
        return Reaction(level, level, "pressed", now)
    moves = bool(heard - met) or len(heard) >= 2  # something not heard before, or two kinds at once
    if not moves:
        return Reaction(level, level, "still_hurts" if level == SOFTENING else LEVELS[level], now)
    after = min(level + 1, OPEN)
    if after == OPEN and not (set(persona.needs) <= now and earlier_attempts >= 1):
        pressing = persona.attachment == "anxious" and "a_way_forward" not in now
        return Reaction(level, SOFTENING, "pressed" if pressing else "still_hurts", now)
    return Reaction(level, after, LEVELS[after], now)
