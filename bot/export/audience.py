"""Who a transcript is shown to decides what it carries: numbers are for therapists, supervisors
and trainees; a client reading their own sessions gets the words (their messages, the marked
phrases and why they were marked, notes) without RF-style estimates or other scores.

The client's own data-access export (`attune export-data`) is not filtered: it is everything stored.
"""
from __future__ import annotations

from dataclasses import replace

from bot.store.views import AnnotationView, Person, Role, Transcript, Turn


def sees_scores(person: Person) -> bool:
    return person.role is not Role.CLIENT


def for_reader(transcript: Transcript, reader: Person) -> Transcript:
    return transcript if sees_scores(reader) else without_scores(transcript)


def without_scores(transcript: Transcript) -> Transcript:
    """The transcript with analysis scores removed; the evidence stays, and SUDS stays (it is the
    person's own rating)."""
    return replace(transcript,
                   conversation=replace(transcript.conversation, rf_estimates=()),
                   turns=tuple(_turn(t) for t in transcript.turns))


def _turn(turn: Turn) -> Turn:
    return replace(turn, annotations=tuple(_annotation(a) for a in turn.annotations))


def _annotation(annotation: AnnotationView) -> AnnotationView:
    # Only the evidence stays (the marked words and why they count): the raw result also holds
    # estimates in other shapes ("rf_band", an explanation that quotes the estimate).
    return replace(annotation, result={}, scores={})
