"""A written example shared by the narrative retelling's tests."""
from __future__ import annotations

import pytest

FLOOD = (
    "I am in the kitchen and the light is yellow and he is shouting, his voice is so loud, and I can hear "
    "the door bang and the glass is on the floor and it smells of smoke and I am standing by the window "
    "and my hands are shaking and it is cold, the floor is wet, he grabs my arm and I can see his face, "
    "red, and his eyes, and I hear my heartbeat and mum is crying on the stairs and the carpet is dark "
    "and he shouts again and I can feel the wall behind me and it is so loud and dark now."
)


@pytest.fixture
def flood_text() -> str:
    """A memory relived rather than remembered: long, present tense, heavy with sensory detail."""
    return FLOOD


# The store on SQLite and PostgreSQL, for admission and progress between sittings.
from bot.store.testing import make_store_url_fixtures  # noqa: E402

store_url, store_templates = make_store_url_fixtures()
