"""The two voices: the character's lines and the coach's words.

The character answers from its persona's lines (personas.yml), then from the shared lines
(coaching.yml), never with a line already said in this rehearsal (bot/exercises/wording.py). The
coach quotes the person's own words (bot/exercises/quotes.py): what worked, and one thing to try,
after an attempt a blocker spoiled, when the person calls a time out, and in the debrief. Words only:
nothing the coach says holds a number from the analysis.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterable, MutableSet, Sequence
from typing import Literal

from bot.analysis.evidence import Evidence
from bot.analysis.repair import RepairResult
from bot.exercises.quotes import quote_for
from bot.exercises.repair.library import coaching
from bot.exercises.repair.record import Tried
from bot.exercises.repair.schema import LEVELS, NEEDS, Persona
from bot.exercises.wording import pick_fresh, render

MAX_PLAIN_QUOTE_WORDS = 12
# The blocker the coach names first when several are present: what hurts the other most.
BLOCKER_ORDER = ("contempt", "blame", "sorry_but", "defensiveness", "minimising", "non_apology",
                 "stonewalling", "self_abasement")
# The component the coach quotes first as what worked: what the research weighs most.
COMPONENT_ORDER = ("acknowledgement_of_responsibility", "offer_of_repair", "reflects_other_feeling",
                   "curiosity_about_other", "names_specific_moment", "i_statement", "next_step",
                   "declaration_of_repentance", "expression_of_regret", "request_for_forgiveness", "explanation")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def fields_for(persona: Persona, **more: str) -> dict[str, str]:
    """Template fields naming the character: {name} mid-sentence, {Name} to start one."""
    return {"name": persona.name, "Name": capitalise(persona.name), **more}


def as_character(persona: Persona, line: str) -> str:
    return render(coaching().voices["character"], {"name": capitalise(persona.name), "line": line})


def as_modelled(line: str) -> str:
    """The bot speaking as the person, in a perspective swap."""
    return render(coaching().voices["modelled"], {"line": line})


def as_coach(text: str) -> str:
    return render(coaching().voices["coach"], {"text": text})


def character_line(persona: Persona, kind: str, level: int, seen: MutableSet[str], rng: random.Random) -> str:
    """A line of this kind the character has not said yet in this rehearsal."""
    shared = coaching().shared_lines
    state = LEVELS[level]
    pools = [getattr(persona.lines, kind), getattr(persona.lines, state), shared[kind], shared[state]]
    pools += [shared[other] for other in (*LEVELS[:level + 1][::-1], "still_hurts")]
    for pool in pools:
        line = pick_fresh(pool, seen, rng)
        if line:
            return as_character(persona, line)
    return as_character(persona, "...")  # every line used: a silence, not a repeat


def _quote(text: str, evidence: Iterable[dict], names: Sequence[str]) -> tuple[str, str] | None:
    """The person's words for the first of `names` found, with that name."""
    by_marker: dict[str, dict] = {}
    for item in evidence:
        by_marker.setdefault(str(item.get("marker")), item)
    for name in names:
        if name in by_marker:
            item = by_marker[name]
            quoted = quote_for(text, Evidence(int(item["start"]), int(item["end"]), str(item["text"]),
                                              name, str(item.get("explanation") or "")))
            if quoted:
                return quoted, name
    return None


def _tip(persona: Persona, blockers: Iterable[str], met: Iterable[str], seen: MutableSet[str],
         rng: random.Random) -> str | None:
    """One thing to try: undo the worst blocker, or else give what this character still needs."""
    words = coaching()
    fields = fields_for(persona)
    worst = [b for b in BLOCKER_ORDER if b in set(blockers)]
    if worst:
        return pick_fresh(words.tips_for_blocker[worst[0]], seen, rng, fields)
    missing = [n for n in persona.needs if n not in set(met)] + [n for n in NEEDS if n not in set(met)]
    for need in missing:
        tip = pick_fresh(words.tips_for_need[need], seen, rng, fields)
        if tip:
            return tip
    return None


def _worked(text: str, evidence: Iterable[dict], seen: MutableSet[str], rng: random.Random) -> str | None:
    found = _quote(text, evidence, COMPONENT_ORDER)
    if not found:
        return None
    quoted, name = found
    return pick_fresh(coaching().worked, seen, rng, {"quote": quoted, "what": coaching().component_words[name]})


def after_blocker(text: str, repair: RepairResult, persona: Persona, met: Iterable[str],
                  seen: MutableSet[str], rng: random.Random) -> str | None:
    """The coach steps in after an attempt a blocker spoiled (grovelling included)."""
    evidence = [e.to_dict() for f in repair.blockers for e in f.evidence]
    found = _quote(text, evidence, BLOCKER_ORDER)
    if not found:
        return None
    quoted, name = found
    said = f"'{quoted}' {coaching().blocker_words[name]}."
    tip = _tip(persona, repair.blocker_names(), met, seen, rng)
    return as_coach(" ".join(part for part in (said, tip) if part))


