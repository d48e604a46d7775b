"""What the bot says from actions, read from message catalogues (YAML data files beside the code).

A catalogue maps a key to one or more variants; a variant is a text with optional buttons. Rasa's
domain keeps only the responses its rules name; everything an action says comes from here, so all
wording lives in data files and can be checked by a schema.

    ask_suds:
      - text: "On a scale from 0 to 10 ..."
        buttons: [{title: "...", payload: "/affirm"}]
"""
from __future__ import annotations

import functools
import random
from pathlib import Path

from pydantic import BaseModel, validator

from bot.content import load_document
from bot.exercises.registry import declarations

BOT_DIR = Path(__file__).parent

# Catalogue name -> file: the frame's own, then one per registered exercise (under its name).
FRAME_CATALOGUES = {
    "frame": BOT_DIR / "frame" / "messages.yml",
    "checkin": BOT_DIR / "checkin" / "messages.yml",
    "safety": BOT_DIR / "safety" / "messages.yml",
    "privacy": BOT_DIR / "privacy" / "messages.yml",
}


def catalogues() -> dict[str, Path]:
    return {**FRAME_CATALOGUES, **{name: d.catalogue for name, d in declarations().items()}}


class Button(BaseModel):
    title: str
    payload: str


class Variant(BaseModel):
    text: str
    buttons: list[Button] = []

    @validator("text")
    def not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("message text must not be blank")
        return text.strip()


class Catalogue(BaseModel):
    __root__: dict[str, list[Variant]]

    @validator("__root__")
    def every_key_has_a_variant(cls, entries: dict[str, list[Variant]]) -> dict[str, list[Variant]]:
        empty = [key for key, variants in entries.items() if not variants]
        if empty:
            raise ValueError(f"keys without any variant: {empty}")
        return entries


class UnknownMessage(KeyError):
    pass


@functools.lru_cache(maxsize=None)
def load_catalogue(name: str) -> dict[str, list[Variant]]:
    return load_document(catalogues()[name], Catalogue).__root__


def message(catalogue: str, key: str, rng: random.Random | None = None) -> Variant:
    """One variant of `key` from `catalogue`, chosen at random when there are several."""
    variants = load_catalogue(catalogue).get(key)
    if not variants:
        raise UnknownMessage(f"{catalogue}:{key}")
    return (rng or random).choice(variants)
