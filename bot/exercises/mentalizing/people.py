"""Who the other person is in a person's own moment, read from how they told it.

On the "my own moment" path the person first says what happened ("my sister didn't call me back").
Naming that person in the later questions ("what might your sister have been feeling?") keeps the
conversation about the real relationship; "the other person" is the fallback. Relation words and
their pronouns live in people.yml; the parse says which "my" belongs to which noun, so "my friend's
mother" names the mother, not the friend.
"""
from __future__ import annotations

import functools
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from bot.content import read_yaml
from bot.exercises.mentalizing.schema import OtherPerson
from bot.nlp import load_nlp

PEOPLE_FILE = Path(__file__).parent / "people.yml"
FIRST_PERSON_POSSESSIVES = {"my", "our"}
# The story's first few sentences are enough to find who it is about; a huge paste is not parsed whole.
MAX_CHARS = 2000


@functools.lru_cache(maxsize=1)
def _relations() -> dict[str, str]:
    """Relation word (lower case, singular) -> pronoun."""
    raw = read_yaml(PEOPLE_FILE) or {}
    return {word.lower(): pronoun for pronoun, words in raw["relations"].items() for word in words}


def other_person_in(text: str, nlp: Language | None = None) -> OtherPerson | None:
    """The first person the story names by relation ("my mum") or by name ("Jake"), if any."""
    if not text or not text.strip():
        return None
    doc = (nlp or load_nlp())(text[:MAX_CHARS])
    return _first_other(doc)


def _first_other(doc: Doc) -> OtherPerson | None:
    relations = _relations()
    for token in doc:
        if token.lower_ in FIRST_PERSON_POSSESSIVES and token.dep_ == "poss":
            found = _relation_named(token.head, relations)
        elif token.pos_ == "PROPN" or _kin_as_name(token, relations):
            found = _named(token, relations)
        else:
            found = None
        if found is not None:
            return found
    return None


def _relation_named(noun, relations: dict[str, str]) -> OtherPerson | None:
    """ "my sister" -> your sister; "my friend's mother" -> your friend's mother."""
    words = [noun]
    while words[-1].dep_ == "poss" and words[-1].head.i != words[-1].i:
        words.append(words[-1].head)
    person = words[-1]
    word = (person.lemma_ or person.lower_).lower()
    if word not in relations:
        return None
    phrase = " ".join(w.lower_ + ("'s" if w is not person else "") for w in words)
    plural = person.tag_ in ("NNS", "NNPS")
    return OtherPerson(name=f"your {phrase}", pronoun="they" if plural else relations[word])  # type: ignore[arg-type]


def _kin_as_name(token, relations: dict[str, str]) -> bool:
    """ "Mum said..." / "Dad laughed": a family word used as a name, capitalised, with no "the"/"my"."""
    return (
        token.text[:1].isupper()
        and relations.get(token.lower_) in ("she", "he")
        and not any(child.dep_ in ("det", "poss") for child in token.children)
    )


def _named(token, relations: dict[str, str]) -> OtherPerson | None:
    """A first name as a participant ("Jake ignored me"), not a place, a date or an organisation.

    The small English model often leaves first names without an entity type, so an untyped proper
    noun that is someone's subject or object counts too.
    """
    if token.lower_ in relations:  # "Mum said..." is a relation used as a name
        return OtherPerson(name=f"your {token.lower_}", pronoun=relations[token.lower_])  # type: ignore[arg-type]
    if token.ent_type_ not in ("", "PERSON") or not token.text[:1].isupper() or not token.is_alpha:
        return None
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "compound"):
        return None
    name = token.text
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":  # "Jake Smith": keep the whole name
        name = f"{token.text} {token.head.text}"
    return OtherPerson(name=name, pronoun="they")
