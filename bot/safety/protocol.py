"""The safety check as data and rules: which questions to ask, how to read an answer, what follows.

`protocol.yml` holds the words and the shape per risk category; this module holds the decisions,
so that the Rasa actions (actions/safety.py) only move between them. Nothing here imports Rasa.

Outcomes of a completed check, most serious first:
    urgent   an imminent finding, or a danger answer to a question marked `urgent`: urgent help now,
             and no return to practice today
    concern  any other danger answer, or a `high` finding whatever the answers: resources and a choice
    checked  every answer meant no danger: a thank-you, the resources stay, and a choice
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, validator

from bot.analysis.urgency import SOMEONE_CLOSE
from bot.content import load_document, require_keys

PROTOCOL_FILE = Path(__file__).with_name("protocol.yml")
# The kinds of risk the check has words for: the detector's speaker categories, and someone close to
# the speaker being hurt (an abuse_or_danger finding about a child or a relative in care; see
# bot/analysis/risk.py, SOMEONE_CLOSE), whose questions are about that person's safety.
CATEGORIES = ("suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger", SOMEONE_CLOSE)
DEFAULT_CATEGORY = "suicidal_ideation"
# The kinds of risk someone else may be in, when the speaker is worried about them (`worry`).
WORRY_CONCERNS = ("suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger")

Answer = Literal["yes", "no", "unsure", "fine"]
Outcome = Literal["urgent", "concern", "checked"]
# Slots of the safety form, in order; a category has at most this many questions.
QUESTION_SLOTS = ("safety_q1", "safety_q2", "safety_q3")


class Question(BaseModel):
    key: str
    text: str
    danger_on: Literal["yes", "no"]
    urgent: bool = False
    ask_if: Literal["always", "danger_so_far"] = "always"


class CategoryProtocol(BaseModel):
    care: str
    questions: list[Question]
    urgent: str
    concern: str

    @validator("questions")
    def two_or_three_questions(cls, questions: list[Question]) -> list[Question]:
        # Two at least, so that a single "no, I'm fine" never ends the check.
        if not 2 <= len(questions) <= len(QUESTION_SLOTS):
            raise ValueError(f"a category asks 2 to {len(QUESTION_SLOTS)} questions")
        if questions[0].ask_if != "always" or questions[1].ask_if != "always":
            raise ValueError("the first two questions are always asked")
        return questions


class PastProtocol(BaseModel):
    validate_: str
    question: str
    danger_on: Literal["yes", "no"]

    class Config:
        fields = {"validate_": "validate"}


class AnswerPhrases(BaseModel):
    unsure: list[str]
    no: list[str]
    yes: list[str]
    fine: list[str]


class Protocol(BaseModel):
    version: str
    categories: dict[str, CategoryProtocol]
    ask: dict[str, str]
    ask_clear_no: str
    ask_clear_no_about: dict[str, str] = {}
    past: dict[str, PastProtocol]
    past_safe: str
    answers: AnswerPhrases
    worry: dict[str, str]
    worry_back: str
    worry_menu: str
    worry_again: str

    @validator("categories", "ask", "past")
    def every_category(cls, table: dict) -> dict:
        require_keys(table, CATEGORIES, "missing categories:")
        return table

    @validator("worry")
    def every_kind_of_worry(cls, table: dict) -> dict:
        require_keys(table, WORRY_CONCERNS, "missing kinds of worry:")
        return table


@functools.lru_cache(maxsize=None)
def load_protocol(path: Path = PROTOCOL_FILE) -> Protocol:
    return load_document(path, Protocol)


def category_of(name: object) -> str:
    """A known category, else suicidal ideation: when unsure what kind of risk it is, ask about the gravest."""
    return name if isinstance(name, str) and name in CATEGORIES else DEFAULT_CATEGORY


def category_of_finding(finding: Mapping[str, object]) -> str:
    """The check's category for a detector finding: someone close to the speaker when the finding is
    about them ("about": "someone_close"), else the finding's own category."""
    if finding.get("about") == SOMEONE_CLOSE and finding.get("category") == "abuse_or_danger":
        return SOMEONE_CLOSE
    return category_of(finding.get("category"))


def worry_words(concern: str | None) -> str:
    """What meets someone's worry for another person at risk of this kind (the gravest when unknown)."""
    words = load_protocol().worry
    return words[concern] if concern in words else words[DEFAULT_CATEGORY]


