"""The shape of the narrative retelling's data files (questions.yml, words.yml, lexicon.yml),
validated on load by `bot.content` so a typo names its file, entry and field at start-up."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, conlist, constr, root_validator, validator

from bot.content import require_keys

if TYPE_CHECKING:
    Text = str
    Variants = list[str]
    Phrases = list[str]
    Slug = str
else:
    Text = constr(strip_whitespace=True, min_length=1)
    Variants = conlist(Text, min_items=1)
    Phrases = conlist(constr(strip_whitespace=True, min_length=1, regex=r"^[^A-Z]+$"), min_items=1)
    Slug = constr(regex=r"^[a-z][a-z0-9_]*$")

STEP_KINDS = ("caregiver", "words", "memory", "reflection", "choose", "retelling", "adult_to_child", "suds")
TEMPLATE_FIELDS = {"caregiver"}
# The markers an answer can carry and the notes a strained maxim can get (coherence.py); lexicon.yml
# words every one of them for the therapist.
MARKERS = ("caregiver_mind", "specific_memory", "lack_of_recall", "vague", "current_anger", "present_tense",
           "sensory_detail", "harsh_to_child", "kind_to_child")
MAXIM_NOTES = ("no_episode", "sparse", "flooded", "long", "present_anger", "vague", "tense_slips")
_PLACEHOLDER = re.compile(r"{(\w+)}")


def _check_fields(text: str) -> str:
    unknown = set(_PLACEHOLDER.findall(text)) - TEMPLATE_FIELDS
    if unknown:
        raise ValueError(f"unknown placeholders {sorted(unknown)}; allowed: {sorted(TEMPLATE_FIELDS)}")
    return text


class Step(BaseModel):
    id: Slug
    kind: Literal["caregiver", "words", "memory", "reflection", "choose", "retelling", "adult_to_child", "suds"]
    text: Text
    after_harm: Text | None = None  # wording used once the person told of harm by this caregiver
    # A description without a memory is invited, once, to give an example (the five words' memories
    # only: a hard memory is never pressed for).
    invites_example: bool = False

    _fields = validator("text", "after_harm", allow_reuse=True)(lambda v: v if v is None else _check_fields(v))


class Questions(BaseModel):
    steps: conlist(Step, min_items=3)  # type: ignore[valid-type]

    @root_validator(skip_on_failure=True)
    def shaped_like_the_exercise(cls, values: dict) -> dict:
        steps: list[Step] = values["steps"]
        ids = [s.id for s in steps]
        if len(set(ids)) != len(ids):
            raise ValueError("step ids must be unique")
        if steps[-1].kind != "suds":
            raise ValueError("the last step must be the closing distress rating (kind: suds)")
        for kind in ("caregiver", "choose", "retelling", "adult_to_child"):
            if sum(s.kind == kind for s in steps) != 1:
                raise ValueError(f"exactly one step of kind {kind!r} is needed")
        if [s.kind for s in steps].index("choose") > [s.kind for s in steps].index("retelling"):
            raise ValueError("the memory is chosen before it is retold")
        return values


class Words(BaseModel):
    unnamed_caregiver: Text
    intro: Variants
    welcome_back: Variants
    acknowledge_caregiver: Variants
    acknowledge_words: Variants
    acknowledge_memory: Variants
    acknowledge_reflection: Variants
    invite_example: Variants
    invite_meaning: Variants
    caregiver_mind_noticed: Variants
    cant_remember: Variants
    not_their_side: Variants
    suds_offer: Variants
    suds_passed: Variants
    suds_thanks: Variants
    grounding_choice: Variants
    going_on: Variants
    stop_for_today: Variants
    stop_at_start: Variants
    after_harm_choice: Variants
    another_caregiver: Variants
    harsh_to_child: Variants
    kind_to_child: Variants
    choose_ack: Variants
    end_high: Variants
    containment: Variants
    containment_at_start: Variants
    closing_complete: Variants
    closing_partial: Variants
    closing_looked_back: Variants
    end_thanks: Variants
    refusal_not_enabled: Variants
    refusal_needs_general_consent: Variants
    refusal_needs_consent: Variants

    @validator("*", each_item=True)
    def no_unknown_fields_and_no_digits(cls, text: str) -> str:
        # Words for the person: a digit here could read as a score (docs/constructs.md#numbers-for-therapists).
        if any(ch.isdigit() for ch in text):
            raise ValueError("words for the person hold no digits")
        return _check_fields(text)


class Lexicon(BaseModel):
    caregiver_kinds: Phrases
    people: Phrases
    mental_verbs: Phrases
    mind_openers: Phrases
    specific_memory: Phrases
    lack_of_recall: Phrases
    refuse_their_side: Phrases
    vague: Phrases
    current_anger: Phrases
    harsh: Phrases
    kind: Phrases
    present_tense: Phrases
    past_tense: Phrases
    sensory_detail: Phrases
    stop_words: Phrases
    another_caregiver: Phrases
    # Words that name which memory a person wants to retell: word -> memory number (1-5 the five
    # words' memories, 6 being upset or ill, 7 a separation, 8 feeling rejected). Matched as parts of
    # words, so "separat" covers separated and separation.
    memory_choice: dict[str, int]
    # For the therapist: what each marker means, and the note for each coherence maxim an answer strains.
    explanations: dict[str, str]
    maxim_notes: dict[str, str]

    @validator("explanations")
    def every_marker_explained(cls, value: dict[str, str]) -> dict[str, str]:
        require_keys(value, MARKERS, "no explanation for")
        return value

    @validator("maxim_notes")
    def every_note_worded(cls, value: dict[str, str]) -> dict[str, str]:
        require_keys(value, MAXIM_NOTES, "no words for")
        return value
