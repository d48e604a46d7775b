"""The repair rehearsal as the rest of Attune sees it (no engine, no spaCy: the store, the exports
and the review command import this)."""
from __future__ import annotations

from pathlib import Path

from bot.exercises.contract import Audience, Declaration, MenuEntry, ScoreSpec

NAME = "repair"
PERSONA_PATH = "persona"
OWN_PATH = "own"
COMPONENTS_SCORE = "repair_components"
BLOCKERS_SCORE = "repair_blockers"
OPENNESS_SCORE = "character_openness"

_FOR_STAFF = frozenset({Audience.THERAPIST, Audience.TRAINEE})
_CONSTRUCT = "docs/constructs.md#rupture-and-repair"

DECLARATION = Declaration(
    name=NAME,
    title="Repair rehearsal",
    engine="bot.exercises.repair.exercise:RepairExercise",
    starts={"start_repair": PERSONA_PATH, "own_repair": OWN_PATH},
    catalogue=Path(__file__).with_name("messages.yml"),
    menu=(
        MenuEntry("Rehearse a repair conversation", "/start_repair"),
        MenuEntry("Rehearse repairing a rupture of my own", "/own_repair"),
    ),
    scores=(
        ScoreSpec(name=COMPONENTS_SCORE, label="Repair components present", short="Comp", scale=(0, 11),
                  audience=_FOR_STAFF, construct=_CONSTRUCT),
        ScoreSpec(name=BLOCKERS_SCORE, label="Repair blockers present", short="Block", scale=(0, 8),
                  audience=_FOR_STAFF, construct=_CONSTRUCT),
        ScoreSpec(name=OPENNESS_SCORE, label="Character's openness after the attempt (0 more hurt - 4 open)",
                  short="Open", scale=(0, 4), audience=_FOR_STAFF, construct=_CONSTRUCT),
    ),
    # Components in green, the blockers in red, self-abasement apart: it is coached, not condemned.
    marker_styles={
        "expression_of_regret": "bold green",
        "explanation": "green",
        "acknowledgement_of_responsibility": "bold green",
        "declaration_of_repentance": "green",
        "offer_of_repair": "bold green",
        "request_for_forgiveness": "green",
        "names_specific_moment": "bold cyan",
        "curiosity_about_other": "bold magenta",
        "reflects_other_feeling": "bold magenta",
        "i_statement": "bold blue",
        "next_step": "bold cyan",
        "self_abasement": "bold yellow",
        "non_apology": "bold red",
        "sorry_but": "bold red",
        "blame": "bold red",
        "contempt": "bold red",
        "defensiveness": "bold red",
        "minimising": "bold red",
        "stonewalling": "bold red",
    },
)