def clear_no(category: str | None) -> str:
    """What follows a clear "no" to a short check's question."""
    protocol = load_protocol()
    return protocol.ask_clear_no_about.get(category_of(category), protocol.ask_clear_no)


# --- reading an answer -------------------------------------------------------------------------

def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(_normalise(p)) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")


@functools.lru_cache(maxsize=None)
def _answer_patterns() -> dict[str, re.Pattern[str]]:
    phrases = load_protocol().answers
    return {name: _phrase_pattern(getattr(phrases, name)) for name in ("unsure", "no", "yes", "fine")}


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    return re.sub(r"[^\w' ]+", " ", text).strip()


def read_answer(text: str | None, intent: str | None = None) -> Answer | None:
    """How a short answer to a yes/no safety question reads: yes, no, unsure, fine, or None (unclear).

    Words win over the intent classifier ("every night" is rarely classified as affirm). "Not sure"
    wins over everything, and an answer holding both a yes and a no ("no, but sometimes") is unsure.
    """
    words = _normalise(text or "")
    patterns = _answer_patterns()
    if patterns["unsure"].search(words) or intent == "unsure":
        return "unsure"
    said_fine = bool(patterns["fine"].search(words))
    without_fine = patterns["fine"].sub(" ", words)
    said_no = bool(patterns["no"].search(without_fine))
    said_yes = bool(patterns["yes"].search(patterns["no"].sub(" ", without_fine)))
    if said_yes and said_no:
        return "unsure"
    if said_yes:
        return "yes"
    if said_no:
        return "no"
    if said_fine:
        return "fine"
    # The intent counts only for a button's payload ("/affirm"): typed "ok" or "why not" is no yes.
    payload_answers: dict[str, Answer] = {"affirm": "yes", "deny": "no", "im_fine": "fine"}
    if (text or "").startswith("/"):
        return payload_answers.get(intent or "")
    return None


def is_danger(answer: str | None, danger_on: str) -> bool:
    """Whether an answer means danger for a question whose danger answer is `danger_on`.

    Uncertainty is treated as not safe. "I'm fine" is no danger when danger is a yes ("thoughts of
    ending your life?"), and no answer at all when danger is a no ("somewhere safe to go?"): that
    question is then asked again (the caller sees None from `read_answer_for`).
    """
    if answer in (None, "unsure"):
        return True
    if answer == "fine":
        return False
    return answer == danger_on


def read_answer_for(text: str | None, intent: str | None, danger_on: str) -> Answer | None:
    """`read_answer`, except that "I'm fine" is unclear for a question whose danger answer is "no"."""
    answer = read_answer(text, intent)
    if answer == "fine" and danger_on == "no":
        return None
    return answer


# --- the check ---------------------------------------------------------------------------------

def questions_to_ask(category: str | None, level: str | None, answers: Mapping[str, str | None]) -> list[str]:
    """The form slots to fill, in order, given the answers so far (keyed by slot name)."""
    if level == "imminent":
        return []  # no questions: urgent help straight away
    protocol = load_protocol().categories[category_of(category)]
    slots: list[str] = []
    danger_so_far = False
    for slot, question in zip(QUESTION_SLOTS, protocol.questions):
        if question.ask_if == "danger_so_far" and not danger_so_far:
            break
        slots.append(slot)
        answer = answers.get(slot)
        if answer is None:
            break  # later questions depend on this one
        danger_so_far = danger_so_far or is_danger(answer, question.danger_on)
    return slots


def question(category: str | None, slot: str) -> Question:
    protocol = load_protocol().categories[category_of(category)]
    return protocol.questions[QUESTION_SLOTS.index(slot)]


def outcome(category: str | None, level: str | None, answers: Mapping[str, str | None]) -> Outcome:
    """What a completed check leads to (see the module docstring)."""
    if level == "imminent":
        return "urgent"
    protocol = load_protocol().categories[category_of(category)]
    danger = False
    for slot, question_ in zip(QUESTION_SLOTS, protocol.questions):
        if slot not in answers:
            continue
        if is_danger(answers[slot], question_.danger_on):
            if question_.urgent:
                return "urgent"
            danger = True
    return "concern" if danger or level == "high" else "checked"


def check_question(kind: str, category: str | None) -> tuple[str, str]:
    """The one question of a short check ("ask" or "past") and the answer that means danger."""
    protocol = load_protocol()
    known = category_of(category)
    if kind == "past":
        past = protocol.past[known]
        return past.question, past.danger_on
    return protocol.ask[known], "yes"
