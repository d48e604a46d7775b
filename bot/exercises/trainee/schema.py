"""The schema of the trainee practice's content files: the simulated clients (clients.yml) and the
feedback wording (feedback.yml). Read through bot/content.py, which names the file, the entry and
the field when something is wrong."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

from pydantic import BaseModel, conlist, constr, root_validator, validator

from bot.content import require_keys

if TYPE_CHECKING:  # pydantic's constrained types are built at run time; a type checker sees these
    Text = str
    Slug = str
    Lines = list[str]
else:
    Text = constr(strip_whitespace=True, min_length=1)
    Slug = constr(regex=r"^[a-z][a-z0-9_]*$")
    Lines = conlist(Text, min_items=2)

# How deep a reply goes, shallowest first (docs/constructs.md#simulated-client-depth):
# shut (closed off, curt or hostile), surface (events and facts), feeling (a feeling named),
# reflective (a feeling linked to a reason, a view of another mind or of oneself over time).
DEPTHS = ("shut", "surface", "feeling", "reflective")
MIN_REPLIES_PER_DEPTH = 3

# Conversational styles of simulated clients (after Patient-Psi, Wang et al. 2024).
STYLES = ("plain", "upset", "verbose", "reserved", "tangential", "pleasing")
# How the client meets the helper at the start.
STANCES = ("open", "guarded", "hostile", "withdrawn")
ATTACHMENT = ("secure", "anxious_preoccupied", "avoidant_dismissing", "fearful_disorganised")
MENTALIZING_LEVELS = ("low", "moderate", "high")
FAILURE_MODES = ("psychic_equivalence", "teleological", "pretend", "hypermentalizing", "none")

# What a prompt can do, as the rubric reads it (bot/exercises/trainee/moves.py): the vocabulary of
# a client's `opens_up` and `shuts_down`.
FEATURES = (
    "open_question", "closed_question", "simple_reflection", "complex_reflection",
    "aimed_at_mental_states", "not_knowing_stance", "validation",
    "advice", "leading_question", "interpretation_as_fact", "accusatory_why", "several_questions",
)
Feature = Literal[FEATURES]  # type: ignore[valid-type]


class Reply(BaseModel):
    """One thing the client may say. `next`: a prompt that would meet this reply well, offered as
    the example in the feedback on the trainee's answer to it."""

    text: Text
    next: Optional[Text] = None


class Mentalizing(BaseModel):
    level: Literal[MENTALIZING_LEVELS]  # type: ignore[valid-type]
    failure_mode: Literal[FAILURE_MODES]  # type: ignore[valid-type]
    note: Text  # how it shows, for the trainee's brief and the supervisor


class Bank(BaseModel):
    shut: conlist(Reply, min_items=MIN_REPLIES_PER_DEPTH)  # type: ignore[valid-type]
    surface: conlist(Reply, min_items=MIN_REPLIES_PER_DEPTH)  # type: ignore[valid-type]
    feeling: conlist(Reply, min_items=MIN_REPLIES_PER_DEPTH)  # type: ignore[valid-type]
    reflective: conlist(Reply, min_items=MIN_REPLIES_PER_DEPTH)  # type: ignore[valid-type]

    def at(self, depth: str) -> list[Reply]:
        return list(getattr(self, depth))

    @root_validator(skip_on_failure=True)
    def no_reply_twice(cls, values: dict) -> dict:
        texts = [r.text.lower() for depth in DEPTHS for r in values[depth]]
        if len(set(texts)) != len(texts):
            raise ValueError("a reply appears twice in the bank")
        return values


# What a risk assessment covers (docs/constructs.md#risk-assessment-practice), in the order a
# trainee is coached to ask: thoughts of suicide, a plan, the means, then a plan for safety.
RISK_TOPICS = ("ideation", "plan", "means", "safety")
RISK_KINDS = ("veiled", "explicit")


class RiskProfile(BaseModel):
    """A client who discloses risk: what they say, when, and how they answer a trainee's questions.
    `answers`: the client's reply to a direct question on each topic; `deflect`: replies to a vague,
    leading or no-harm-contract question (the client says what the helper seems to want to hear);
    `ask`: a direct, calm question on each topic, offered as the better example."""

    kind: Literal[RISK_KINDS]  # type: ignore[valid-type]
    disclose_after: int  # the client's reply to this prompt (1 = the first) carries the disclosure
    disclosure: Reply
    answers: dict[Literal[RISK_TOPICS], Reply]  # type: ignore[valid-type]
    ask: dict[Literal[RISK_TOPICS], Text]  # type: ignore[valid-type]
    deflect: Lines

    @validator("answers", "ask")
    def every_topic(cls, value: dict) -> dict:
        require_keys(value, RISK_TOPICS, "no entry for")
        return value

    @validator("disclose_after")
    def early_enough(cls, value: int) -> int:
        if not 1 <= value <= 3:
            raise ValueError("the disclosure comes in the client's reply to one of the first three prompts")
        return value


