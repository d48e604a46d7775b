"""A synthetic annotated session built from the view types (no database): for the export tests,
the export benchmark and previewing the formats. The words are invented; no real person's."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.store.views import (
    AnnotationView,
    ConsentRecord,
    ConversationSummary,
    EvidenceView,
    NoteView,
    Person,
    RiskEventView,
    Role,
    Speaker,
    SudsView,
    Transcript,
    Turn,
)

START = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)

USER_TEXT = "When she didn't call back I thought she was angry, but maybe she was just tired."
BOT_TEXT = "What might have been going on for her that evening?"


def _evidence(text: str, words: str, marker: str, why: str) -> EvidenceView:
    start = text.index(words)
    return EvidenceView(start, start + len(words), words, marker, why)


def sample_transcript(conversation_id: int = 1, person_id: int = 7, user_text: str = USER_TEXT,
                      started: datetime = START, rf: int = 5, suds: float = 6.0,
                      with_risk: bool = False, note: str = "Good shift to her perspective.",
                      name: str = "Sam Client") -> Transcript:
    """A four-turn mentalizing session: bot prompt, annotated user turn (with note, SUDS and
    optionally a risk event), bot reply, and a plain user turn."""
    person = Person(person_id, Role.CLIENT, name, None, started - timedelta(days=30))
    consent = ConsentRecord(person_id * 10, person_id, "1", True, started - timedelta(days=30))
    base_id = conversation_id * 100
    evidence = tuple(
        _evidence(user_text, words, marker, why)
        for words, marker, why in (("I thought", "self_mind", "names own thought"),
                                   ("maybe", "opacity", "holds the other's mind as uncertain"))
        if words in user_text
    )
    annotation = AnnotationView(base_id + 2, base_id + 2, "mentalizing",
                                {"rf_estimate": rf, "markers": [e.to_dict() for e in evidence],
                                 "explanation": "names own thought and allows uncertainty"},
                                evidence, {"rf_estimate": rf}, started + timedelta(minutes=1))
    measure = SudsView(base_id + 1, conversation_id, base_id + 2, suds, "mentalizing", "self_mind",
                       started + timedelta(minutes=1))
    risks: tuple[RiskEventView, ...] = ()
    if with_risk:
        risks = (RiskEventView(base_id + 3, conversation_id, base_id + 2, person_id, name, "dialogue",
                               "self_harm", "high", "explicit", (), started + timedelta(minutes=1)),)
    notes = (NoteView(base_id + 4, base_id + 2, 3, "Dr Therapist", note, started + timedelta(days=1)),) \
        if note else ()

    def turn(seq: int, speaker: Speaker, text: str, **extra) -> Turn:
        return Turn(base_id + seq, conversation_id, seq, speaker, text, None, "mentalizing",
                    "self_mind", started + timedelta(minutes=seq), **extra)

    turns = (
        turn(1, Speaker.BOT, BOT_TEXT),
        turn(2, Speaker.USER, user_text, annotations=(annotation,), suds=(measure,),
             risk_events=risks, notes=notes),
        turn(3, Speaker.BOT, "Thank you. You noticed your own guess and left room for hers."),
        turn(4, Speaker.USER, "ok"),
    )
    summary = ConversationSummary(conversation_id, person_id, name, started,
                                  started + timedelta(minutes=4), len(turns), ("mentalizing",),
                                  len(risks), len(risks), {"rf_estimate": (rf,)}, (suds,))
    return Transcript(summary, person, consent, turns, (measure,))


def sample_history(sessions: int, person_id: int = 7) -> list[Transcript]:
    """`sessions` sessions a week apart with slowly rising estimates and falling SUDS."""
    return [sample_transcript(conversation_id=i + 1, person_id=person_id,
                              started=START + timedelta(days=7 * i), rf=min(9, 3 + i // 3),
                              suds=max(0.0, 8.0 - i * 0.5))
            for i in range(sessions)]
