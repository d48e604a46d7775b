"""What the rehearsal records per attempt (an `Annotation`), and reading the attempts back.

An attempt's annotation carries the rubric's evidence (offsets into the attempt), its components
and blockers by name, how the character moved and how it answered, and the declared scores
(components and blockers present, the character's openness): numbers for therapists only. A rewind
is recorded too, so the therapist sees both paths and the debrief can compare them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.repair import RepairResult
from bot.exercises.contract import Annotation, AnsweredTurn
from bot.exercises.repair.character import Reaction
from bot.exercises.repair.declaration import BLOCKERS_SCORE, COMPONENTS_SCORE, NAME, OPENNESS_SCORE
from bot.exercises.repair.schema import LEVELS

KIND = NAME


def attempt_annotation(step: str, number: int, repair: RepairResult, reaction: Reaction, persona_id: str,
                       coach: str) -> Annotation:
    evidence = [e.to_dict() for f in repair.components + repair.blockers for e in f.evidence]
    components, blockers = sorted(repair.component_names()), sorted(repair.blocker_names())
    return Annotation(
        kind=KIND, step=step, evidence=evidence,
        scores={COMPONENTS_SCORE: len(components), BLOCKERS_SCORE: len(blockers), OPENNESS_SCORE: reaction.after},
        result={"attempt": number, "persona": persona_id, "components": components, "blockers": blockers,
                "before": LEVELS[reaction.before], "after": LEVELS[reaction.after], "reaction": reaction.kind,
                "needs_heard": sorted(reaction.met), "coach": coach,
                "both_key_components": bool(repair.summary.get("both_key_components"))},
    )


def rewind_annotation(step: str, number: int, persona_id: str) -> Annotation:
    return Annotation(kind=KIND, step=step, result={"rewind": True, "attempt": number, "persona": persona_id})


def note_annotation(step: str, result: dict) -> Annotation:
    """An answer that is not an attempt (the person's own rupture described), with no scores."""
    return Annotation(kind=KIND, step=step, result=result)


@dataclass
class Tried:
    """One attempt read back: the person's words and what was found in them."""

    number: int
    text: str
    evidence: list[dict]
    components: list[str]
    blockers: list[str]
    before: str
    after: str
    reaction: str
    rewound: bool = False

    def to_dict(self) -> dict:
        return {"attempt": self.number, "text": self.text, "components": self.components,
                "blockers": self.blockers, "before": self.before, "after": self.after,
                "reaction": self.reaction, "rewound": self.rewound}


def attempts_in(turns: Sequence[AnsweredTurn]) -> tuple[list[Tried], list[Tried]]:
    """The attempts kept (in order) and those taken back by a rewind."""
    kept: list[Tried] = []
    rewound: list[Tried] = []
    for turn in turns:
        result = turn.annotation.result
        if turn.annotation.kind != KIND or "attempt" not in result:
            continue
        if result.get("rewind"):  # back to this attempt: it and every later one are taken back
            while kept and kept[-1].number >= int(result["attempt"]):
                taken = kept.pop()
                taken.rewound = True
                rewound.append(taken)
            continue
        kept.append(Tried(int(result["attempt"]), turn.answer, list(turn.annotation.evidence),
                          list(result.get("components") or []), list(result.get("blockers") or []),
                          str(result.get("before") or ""), str(result.get("after") or ""),
                          str(result.get("reaction") or "")))
    return kept, rewound
