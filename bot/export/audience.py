"""Who a transcript is shown to decides what it carries: numbers are for therapists, supervisors
and trainees; a client reading their own sessions gets the words (their messages, the marked
phrases and why they were marked, notes) without the scores their exercise keeps from clients
(each score declares its audience, bot/exercises/contract.py).

The client's own data-access export (`attune export-data`) is not filtered: it is everything stored.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from bot.exercises.contract import Audience
from bot.exercises.registry import score_specs
from bot.store.views import AnnotationView, Person, Role, Transcript, Turn


def sees_scores(person: Person) -> bool:
    return person.role is not Role.CLIENT


def for_reader(transcript: Transcript, reader: Person) -> Transcript:
    return transcript if sees_scores(reader) else without_scores(transcript)


def without_scores(transcript: Transcript) -> Transcript:
    """The transcript with analysis scores removed; the evidence stays, and SUDS stays (it is the
    person's own rating)."""
    return replace(transcript,
                   conversation=replace(transcript.conversation, scores=client_scores(transcript.conversation.scores)),
                   turns=tuple(_turn(t) for t in transcript.turns))


def _turn(turn: Turn) -> Turn:
    return replace(turn, annotations=tuple(_annotation(a) for a in turn.annotations))


def client_scores(scores: Mapping[str, Any]) -> dict[str, Any]:
    """Only the scores their exercise declares for clients to see (none does today)."""
    specs = score_specs()
    return {name: value for name, value in scores.items()
            if name in specs and specs[name].visible_to(Audience.CLIENT)}


def _annotation(annotation: AnnotationView) -> AnnotationView:
    # Only the evidence stays (the marked words and why they count): the raw result also holds
    # estimates in other shapes ("rf_band", an explanation that quotes the estimate).
    return replace(annotation, result={}, scores=client_scores(annotation.scores))