def time_out(last: Tried | None, persona: Persona, met: Iterable[str], seen: MutableSet[str],
             rng: random.Random) -> str:
    """What the last attempt did, quoting it, and one thing that might help; then back to the
    character. An attempt with no words kept (a state from before they were) is described only."""
    words = coaching()
    parts: list[str | None] = []
    if last is None:
        parts.append(pick_fresh(words.timeout_before_any, seen, rng, fields_for(persona)))
    elif last.text.strip() and not last.blockers and _quote(last.text, last.evidence, COMPONENT_ORDER):
        parts.append(_worked(last.text, last.evidence, seen, rng))
    elif last.text.strip():
        found = _quote(last.text, last.evidence, BLOCKER_ORDER if last.blockers else COMPONENT_ORDER)
        quote = found[0] if found else _opening_words(last.text)
        parts.append(pick_fresh(words.timeout_quoted, seen, rng, fields_for(persona, quote=quote, what=_what(last))))
    else:
        parts.append(pick_fresh(words.timeout_last, seen, rng, fields_for(persona, what=_what(last))))
    parts.append(_tip(persona, last.blockers if last else (), met, seen, rng))
    parts.append(pick_fresh(words.back_to_character, seen, rng, fields_for(persona)))
    return as_coach(" ".join(p for p in parts if p) or "...")


def _opening_words(text: str) -> str:
    """An attempt with nothing found in it, quoted by its first sentence (its first words if long)."""
    first = re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)[0].rstrip(".!?")
    words = first.split(" ")
    return first if len(words) <= MAX_PLAIN_QUOTE_WORDS else " ".join(words[:MAX_PLAIN_QUOTE_WORDS]) + "..."


def _what(tried: Tried) -> str:
    words = coaching()
    if tried.blockers:
        worst = [b for b in BLOCKER_ORDER if b in tried.blockers][0]
        return words.blocker_words[worst]
    named = [words.component_words[c] for c in COMPONENT_ORDER if c in tried.components][:2]
    return ", and ".join(named) if named else words.no_components


def _move(tried: Tried, persona: Persona, seen: MutableSet[str], rng: random.Random) -> str | None:
    words = coaching()
    before, after = LEVELS.index(tried.before), LEVELS.index(tried.after)
    direction: Literal["up", "down", "same"] = "up" if after > before else "down" if after < before else "same"
    return pick_fresh(words.moves[direction], seen, rng, fields_for(
        persona, before=words.level_words[tried.before], after=words.level_words[tried.after]))


def debrief(kept: Sequence[Tried], rewound: Sequence[Tried], persona: Persona, repaired: bool,
            met: Iterable[str], seen: MutableSet[str], rng: random.Random,
            swap_reflection: str | None = None) -> list[str]:
    """The coach's debrief: each attempt quoted with what it did and how the character moved, the
    rewinds compared, one or two things to try, and a reminder that the character was imagined."""
    words = coaching()
    fields = fields_for(persona)
    swap_line = (pick_fresh(words.debrief_swap, seen, rng, {**fields, "quote": _opening_words(swap_reflection)})
                 if swap_reflection and swap_reflection.strip() else None)
    if not kept:
        nothing = pick_fresh(words.debrief_nothing, seen, rng, fields) or "..."
        return [as_coach(" ".join(p for p in (nothing, swap_line) if p))]
    lines = [pick_fresh(words.debrief_intro, seen, rng, fields)]
    for index, tried in enumerate(kept):
        ordinal = words.ordinals[min(index, len(words.ordinals) - 1)]
        quoted = _quote(tried.text, tried.evidence, BLOCKER_ORDER if tried.blockers else COMPONENT_ORDER)
        quote = quoted[0] if quoted else _opening_words(tried.text)
        lines.append(" ".join(p for p in (
            pick_fresh(words.debrief_try, seen, rng, {"ordinal": ordinal, "quote": quote, "what": _what(tried)}),
            _move(tried, persona, seen, rng)) if p))
    retried = [k for k in kept if rewound and k.number == rewound[-1].number]
    if retried:
        lines.append(pick_fresh(words.debrief_rewinds, seen, rng, {
            "before": _what(rewound[-1]), "after": _what(retried[0])}))
    lines.append(swap_line)
    lines.append(pick_fresh(words.debrief_repaired if repaired else words.debrief_not_repaired, seen, rng, fields))
    last_blockers = kept[-1].blockers
    tip = _tip(persona, last_blockers, met, seen, rng)
    if tip:
        lines.append(tip)
    lines.append(pick_fresh(words.debrief_not_the_real_person, seen, rng, fields))
    text = "\n\n".join(line for line in lines if line)
    return [as_coach(text)]
