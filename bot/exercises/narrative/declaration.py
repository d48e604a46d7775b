"""The narrative retelling exercise as the rest of Attune sees it (no engine, no store, no spaCy:
the exports and the review command import this)."""
from __future__ import annotations

from pathlib import Path

from bot.exercises.contract import Audience, Declaration, MenuEntry, ScoreSpec

NAME = "narrative"
INTERVIEW_PATH = "interview"
CONSENT_PATH = "consented"  # the same interview, started by agreeing to its own consent
SUDS_SCORE = "narrative_suds"
COHERENCE_SCORE = "narrative_coherence_flags"
MIND_SCORE = "narrative_caregiver_mind"

_THERAPIST = frozenset({Audience.THERAPIST})
_COHERENCE = "docs/constructs.md#narrative-coherence"

DECLARATION = Declaration(
    name=NAME,
    title="Narrative retelling",
    engine="bot.exercises.narrative.exercise:NarrativeExercise",
    starts={"start_narrative": INTERVIEW_PATH, "consent_narrative": CONSENT_PATH},
    catalogue=Path(__file__).with_name("messages.yml"),
    menu=(MenuEntry("Look back at early memories (with my therapist)", "/start_narrative"),),
    opened_by_therapist=True,
    # Therapist only: the SUDS curve and the coherence notes are clinical material for the person's
    # own therapist, not for trainees or the person (docs/constructs.md#numbers-for-therapists).
    scores=(
        ScoreSpec(name=SUDS_SCORE, label="SUDS during the narrative (0 calm - 10 most distressed)",
                  short="SUDS", scale=(0, 10), audience=_THERAPIST, construct=_COHERENCE),
        ScoreSpec(name=COHERENCE_SCORE, label="Coherence maxims flagged on the answer (quality, quantity, "
                  "relation, manner)", short="Coh", scale=(0, 4), audience=_THERAPIST, construct=_COHERENCE),
        ScoreSpec(name=MIND_SCORE, label="References to the caregiver's mind", short="Mind", scale=(0, 10),
                  audience=_THERAPIST, construct=_COHERENCE),
    ),
    marker_styles={
        "caregiver_mind": "bold magenta",
        "specific_memory": "bold green",
        "lack_of_recall": "bold yellow",
        "vague": "yellow",
        "current_anger": "bold red",
        "present_tense": "red",
        "sensory_detail": "red",
        "harsh_to_child": "bold red",
        "kind_to_child": "bold cyan",
        # Coherence notes (one per maxim the answer strains), pointing at the answer's start.
        "quality": "bold yellow",
        "quantity": "bold yellow",
        "relation": "bold yellow",
        "manner": "bold yellow",
    },
)
