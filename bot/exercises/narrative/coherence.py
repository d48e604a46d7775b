"""Per-answer markers and coherence notes for the therapist, and the gentle reflection they suggest.

Coherence follows Grice's maxims as the Adult Attachment Interview uses them (Main): quality
(descriptions backed by specific memories), quantity (enough, neither sparse nor flooding),
relation (on the question, not pulled into present anger), manner (clear and orderly: not vague,
not slipping into the present tense). These are notes to think with, not a coding of the interview
(docs/constructs.md#narrative-coherence). Pure: phrases from lexicon.yml, no spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.exercises.narrative.pacing import FloodReading, read_flood
from bot.exercises.narrative.phrases import Span, count_words, find, normalise
from bot.exercises.narrative.schema import Lexicon

SPARSE_WORDS = 6  # fewer words than this to a memory question says little (unless "I can't remember")
LONG_WORDS = 180
VAGUE_ENOUGH = 2
MAXIMS = ("quality", "quantity", "relation", "manner")
MEMORY_KINDS = ("memory", "retelling")

NOTE_QUOTE = 60  # characters of the answer a coherence note points at (a note is about the whole answer)


@dataclass(frozen=True)
class Marker:
    name: str
    span: Span
    explanation: str  # a marker's own (lexicon.yml `explanations`); for a coherence note "quality: ..."

    def evidence(self) -> dict:
        return {"start": self.span.start, "end": self.span.end, "text": self.span.text, "marker": self.name,
                "explanation": self.explanation}


def _opening(text: str) -> Span:
    """The start of the answer, cut at a word, for a note about the whole answer to point at."""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if end - start > NOTE_QUOTE:
        cut = text.rfind(" ", start, start + NOTE_QUOTE)
        end = cut if cut > start else start + NOTE_QUOTE
    return Span(start, end, text[start:end])


@dataclass
class Reading:
    """What one answer shows: markers with spans, the maxims it strains, and plain facts."""

    markers: list[Marker] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # maxim -> short note for the therapist
    words: int = 0
    flood: FloodReading | None = None
    cant_remember: bool = False
    refuses_their_side: bool = False

    def has(self, name: str) -> bool:
        return any(m.name == name for m in self.markers)

    def count(self, name: str) -> int:
        return sum(m.name == name for m in self.markers)

    @property
    def flooding(self) -> bool:
        return bool(self.flood and self.flood.flooding)


def _mind_spans(text: str, lexicon: Lexicon) -> list[Span]:
    people = "|".join(re.escape(p) for p in lexicon.people)
    verbs = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in lexicon.mental_verbs),
                            key=len, reverse=True))
    # A person and, within two words, a mental-state verb: "she felt", "he must have been", "mum really wanted".
    rule = re.compile(rf"(?<![\w'])(?:{people})(?:\s+\w+){{0,2}}?\s+(?:{verbs})(?![\w'])")
    lowered = normalise(text)
    spans = [Span(m.start(), m.end(), text[m.start():m.end()]) for m in rule.finditer(lowered)]
    return spans + find(text, lexicon.mind_openers)


def read(text: str, kind: str, lexicon: Lexicon) -> Reading:
    """The markers and coherence notes of an answer to a step of `kind` (questions.yml)."""
    reading = Reading(words=count_words(text))
    found = {
        "caregiver_mind": _mind_spans(text, lexicon),
        "specific_memory": find(text, lexicon.specific_memory),
        "lack_of_recall": find(text, lexicon.lack_of_recall),
        "vague": find(text, lexicon.vague),
        "current_anger": find(text, lexicon.current_anger),
    }
    if kind == "adult_to_child":
        kind_spans = find(text, lexicon.kind)
        # "not your fault" is kind, though "your fault" alone is harsh: a kind phrase wins where they overlap.
        found["harsh_to_child"] = [h for h in find(text, lexicon.harsh)
                                   if not any(k.start <= h.start and h.end <= k.end for k in kind_spans)]
        found["kind_to_child"] = kind_spans
    for name, spans in found.items():
        reading.markers.extend(Marker(name, span, lexicon.explanations[name]) for span in spans)
    reading.cant_remember = reading.has("lack_of_recall") and reading.words <= 25
    reading.refuses_their_side = bool(find(text, lexicon.refuse_their_side))
    if kind in MEMORY_KINDS:
        reading.flood = read_flood(text, lexicon)
        if reading.flooding:
            for name in ("present_tense", "sensory_detail"):
                reading.markers.extend(Marker(name, s, lexicon.explanations[name])
                                       for s in find(text, getattr(lexicon, name))[:5])
    reading.notes = _maxims(reading, kind, lexicon.maxim_notes)
    # Each note also travels as evidence, so the review and the exports show it beside the answer.
    reading.markers.extend(Marker(maxim, _opening(text), f"{maxim}: {note}") for maxim, note in reading.notes.items()
                           if text.strip())
    return reading


def _maxims(reading: Reading, kind: str, say: dict[str, str]) -> dict[str, str]:
    """maxim -> its note (lexicon.yml `maxim_notes`) for the maxims this answer strains."""
    notes: dict[str, str] = {}
    if kind == "memory" and not reading.cant_remember and not reading.has("specific_memory"):
        notes["quality"] = say["no_episode"]
    if kind in MEMORY_KINDS and reading.words < SPARSE_WORDS and not reading.cant_remember:
        notes["quantity"] = say["sparse"]
    elif reading.flooding:
        notes["quantity"] = say["flooded"]
    elif reading.words >= LONG_WORDS:
        notes["quantity"] = say["long"]
    if reading.has("current_anger"):
        notes["relation"] = say["present_anger"]
    if reading.count("vague") >= VAGUE_ENOUGH:
        notes["manner"] = say["vague"]
    elif reading.flooding:
        notes["manner"] = say["tense_slips"]
    return notes


def reflection_key(reading: Reading, kind: str, mind_seen_before: bool, optional_view: bool = False,
                   invites_example: bool = True) -> str:
    """Which reflection (words.yml) fits the answer; the feeling comes before any invitation.
    `optional_view`: a step that asks for the caregiver's side, which the person may decline;
    `invites_example`: a step whose bare description may be invited, once, to give an example."""
    if kind == "adult_to_child" and reading.has("harsh_to_child"):
        return "harsh_to_child"  # never praised: a gentle response instead
    if reading.flooding:
        return "invite_meaning"
    if reading.cant_remember:
        return "cant_remember"
    if optional_view and reading.refuses_their_side:
        return "not_their_side"
    if reading.has("caregiver_mind") and not mind_seen_before and kind != "adult_to_child":
        return "caregiver_mind_noticed"
    if kind == "memory" and "quality" in reading.notes and invites_example:
        return "invite_example"
    if kind == "adult_to_child":
        return "kind_to_child" if reading.has("kind_to_child") else "acknowledge_reflection"
    return {"caregiver": "acknowledge_caregiver", "words": "acknowledge_words", "choose": "choose_ack",
            "memory": "acknowledge_memory", "retelling": "acknowledge_memory"}.get(kind, "acknowledge_reflection")
