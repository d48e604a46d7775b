"""Simulated practice in transcripts: which sessions have a simulated client (labelled wherever a
transcript is shown or exported, so a simulated client's words are never taken for a real
client's), how their speakers are named, and the exercises' whole-session reports for reviewers.

The review terminal, the web review and every export format read these; the exercises say which
of them are simulated and what their report holds (bot/exercises/registry.py).
"""
from __future__ import annotations

from bot.exercises.contract import ReportSection
from bot.exercises.registry import session_report, simulated_exercises
from bot.export.labels import label
from bot.store.views import ConversationSummary, Transcript


def is_simulated(conversation: ConversationSummary) -> bool:
    return bool(simulated_exercises().intersection(conversation.exercises))


def simulated_note(conversation: ConversationSummary) -> str:
    """The label a simulated session carries at its top, or ""."""
    return label("simulated") if is_simulated(conversation) else ""


def speaker_label(speaker: str, simulated: bool) -> str:
    """ "Client"/"Attune", or in simulated practice "Trainee"/"Attune" (the client's own lines say so)."""
    return label("speaker_simulated", speaker) if simulated else label("speaker", speaker)


def report_sections(transcript: Transcript) -> list[ReportSection]:
    """Each exercise's report on this session, from its annotations in turn order. Annotations
    without their detail (a transcript filtered for a client reader) make no report."""
    by_kind: dict[str, list[dict]] = {}
    for turn in transcript.turns:
        for annotation in turn.annotations:
            if not annotation.result:
                continue
            by_kind.setdefault(annotation.kind, []).append({
                "text": turn.text, "step": turn.step, "result": annotation.result, "scores": annotation.scores,
                "evidence": [e.to_dict() for e in annotation.evidence]})
    return [section for kind, turns in by_kind.items() for section in session_report(kind, turns)]
