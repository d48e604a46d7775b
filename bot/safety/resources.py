"""Crisis resources per locale and kind of risk, read from `crisis_resources.yml` and schema-checked."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, validator

from bot.analysis.urgency import SOMEONE_CLOSE, SOMEONE_ELSE
from bot.content import load_document

RESOURCES_FILE = Path(__file__).with_name("crisis_resources.yml")
# For someone worried about another person, the lines to show first, by the other person's risk.
WORRY_LINES = {"suicidal_ideation": SOMEONE_ELSE, "self_harm": SOMEONE_ELSE, "abuse_or_danger": "abuse_or_danger"}


class CrisisLine(BaseModel):
    name: str
    contact: str
    hours: str

    @validator("name", "contact", "hours")
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class LocaleResources(BaseModel):
    region: str
    emergency: str
    names: list[str] = []
    lines: list[CrisisLine]
    by_category: dict[str, list[CrisisLine]] = {}

    @validator("lines")
    def at_least_one(cls, lines: list[CrisisLine]) -> list[CrisisLine]:
        if not lines:
            raise ValueError("a locale needs at least one crisis line")
        return lines

    def lines_for(self, category: str | None, concern: str | None = None) -> list[CrisisLine]:
        """The lines for this kind of risk first, then the general ones. For someone else at risk
        (SOMEONE_ELSE), the lines for people worried about someone at risk of suicide or self-harm;
        for a worry about abuse, the abuse lines (domestic abuse and child protection lines take
        calls from the family and friends of the one hurt); otherwise the general ones alone."""
        kind = category or ""
        if category == SOMEONE_ELSE:
            kind = WORRY_LINES.get(concern or "", "")
        return [*self.by_category.get(kind, []), *self.lines]


class CrisisResources(BaseModel):
    version: str
    locales: dict[str, LocaleResources]

    @validator("locales")
    def has_default(cls, locales: dict[str, LocaleResources]) -> dict[str, LocaleResources]:
        if "default" not in locales:
            raise ValueError("a 'default' locale is required")
        return locales


@functools.lru_cache(maxsize=None)
def load_resources(path: Path = RESOURCES_FILE) -> CrisisResources:
    return load_document(path, CrisisResources)


def known_locale(locale: str | None) -> bool:
    return bool(locale) and locale in load_resources().locales and locale != "default"


def resources_for(locale: str | None) -> LocaleResources:
    """The resources for `locale` ("en-GB"); any locale not listed gets the international default,
    because a wrong country's number is worse than a directory of helplines."""
    locales = load_resources().locales
    return locales.get(locale or "default", locales["default"])


def format_resources(locale: str | None, category: str | None = None, concern: str | None = None) -> str:
    """The resources for this locale and kind of risk, as a short message for the chat; `concern` is
    the kind of risk someone else is in, for SOMEONE_ELSE."""
    resources = resources_for(locale)
    lines = [f"- {line.name}: {line.contact} ({line.hours})" for line in resources.lines_for(category, concern)]
    who = {SOMEONE_CLOSE: "they are", SOMEONE_ELSE: "anyone is"}.get(category or "", "you are")
    return (
        f"If {who} in danger right now, call {resources.emergency}.\n"
        f"Free, confidential support ({resources.region}):\n" + "\n".join(lines)
    )


def locale_named_in(text: str | None) -> str | None:
    """The locale of a country someone names ("I'm in the UK", "ireland"), or None."""
    words = " " + re.sub(r"[^\w.]+", " ", (text or "").lower()) + " "
    for locale, resources in load_resources().locales.items():
        if any(f" {name} " in words for name in resources.names):
            return locale
    return None
