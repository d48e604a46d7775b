"""What the mentalizing feedback needs to know about the person, beside the markers of reflection.

- `own_feelings`: the feelings the speaker names as their own ("I felt furious and humiliated", "it
  still hurts", a bare "sad"), so that a reflection can meet the feeling before any coaching; the MBT
  stance validates before it explores (domain.md section 1).
- `self_criticism`: harsh judgements of the speaker ("I probably seemed needy", "I'm such an idiot"),
  which a reflection must never hold up as an achievement.
- `disengagement`: a reply that steps out of the exercise (hostile to it, flat, or asking to move
  on), as distinct from hostility the speaker reports in someone else's words.
- `reported_speech`: whether words sit inside what someone is reported to have said ("she told me to
  go away"): the other person's dismissal in the speaker's story, not the speaker's own.

Word lists come from `lexicons/mentalizing.yml`; whose mind a word belongs to comes from `minds.py`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.analysis.evidence import Evidence
from bot.analysis.minds import SUBJECT_DEPS

# How far up the parse a word may sit below the verb that reports it ("she said [shut up and [stop]]").
REPORT_DEPTH = 6
# Complements through which a judgement word reaches the verb whose subject it describes:
# "I [seemed] needy", "I came across [as] clingy", "I'm such an [idiot]".
JUDGEMENT_DEPS = {"acomp", "oprd", "attr", "pobj", "prep", "conj", "xcomp", "advmod", "npadvmod"}
COUNTERFACTUAL_AUX = {"would", "'d", "could", "might"}


@dataclass(frozen=True)
class Disengagement:
    """A reply that steps out of the exercise: `kind` is hostile, flat or avoidant."""

    kind: str
    evidence: list[Evidence]
    explanation: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "evidence": [e.to_dict() for e in self.evidence], "explanation": self.explanation}

    @classmethod
    def from_dict(cls, data: dict) -> "Disengagement":
        return cls(kind=str(data["kind"]), evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
                   explanation=str(data.get("explanation", "")))


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def clause_verb(token: Token) -> Token:
    """The verb or auxiliary a word belongs to ("needy" -> "seemed"), climbing complements only."""
    node = token
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"} and subject_of(node) is not None:
            return node
        if node.dep_ not in JUDGEMENT_DEPS or node.head is node:
            return node
        node = node.head
    return node


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def is_counterfactual(verb: Token) -> bool:
    """ "I wouldn't have been so angry": the negation says what would have been, and so implies that
    the speaker was angry."""
    lowers = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(lowers & COUNTERFACTUAL_AUX) and "have" in lowers


def in_quotation_marks(span: Span | Token) -> bool:
    """Inside a pair of double quotes in its sentence."""
    start = span.i if isinstance(span, Token) else span.start
    sentence = span.sent
    before = [t for t in sentence if t.i < start and t.text == '"']
    return len(before) % 2 == 1


def reported_by(token: Token, speech_verbs: frozenset[str], first_person: frozenset[str]) -> Token | None:
    """The verb of saying that reports the clause holding `token` ("she [told] me to go away"), or None.

    The speaker's present-tense words to the listener ("I'm telling you this is pointless") are the
    speaker's own, so they are not reported speech.
    """
    node = token
    for _ in range(REPORT_DEPTH):
        head = node.head
        if head is node:
            return None
        if head.lemma_ in speech_verbs and head.pos_ == "VERB" and node.dep_ in {
            "ccomp", "xcomp", "dobj", "parataxis", "oprd", "dep", "advcl",
        }:
            subject = subject_of(head)
            speaker_now = subject is not None and subject.lower_ in first_person and head.tag_ in {"VBP", "VBZ", "VBG"}
            return None if speaker_now else head
        if node.dep_ not in {"conj", "xcomp", "ccomp", "acomp", "attr", "prep", "pobj", "dobj", "prt", "advmod", "cc", "npadvmod", "nsubj"}:
            return None
        node = head
    return None


def is_reported(span: Span, speech_verbs: frozenset[str], first_person: frozenset[str]) -> bool:
    return in_quotation_marks(span) or reported_by(span.root, speech_verbs, first_person) is not None


def self_criticism(candidates: list[Token], words: frozenset[str], first_person: frozenset[str], why: str) -> list[Evidence]:
    """Harsh judgements whose target is the speaker: "I probably seemed needy", "he thinks I'm clingy".
    `candidates`: the text's tokens that may be such words."""
    found = []
    for token in candidates:
        doc = token.doc
        if token.lower_ not in words and token.lemma_ not in words:
            continue
        if token.pos_ not in {"ADJ", "NOUN"} or token.dep_ in {"amod", "compound"} and token.head.dep_ != "attr":
            continue
        verb = clause_verb(token)
        subject = subject_of(verb)
        if subject is None or subject.lower_ not in first_person or is_negated(verb):
            continue
        start, end = min(subject.i, token.i), max(subject.i, token.i) + 1
        found.append(Evidence.from_span(doc[start:end], "self_criticism", why))
    return found


def is_flat_reply(doc: Doc, flat_words: frozenset[str]) -> bool:
    """Every word of the reply is a flat one: "idk", "fine", "meh", "no", "whatever"."""
    words = [t.lower_ for t in doc if not t.is_punct and not t.is_space]
    return bool(words) and all(w in flat_words for w in words)


def is_fragment(token: Token) -> bool:
    """`token` stands in a fragment such as "Lonely.", "angry, mostly" or "Gutted.": no verb but
    (perhaps) the word itself, and no subject; the answer to "what did you feel?"."""
    if any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False
    return not any(t.pos_ in {"VERB", "AUX"} and t.i != token.i for t in token.sent)


def is_verb_sense(token: Token, first_person: frozenset[str], state_word: bool) -> bool:
    """ "I value it more", "I mind a lot", "I care about him", "I hate it": a feeling verb that the
    speaker does, aimed at something. It names an attitude, not a state that could follow "you felt"
    ("you felt value"), so the feedback must not echo it as one. `state_word`: the form is also a
    feeling word on its own ("hurt", "panicked"), which an intransitive use keeps ("I panicked")."""
    if token.pos_ not in {"VERB", "AUX"} or token.tag_ == "VBN":
        return False  # "I was hurt", "I felt humiliated": a participle names the state
    subject = subject_of(token)
    if subject is None or subject.lower_ not in first_person:
        return False  # "it still hurts": the feeling is the subject's effect on the speaker
    aimed = any(c.dep_ in {"dobj", "prep", "ccomp", "xcomp", "advcl", "npadvmod"} for c in token.children)
    return aimed or not state_word
