"""The shape of the mentalizing exercise's data files (scenarios.yml, questions.yml, feedback.yml).

Validated on load by `bot.content`; a broken entry stops the bot at start-up with a
message naming the entry and the field instead of failing in the middle of a conversation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, conlist, constr, root_validator, validator

# What the analysis can find and feedback can invite: the analysis' own names, defined once there.
from bot.analysis.mentalizing import FAILURE_MODES, FAMILIES  # noqa: F401 - re-exported for content checks
from bot.content import require_keys
from bot.exercises.wording import sentences

RELATIONSHIPS = ("partner", "parent", "friend", "colleague", "child", "stranger")
# What a person may ask to leave out (leave_out.yml): a scenario's relationship, or someone else the
# moment assumes (its `involves`). Strangers are never left out, so a scenario is always there.
LEAVE_OUT = ("partner", "parent", "mother", "father", "sibling", "child", "co_parent", "colleague", "friend")
INVOLVED = ("mother", "father", "sibling", "co_parent")
OTHER_WAS = ("well_meaning", "careless", "irritated", "unfair")
ATTACHMENT_TAGS = ("anxiety", "avoidance")
INTENSITIES = ("gentle", "moderate")
STEPS = ("what_happened", "own_feeling", "other_mind", "other_alternatives", "their_view_of_me", "now")
PRONOUNS = {
    "she": {"they": "she", "them": "her", "their": "her"},
    "he": {"they": "he", "them": "him", "their": "his"},
    "they": {"they": "they", "them": "them", "their": "their"},
}

if TYPE_CHECKING:  # pydantic's constrained types are built at run time; a type checker sees these
    Text = str
    Variants = list[str]
    Slug = str
    Readings = list[str]
else:
    Text = constr(strip_whitespace=True, min_length=1)
    Variants = conlist(Text, min_items=3)
    Slug = constr(regex=r"^[a-z][a-z0-9_]*$")
    Readings = conlist(Text, min_items=3)
_PLACEHOLDER = re.compile(r"{(\w+)}")
# Placeholders a question or feedback template may use; anything else is a typo in the data file.
TEMPLATE_FIELDS = {
    "name", "Name", "they", "They", "them", "their", "Their", "quote", "moment", "title", "hidden_view",
    "feelings", "Feelings", "sounds", "still", "readings", "relation",
}
TAKE_AWAY_KEYS = {"failure_mode", "all_present"}


class OtherPerson(BaseModel):
    """Who the other person in the moment is, so questions can name them naturally."""

    name: Text  # "Maya", "your manager", "the man behind you in the queue"
    pronoun: Literal["she", "he", "they"]

    def fields(self) -> dict[str, str]:
        forms = PRONOUNS[self.pronoun]
        return {
            "name": self.name,
            "Name": self.name[:1].upper() + self.name[1:],
            "they": forms["they"],
            "They": forms["they"].capitalize(),
            "them": forms["them"],
            "their": forms["their"],
            "Their": forms["their"].capitalize(),
        }


class Scenario(BaseModel):
    id: Slug
    title: Text
    relationship: Literal[RELATIONSHIPS]  # type: ignore[valid-type]
    other: OtherPerson
    moment: Text  # told to the user, in the second person, 2-4 sentences
    hidden_view: Text  # the other person's side: for the therapist view and the closing summary
    readings: Readings  # plausible readings of the other person's mind
    # What the person might have felt in the moment, offered as choices when a question about their
    # own feeling meets a rupture (feedback.yml's `repair.own_feelings` when none are written here).
    own_readings: list[Text] = []
    tags: conlist(Literal[ATTACHMENT_TAGS], min_items=1)  # type: ignore[valid-type]
    intensity: Literal[INTENSITIES]  # type: ignore[valid-type]
    involves: list[Literal[INVOLVED]] = []  # type: ignore[valid-type]
    other_was: Literal[OTHER_WAS] = "well_meaning"  # type: ignore[valid-type]

    @property
    def assumes(self) -> frozenset[str]:
        """Every relationship the moment assumes the person has (what a leave-out can rule out)."""
        return frozenset({self.relationship, *self.involves})

    @validator("moment")
    def two_to_four_sentences_in_second_person(cls, moment: str) -> str:
        count = len(sentences(moment))
        if not 2 <= count <= 4:
            raise ValueError(f"should be 2-4 sentences, found {count}")
        if not re.search(r"\byou(r|rs|rself)?\b", moment, re.IGNORECASE):
            raise ValueError("should be told in the second person (to 'you')")
        return moment

    @validator("readings")
    def readings_differ(cls, readings: list[str]) -> list[str]:
        if len({r.lower() for r in readings}) != len(readings):
            raise ValueError("readings should all be different")
        return readings

    @validator("own_readings")
    def own_readings_differ(cls, readings: list[str]) -> list[str]:
        if readings and len(readings) < 3:
            raise ValueError("own_readings should offer at least 3 choices, or none")
        if len({r.lower() for r in readings}) != len(readings):
            raise ValueError("own_readings should all be different")
        return readings

    @validator("tags")
    def tags_unique(cls, tags: list[str]) -> list[str]:
        if len(set(tags)) != len(tags):
            raise ValueError("tags should not repeat")
        return tags


class LeaveOutRule(BaseModel):
    """Ways of saying a relationship is not part of one's life (leave_out.yml, `rules`)."""

    kind: Literal["loss", "estranged", "absent"]
    patterns: conlist(Text, min_items=1)  # type: ignore[valid-type]
    leave_out: list[Literal[LEAVE_OUT]] = []  # type: ignore[valid-type]

    @root_validator(skip_on_failure=True)
    def names_what_it_leaves_out(cls, values: dict) -> dict:
        for pattern in values["patterns"]:
            if ("{relation}" in pattern) == bool(values["leave_out"]):
                raise ValueError(f"{pattern!r}: use {{relation}} or a leave_out list, one of the two")
            try:
                re.compile(pattern.replace("{relation}", "x"))
            except re.error as error:
                raise ValueError(f"{pattern!r}: {error}") from None
        return values


