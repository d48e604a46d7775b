"""Mentalizing practice's own action; the exercise itself runs through actions/exercise.py."""
from __future__ import annotations

from actions.common import SayAction


class ActionOfferReflection(SayAction):
    """Someone shares a moment outside any exercise: offer the "my own moment" path."""

    catalogue, key = "mentalizing", "offer_own_moment"

    def name(self) -> str:
        return "action_offer_reflection"
