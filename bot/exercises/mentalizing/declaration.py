"""The mentalizing exercise as the rest of Attune sees it (no engine, no spaCy: the store, the
exports and the review command import this)."""
from __future__ import annotations

from pathlib import Path

from bot.exercises.contract import Audience, Declaration, MenuEntry, ScoreSpec

NAME = "mentalizing"
SCENARIO_PATH = "scenario"
OWN_MOMENT_PATH = "own"
RF_ESTIMATE = "rf_estimate"

RF_SCORE = ScoreSpec(
    name=RF_ESTIMATE, label="RF-style estimate", short="RF", scale=(-1, 9),
    audience=frozenset({Audience.THERAPIST, Audience.TRAINEE}),
    construct="docs/constructs.md#reflective-functioning",
)

DECLARATION = Declaration(
    name=NAME,
    title="Mentalizing practice",
    engine="bot.exercises.mentalizing.exercise:MentalizingExercise",
    starts={"start_mentalizing": SCENARIO_PATH, "own_moment": OWN_MOMENT_PATH},
    catalogue=Path(__file__).with_name("messages.yml"),
    menu=(
        MenuEntry("Reflect on a moment between people", "/start_mentalizing"),
        MenuEntry("Reflect on a moment of my own", "/own_moment"),
    ),
    scores=(RF_SCORE,),
    # Each marker family gets its own colour so a reader sees at a glance whose mind a phrase is about.
    marker_styles={
        "self_mind": "bold cyan",
        "other_mind": "bold magenta",
        "mental_state_term": "bold blue",
        "opacity": "bold green",
        "causal_link": "bold yellow",
        "alternative": "bold green",
        "change_over_time": "bold yellow",
        "certainty": "bold red",
    },
)
