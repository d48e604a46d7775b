"""The repair rehearsal's data files, read and validated once per process."""
from __future__ import annotations

import functools
from pathlib import Path

from bot.content import ContentError, load_document, parse_document, parse_entries, read_yaml
from bot.exercises.repair.schema import Coaching, Persona, PersonaLibrary

HERE = Path(__file__).parent
PERSONAS_FILE = HERE / "personas.yml"
COACHING_FILE = HERE / "coaching.yml"


def parse_personas(raw: object, source: str = PERSONAS_FILE.name) -> tuple[list[Persona], list[Persona]]:
    """Validate a persona file: the ready-made personas and the ones shaped from a person's story."""
    library = parse_document(raw, PersonaLibrary, source=source)
    personas = parse_entries(library.personas, Persona, source=source)
    shaped = parse_entries(library.shaped, Persona, source=f"{source} (shaped)")
    if {p.attachment for p in shaped} != {"secure", "anxious", "avoidant"}:
        raise ContentError(f"{source}: 'shaped' needs one persona for each attachment pattern")
    return personas, shaped


@functools.lru_cache(maxsize=None)
def _personas() -> tuple[tuple[Persona, ...], tuple[Persona, ...]]:
    personas, shaped = parse_personas(read_yaml(PERSONAS_FILE))
    return tuple(personas), tuple(shaped)


def personas() -> tuple[Persona, ...]:
    return _personas()[0]


def shaped_personas() -> tuple[Persona, ...]:
    return _personas()[1]


def persona_by_id(persona_id: str) -> Persona:
    for persona in personas() + shaped_personas():
        if persona.id == persona_id:
            return persona
    raise ContentError(f"{PERSONAS_FILE.name}: no persona with id {persona_id!r}")


@functools.lru_cache(maxsize=None)
def coaching() -> Coaching:
    return load_document(COACHING_FILE, Coaching)