class LeaveOutLexicon(BaseModel):
    """leave_out.yml: the relation words, the rules, and what Attune says."""

    relations: dict[Literal[LEAVE_OUT], conlist(Text, min_items=1)]  # type: ignore[valid-type]
    rules: conlist(LeaveOutRule, min_items=1)  # type: ignore[valid-type]
    relation_words: dict[Literal[LEAVE_OUT], Text]  # type: ignore[valid-type]
    acknowledge: dict[Literal["loss", "estranged", "absent", "then"], Variants]  # type: ignore[valid-type]
    mention: Variants

    @root_validator(skip_on_failure=True)
    def every_key_has_words(cls, values: dict) -> dict:
        missing = set(LEAVE_OUT) - set(values["relation_words"])
        missing |= {"loss", "estranged", "absent", "then"} - set(values["acknowledge"])
        if missing:
            raise ValueError(f"no words for {sorted(missing)}")
        return _check_placeholders(values)


class SelectionRules(BaseModel):
    """How scenarios are chosen over time (see selection.py)."""

    no_repeat_within: int  # none of the person's last N scenarios is offered again
    gentle_sessions: int  # a new person's first N scenarios are gentle ones
    # With a check-in score at or above this (on its 1-7 scale) on either dimension, gentle pacing
    # lasts twice as long; on both, it lasts until the person or their therapist changes it.
    attachment_high: float = 4.5


class ScenarioLibrary(BaseModel):
    selection: SelectionRules
    scenarios: list  # validated entry by entry by content.parse_entries, for errors naming the entry


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, BaseModel):
        yield from _strings(node.dict())
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _strings(value)


def _check_placeholders(values: dict) -> dict:
    """Every template in a validated file uses only the known placeholders (a typo fails at load)."""
    for template in _strings(values):
        unknown = set(_PLACEHOLDER.findall(template)) - TEMPLATE_FIELDS
        if unknown:
            raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in {template!r}")
    return values


class Questions(BaseModel):
    """Question variants per step, the scenario introduction and the own-moment introduction."""

    introduce_scenario: Variants
    introduce_own_moment: Variants
    # On the own-moment path the other person is "the other person" (they/them): write the
    # questions so they read well for a name and for that phrase alike.
    steps: dict[Literal[STEPS], Variants]  # type: ignore[valid-type]
    offer_another: Variants

    @root_validator(skip_on_failure=True)
    def every_step_asked(cls, values: dict) -> dict:
        require_keys(values["steps"], STEPS, "steps without questions:")
        return _check_placeholders(values)


