"""Whose mind a mental-state word belongs to, read from the dependency parse.

"I think he is late": the holder of "think" is the speaker, and "late" is no state at all. "He thinks I
don't care": "thinks" is his, and "care", though its subject is "I", sits inside his belief, so it is
his reading of the speaker rather than the speaker's own state. "She seemed worried": "worried"
completes "seemed", whose subject is hers. Word sets come from `lexicons/mentalizing.yml`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class PersonWords:
    first_person: frozenset[str]
    not_a_mind: frozenset[str]  # subjects that are no one's mind: "it feels like", "that seems"
    relative: frozenset[str]  # "the man who thought": the relative pronoun stands for its noun
    people: frozenset[str]  # nouns naming people
    experiencer_object_verbs: frozenset[str]  # "it upset me": the object is the one who feels
    factive_verbs: frozenset[str]  # "she could tell I was upset" asserts that I was


class MindReader:
    """Holder and perspective ("self" / "other" / None) of mental-state tokens in one parsed text."""

    def __init__(self, words: PersonWords, mental_ids: set[int]):
        self.words = words
        self.mental_ids = mental_ids

    def holder(self, token: Token, depth: int = 0) -> Token | None:
        """The person whose state `token` names, from the parse."""
        if depth > 4:
            return None
        if token.pos_ in {"VERB", "AUX"}:
            if token.lemma_ in self.words.experiencer_object_verbs:
                for child in token.children:
                    if child.dep_ == "dobj" and self.is_person(child):
                        return child
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    if child.lower_ in self.words.relative and token.dep_ == "relcl":
                        return token.head
                    return child
            if token.dep_ in {"xcomp", "conj", "acomp", "oprd"} and token.head.i != token.i:
                return self.holder(token.head, depth + 1)
            return None
        if token.pos_ in {"NOUN", "PROPN"}:
            for child in token.children:
                if child.dep_ == "poss":
                    return child
            if token.dep_ in SUBJECT_DEPS:  # "my anger made me...": the noun is the subject itself
                return None
            if token.dep_ in {"dobj", "attr", "pobj"} and token.head.i != token.i:
                head = token.head.head if token.dep_ == "pobj" else token.head
                return self.holder(head, depth + 1) if head.pos_ in {"VERB", "AUX"} else None
            return None
        # Adjectives and adverbs: their own subject ("made her angry"), the noun they describe
        # ("an angry man"), or the subject of the verb they complete ("she seemed worried").
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if token.dep_ == "amod":
            return token.head
        if token.dep_ in {"acomp", "oprd", "attr", "ccomp", "xcomp", "conj", "advmod", "dep"} and token.head.i != token.i:
            return self.holder(token.head, depth + 1)
        return None

    def is_person(self, token: Token) -> bool:
        lower = token.lower_
        if lower in self.words.not_a_mind:
            return False
        if lower in self.words.first_person or token.pos_ in {"PRON", "PROPN"} or token.ent_type_ == "PERSON":
            return True
        return lower in self.words.people or token.lemma_ in self.words.people

    def kind(self, holder: Token | None, state: Token) -> str | None:
        if holder is None or holder.lower_ in self.words.not_a_mind:
            return None
        if holder.lower_ in self.words.first_person or part_of_me(holder, self.words.first_person):
            return "self"
        if self.is_person(holder):
            return "other"
        if holder.i in self.mental_ids:
            # "my feelings were hurt", "her fear grew": a state's holder is whoever the state belongs to.
            owner = next((c for c in holder.children if c.dep_ == "poss"), None)
            return self.kind(owner, holder) if owner is not None else None
        # Only minds think, feel and want: a noun subject of such a verb is a person ("the burglar thought").
        if holder.pos_ == "NOUN" and holder.dep_ in SUBJECT_DEPS and state.pos_ == "VERB" and holder.head == state:
            return "other"
        return None

    def perspective(self, token: Token) -> tuple[str | None, Token | None]:
        holder = self.holder(token)
        kind = self.kind(holder, token)
        if kind == "self" and self.inside_other_reading(token):
            # "he thinks I don't care": the speaker's state as the other person reads it.
            kind = "other"
        return kind, holder

    def inside_other_reading(self, token: Token) -> bool:
        node = token
        for _ in range(6):
            if node.head is node:
                return False
            if (
                node.dep_ in {"ccomp", "xcomp"}
                and node.head.i in self.mental_ids
                and node.head.lemma_ not in self.words.factive_verbs
            ):
                head_kind = self.kind(self.holder(node.head), node.head)
                if head_kind == "other":
                    return True
            node = node.head
        return False


def part_of_me(holder: Token, first_person: frozenset[str]) -> bool:
    # "part of me was relieved": the speaker's own mixed feelings.
    return holder.lower_ in {"part", "side", "bit"} and any(
        c.dep_ == "prep" and any(g.lower_ in first_person for g in c.children) for c in holder.children
    )
