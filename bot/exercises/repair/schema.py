"""The repair rehearsal's content schema: personas (personas.yml) and the coach's words, the
own-rupture questions and the shared character lines (coaching.yml). Read through bot/content.py,
which names the file, the entry and the field when something is wrong."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, conlist, constr, root_validator, validator

from bot.content import require_keys

if TYPE_CHECKING:  # pydantic's constrained types are built at run time; a type checker sees these
    Text = str
    Slug = str
    Few = list[str]
    Several = list[str]
else:
    Text = constr(strip_whitespace=True, min_length=1)
    Slug = constr(regex=r"^[a-z][a-z0-9_]*$")
    Few = conlist(Text, min_items=2)
    Several = conlist(Text, min_items=3)

# The character's states, from most hurt to open (bot/exercises/repair/character.py moves along it).
LEVELS = ("more_hurt", "hurt", "guarded", "softening", "open")
RELATIONSHIPS = ("partner", "parent", "friend", "colleague", "adult_child", "therapist", "sibling")
ATTACHMENT = ("secure", "anxious", "avoidant")
HURT = ("raw", "sore")
# What a person may need to hear, each met by any of its repair components (docs/analysis.md).
NEEDS = {
    "ownership": ("acknowledgement_of_responsibility",),
    "their_feelings": ("reflects_other_feeling", "curiosity_about_other"),
    "the_moment": ("names_specific_moment",),
    "a_way_forward": ("offer_of_repair", "next_step", "declaration_of_repentance"),
    "your_feeling": ("i_statement", "expression_of_regret"),
}
BLOCKERS = ("self_abasement", "non_apology", "sorry_but", "blame", "contempt", "defensiveness",
            "minimising", "stonewalling")
# The kinds of line the shared pool in coaching.yml has for every character.
SHARED_KINDS = ("opening",) + LEVELS + ("fawned", "pressed", "still_hurts")
COMPONENTS = tuple(sorted({c for group in NEEDS.values() for c in group} | {"explanation", "request_for_forgiveness"}))


class Lines(BaseModel):
    """What the character can say, by state and by kind of reaction."""

    opening: Few  # the first thing they say, from their side of the rupture
    guarded: Several
    softening: Several
    open: Several
    hurt: Several
    more_hurt: Several
    fawned: Few  # to an attempt that grovels (self_abasement): unsettled, not soothed
    pressed: Few  # the attachment pattern under strain: an anxious one presses, an avoidant one withdraws
    still_hurts: Few  # softening, but something they need has not been said yet

    @root_validator(skip_on_failure=True)
    def no_line_twice(cls, values: dict) -> dict:
        seen: set[str] = set()
        for kind, lines in values.items():
            for line in lines:
                if line.lower() in seen:
                    raise ValueError(f"line in '{kind}' appears twice: {line!r}")
                seen.add(line.lower())
        return values


class Persona(BaseModel):
    id: Slug
    name: Text  # as the character is called in the chat: "Priya", "your dad"
    relationship: Literal[RELATIONSHIPS]  # type: ignore[valid-type]
    age: int
    background: Text  # a line of who they are (culture, life stage), for the person and the therapist
    situation: Text  # told to the person, in the second person: what they did
    their_side: Text  # one possible view from the character's side, for the debrief and the therapist
    hurt: Literal[HURT]  # type: ignore[valid-type]
    attachment: Literal[ATTACHMENT]  # type: ignore[valid-type]
    needs: conlist(Literal[tuple(NEEDS)], min_items=2)  # type: ignore[valid-type]
    worse: conlist(Literal[BLOCKERS], min_items=1)  # type: ignore[valid-type]
    lines: Lines
    # A good repair to them, said by the bot in a perspective swap while the person plays them.
    modelled_repair: Text

    @validator("age")
    def adult(cls, age: int) -> int:
        if not 16 <= age <= 100:
            raise ValueError("age must be between 16 and 100")
        return age

    @root_validator(skip_on_failure=True)
    def anxious_needs_a_way_forward(cls, values: dict) -> dict:
        # An anxious character presses until they hear what happens next (character.py).
        if values["attachment"] == "anxious" and "a_way_forward" not in values["needs"]:
            raise ValueError("an anxious character needs 'a_way_forward' among its needs")
        return values


class PersonaLibrary(BaseModel):
    personas: list  # entries validated one by one (bot/content.parse_entries)
    shaped: list  # personas shaped from a person's own rupture, one per attachment pattern


class OwnQuestions(BaseModel):
    who: Text
    what_happened: Text
    how_they_react: Text


class Coaching(BaseModel):
    """The coach's words and everything else the rehearsal says that is not a character's line."""

    voices: dict[Literal["character", "coach", "modelled"], Text]  # type: ignore[valid-type]
    introduce: Several  # {name} {situation} {background}
    own_intro: Few
    own_questions: OwnQuestions
    noted: Several  # a short thanks before the next own-rupture question
    shaped_intro: Few  # {name}
    relationship_words: dict[Literal[RELATIONSHIPS], list[Text]]  # type: ignore[valid-type]
    nameable_words: list[Text]  # relationship words that can name the person: "your sister"
    relationship_names: dict[Literal[RELATIONSHIPS], Text]  # type: ignore[valid-type]
    raw_words: list[Text]  # in the "what happened" answer: the hurt is raw
    avoidant_words: list[Text]  # in the "how do they react" answer
    anxious_words: list[Text]
    abuse_words: list[Text]  # the other described as violent, controlling or frightening
    abuse_refusal: Few  # not a rupture to rehearse; the resources follow
    rewind_words: list[Text]
    timeout_words: list[Text]
    swap_words: list[Text]  # a perspective swap: the person plays the other, the bot models a repair
    rewound: Several  # {name}
    nothing_to_rewind: Few
    no_more_rewinds: Few
    back_from_pause: Several  # {name}
    component_words: dict[Literal[COMPONENTS], Text]  # type: ignore[valid-type]
    no_components: Text  # what an attempt with no repair component did
    blocker_words: dict[Literal[BLOCKERS], Text]  # type: ignore[valid-type]
    tips_for_need: dict[Literal[tuple(NEEDS)], Several]  # type: ignore[valid-type]
    tips_for_blocker: dict[Literal[BLOCKERS], Several]  # type: ignore[valid-type]
    worked: Several  # {quote} {what}
    nothing_worked_yet: Several
    timeout_before_any: Few
    timeout_last: Several  # {what}: what the last attempt did, in words
    timeout_quoted: Several  # {quote} the last attempt's words, {what} what they did
    back_to_character: Several  # {name}
    swap_intro: Few  # {name}
    swap_question: Few  # {name}: how was it to hear that
    swap_thanks: Several  # the reflection acknowledged
    swap_not_yet: Few  # a swap asked for before the rehearsal has begun (own-rupture questions)
    debrief_swap: Few  # {name} {quote}: what the person said hearing the modelled repair
    level_words: dict[Literal[LEVELS], Text]  # type: ignore[valid-type]
    moves: dict[Literal["up", "down", "same"], Several]  # {name} {before} {after}
    ordinals: Several
    debrief_intro: Few
    debrief_try: Several  # {ordinal} {quote}
    debrief_repaired: Few  # {name}
    debrief_not_repaired: Few  # {name}
    debrief_rewinds: Few
    debrief_nothing: Few  # {name}
    debrief_not_the_real_person: Few  # {name}
    shared_lines: dict[Literal[SHARED_KINDS], Several]  # type: ignore[valid-type]

    @validator("component_words", "blocker_words", "tips_for_need", "tips_for_blocker",
               "level_words", "shared_lines", "relationship_words", "relationship_names")
    def every_key(cls, entries: dict, field) -> dict:  # type: ignore[no-untyped-def]
        expected = {"component_words": COMPONENTS, "blocker_words": BLOCKERS, "tips_for_need": tuple(NEEDS),
                    "tips_for_blocker": BLOCKERS, "level_words": LEVELS, "shared_lines": SHARED_KINDS,
                    "relationship_words": RELATIONSHIPS, "relationship_names": RELATIONSHIPS}[field.name]
        require_keys(entries, expected, "missing")
        return entries