class Client(BaseModel):
    id: Slug
    name: Text
    pronoun: Literal["he", "she", "they"]
    age: int
    presenting_concern: Text  # for the trainee's brief
    attachment: Literal[ATTACHMENT]  # type: ignore[valid-type]
    mentalizing: Mentalizing
    style: Literal[STYLES]  # type: ignore[valid-type]
    stance: Literal[STANCES]  # type: ignore[valid-type]
    opens_up: conlist(Feature, min_items=1)  # type: ignore[valid-type]
    shuts_down: conlist(Feature, min_items=1)  # type: ignore[valid-type]
    opens_up_note: Text  # in words, for the brief and the summary
    shuts_down_note: Text
    opening: Reply  # the first thing the client says
    replies: Bank
    good_prompts: Lines  # examples when no reply names its own
    risk: Optional[RiskProfile] = None  # only clients for risk-assessment practice

    @root_validator(skip_on_failure=True)
    def opens_and_shuts_differ(cls, values: dict) -> dict:
        both = set(values["opens_up"]) & set(values["shuts_down"])
        if both:
            raise ValueError(f"{sorted(both)} both opens the client up and shuts them down")
        return values


class Session(BaseModel):
    """How a session runs (bot/exercises/trainee/client_state.py)."""

    turns: int  # prompts per session
    # prompts with a client who discloses risk: room for the four topics after the disclosure
    risk_turns: int = 10
    rapport_range: conlist(int, min_items=2, max_items=2)  # type: ignore[valid-type]
    starting_rapport: dict[str, int]  # per stance
    misattunement_turns: int  # how many further turns a misattuned prompt keeps the client shallower

    @validator("starting_rapport")
    def every_stance(cls, value: dict[str, int]) -> dict[str, int]:
        require_keys(value, STANCES, "no starting rapport for")
        return value


class ClientLibrary(BaseModel):
    session: Session
    clients: list  # validated entry by entry by content.parse_entries, for errors naming the entry


class RiskWords(BaseModel):
    """feedback.yml's `risk`: what risk-assessment practice says (risk_questions.py names the moves)."""

    moves: dict[Literal["direct", "contract", "leading", "alarm", "vague", "none"], Lines]  # type: ignore[valid-type]
    cue: Lines  # after the disclosure, with {example}
    next_topic: Lines  # with {topic} and {example}
    topic_names: dict[Literal[RISK_TOPICS], Text]  # type: ignore[valid-type]
    closing_asked: Lines  # with {asked}
    closing_missing: Lines  # with {missing}
    closing_none: Lines  # with {example}
    closing_missteps: dict[Literal["contract", "leading", "alarm", "vague"], Lines]  # type: ignore[valid-type]

    @validator("moves")
    def quotes_the_prompt(cls, moves: dict[str, list[str]]) -> dict[str, list[str]]:
        for move, templates in moves.items():
            if any("{quote}" not in template for template in templates):
                raise ValueError(f"risk move {move!r}: every line quotes the prompt ({{quote}})")
        return moves


class FeedbackCatalogue(BaseModel):
    """feedback.yml: one line per move the rubric can name, templates with {quote} (the prompt)."""

    moves: dict[str, Lines]  # move -> templates, each with {quote}
    example: Lines  # templates with {example}
    feedback_off: Lines  # said when per-turn feedback is switched off
    feedback_on: Lines  # said when it is switched on again
    empty: Lines  # an empty message: nothing to score, the client waits
    brief: Lines  # the client's brief, with client fields
    intro_feedback: Lines
    intro_quiet: Lines
    intro_risk: Lines
    risk: RiskWords
    closing_opening: Lines
    closing_feedback_heading: Lines
    closing_counts: Lines  # numbers as words: the trainee reads them in the chat
    closing_depth: dict[str, Lines]  # rose, fell, steady, stayed_shut
    closing_practise: dict[str, Lines]  # the one thing to practise next, by what was missing
    client_line: Text  # "{name} (simulated client): {text}": client text is marked as simulated
    commands: dict[Literal["on", "off"], Lines]  # messages that switch per-turn feedback

    @validator("commands")
    def both_commands(cls, commands: dict) -> dict:
        if set(commands) != {"on", "off"}:
            raise ValueError("needs the phrases for 'on' and for 'off'")
        return commands

    @validator("moves")
    def quotes_the_prompt(cls, moves: dict[str, list[str]]) -> dict[str, list[str]]:
        for move, templates in moves.items():
            for template in templates:
                if "{quote}" not in template:
                    raise ValueError(f"move {move!r}: every line quotes the prompt ({{quote}})")
        return moves