class StepPlan(BaseModel):
    """For one step: which finding to reflect back first, and which missing one to invite first."""

    reflect: conlist(Literal[FAMILIES], min_items=1)  # type: ignore[valid-type]
    invite: list[Literal[FAMILIES]]  # type: ignore[valid-type]
    invite_wording: dict[Literal[FAMILIES], Variants] = {}  # type: ignore[valid-type]
    no_finding: list[Text] = []  # this step's own "nothing to name" replies, when the general ones don't fit


class Closing(BaseModel):
    opening: Variants
    nothing_to_summarise: Variants
    noticed: dict[Literal[FAMILIES], Variants]  # type: ignore[valid-type]
    their_side: Variants  # introduces the scenario's hidden point of view
    # After a hidden view where the other person really was careless, irritated or unfair: the hurt
    # was not a misreading, and wondering about someone is not excusing them.
    their_side_unkind: Variants
    take_away: dict[str, Variants]  # by missing family, plus "failure_mode" and "all_present"
    noticed_order: conlist(Literal[FAMILIES], min_items=1)  # type: ignore[valid-type]
    take_away_order: conlist(Literal[FAMILIES], min_items=1)  # type: ignore[valid-type]

    @root_validator(skip_on_failure=True)
    def every_key_has_words(cls, values: dict) -> dict:
        missing = set(values["noticed_order"]) - set(values["noticed"])
        missing |= (set(values["take_away_order"]) | TAKE_AWAY_KEYS) - set(values["take_away"])
        if missing:
            raise ValueError(f"closing wording missing for {sorted(missing)}")
        return _check_placeholders(values)


class Repair(BaseModel):
    """Noticing a rupture lightly, owning our part and changing approach (feedback.yml, `repair`)."""

    notice: Variants
    own_part: Variants
    choices: Variants
    # The same, when the open question was about the person's own feeling: choices about that feeling.
    own_choices: Variants
    own_feelings: Readings  # for a scenario without its own `own_readings`, and for one's own moment
    change: Variants
    welcome_back: Variants


class FeedbackCatalogue(BaseModel):
    """Feedback templates; `{quote}` is the person's own words, the rest name the other person."""

    min_words: int  # fewer words than this and no finding: a kind "say a little more"
    rich_rf: int  # from this RF-style estimate up (with no failure mode), no invitation at all
    reflect_beside_challenge: list[Literal[FAMILIES]]  # type: ignore[valid-type]
    reflect: dict[Literal[FAMILIES], Variants]  # type: ignore[valid-type]
    no_finding: Variants
    acknowledge: dict[Literal[FAILURE_MODES], Variants]  # type: ignore[valid-type]
    invite: dict[Literal[FAMILIES], Variants]  # type: ignore[valid-type]
    challenge: dict[Literal[FAILURE_MODES], Variants]  # type: ignore[valid-type]
    affirm_rich: Variants
    empty: Variants
    too_short: Variants
    not_english: Variants
    declined: Variants
    validate_feeling: Variants
    acknowledge_plain: Variants  # found something, praise held back: a quiet acknowledgement
    validate_sounds: Variants
    validate_still: Variants
    sounds_like: dict[str, str]
    praise_every: int  # at most one praise in this many answers
    meet_self_criticism: Variants  # a harsh word about oneself met gently, never graded
    self_criticism_every: int  # at most once in this many answers
    challenge_every: int  # at most one challenge in this many steps
    repair: Repair
    steps: dict[Literal[STEPS], StepPlan]  # type: ignore[valid-type]
    closing: Closing

    @root_validator(skip_on_failure=True)
    def templates_are_complete(cls, values: dict) -> dict:
        require_keys(values["steps"], STEPS, "steps without a feedback plan:")
        for plan in values["steps"].values():
            absent = set(plan.invite) - set(values["invite"]) - set(plan.invite_wording)
            if absent:
                raise ValueError(f"a step invites {sorted(absent)} but there is no invite template")
        for group in ("challenge", "acknowledge"):
            missing_modes = set(FAILURE_MODES) - set(values[group])
            if missing_modes:
                raise ValueError(f"failure modes without {group} wording: {sorted(missing_modes)}")
        return _check_placeholders(values)
