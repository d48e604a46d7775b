"""The therapist's view of a narrative sitting: the SUDS curve, the coherence notes by maxim, the
markers per step, and what pacing did (docs/constructs.md#narrative-coherence)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.exercises.contract import AnsweredTurn
from bot.exercises.narrative.state import NarrativeState


def therapist_view(turns: Sequence[AnsweredTurn], state: NarrativeState | None,
                   maxims: Sequence[str]) -> dict[str, Any]:
    curve = [{"step": t.annotation.step, "suds": t.annotation.result["suds"], "pace": t.annotation.result.get("pace")}
             for t in turns if t.annotation.result.get("suds") is not None]
    answers = [t for t in turns if "notes" in t.annotation.result]
    notes = {maxim: [{"step": t.annotation.step, "note": t.annotation.result["notes"][maxim]}
                     for t in answers if maxim in t.annotation.result["notes"]] for maxim in maxims}
    markers: dict[str, dict[str, int]] = {}
    for turn in answers:
        for span in turn.annotation.evidence:
            counts = markers.setdefault(turn.annotation.step, {})
            counts[span["marker"]] = counts.get(span["marker"], 0) + 1
    first_mind = next((t.annotation.step for t in answers
                       if t.annotation.result.get("reflection") == "caregiver_mind_noticed"), None)
    return {
        "caregiver": state.caregiver if state else None,
        "harm_told": bool(state and state.harmed) or any(t.annotation.result.get("harm_told") for t in answers),
        "suds_curve": curve,
        "coherence_notes": notes,
        "markers_by_step": markers,
        "caregiver_mind_first_at": first_mind,
        "lack_of_recall_steps": [t.annotation.step for t in answers if t.annotation.result.get("lack_of_recall")],
        "flooding_steps": [t.annotation.step for t in answers if t.annotation.result.get("flooding")],
        "declined_their_side": [t.annotation.step for t in answers if t.annotation.result.get("declined_their_side")],
        "memory_choice": next((t.annotation.result["memory_choice"] for t in answers
                               if t.annotation.result.get("memory_choice") is not None), None),
        "stopped_for_today": bool(state and state.stopped),
        "completed": bool(state and state.completed),
    }
