"""Explainable analysis of a user's words: risk, mentalizing, repair and reflective prompts.

`analyze(text)` parses a text once with the shared spaCy pipeline and runs every part on that one
parse; `analyze_many(texts)` does the same for many texts through `nlp.pipe` (batched, faster).
The Rasa server runs the parts that need no context (`NLU_PARTS`) on each user message and hands
them to the action server in the parse data (`handover.py`), so a message is parsed once.
Any input gets a result: odd input (empty, huge, control characters, markup, another language) is
analysed as far as it can be and the result's `notes` say what happened. A part that fails is logged
and reported in `notes` rather than losing the other parts' results.

Evidence offsets point into `AnalysisResult.text`, which has the caller's text's length and
characters except for replaced control characters and typographic quotes (see `cleaning.py`), cut to
the first `ATTUNE_ANALYSIS_MAX_CHARS` characters when longer (`truncated` is then true).
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from bot.analysis.cleaning import Prepared, prepare
from bot.settings import get_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy (and, through thinc, TensorFlow) is imported on first use, not on import: the command
# line answers --help and usage errors at once, and importing the result types stays cheap.

log = logging.getLogger(__name__)

# Part name -> (module, function). Each function takes the Doc (and the prompt part a context).
PARTS: dict[str, tuple[str, str]] = {
    "risk": ("bot.analysis.risk", "assess_risk"),
    "mentalizing": ("bot.analysis.mentalizing", "analyze_mentalizing"),
    "repair": ("bot.analysis.repair", "analyze_repair"),
    "prompt": ("bot.analysis.prompt", "analyze_prompt"),
}
DEFAULT_BATCH_SIZE = 64
# The parts that read a message alone: the Rasa server's NLU runs them (attune_rasa/risk_detector.py).
# The prompt part needs the question it answers, which only the action server knows.
NLU_PARTS = ("risk", "mentalizing", "repair")


@dataclass
class AnalysisResult:
    text: str
    original_length: int
    truncated: bool = False
    language_supported: bool = True
    notes: list[str] = field(default_factory=list)
    risk: Any = None
    mentalizing: Any = None
    repair: Any = None
    prompt: Any = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "original_length": self.original_length,
            "truncated": self.truncated,
            "language_supported": self.language_supported,
            "notes": list(self.notes),
            **{name: (getattr(self, name).to_dict() if getattr(self, name) is not None else None) for name in PARTS},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "AnalysisResult":
        """The result `to_dict` wrote; each part through its own result class's `from_dict`."""
        result = cls(text=str(data["text"]), original_length=int(data["original_length"]),
                     truncated=bool(data.get("truncated", False)),
                     language_supported=bool(data.get("language_supported", True)),
                     notes=[str(n) for n in data.get("notes") or []])
        for name in PARTS:
            if data.get(name) is not None:
                setattr(result, name, part_from_dict(name, data[name]))
        return result


def part_from_dict(name: str, data: dict) -> Any:
    """One part's result from its `to_dict` (imports only the result's module)."""
    if name == "risk":
        from bot.analysis.handover import risk_from_dict

        return risk_from_dict(data)
    classes = {"mentalizing": ("bot.analysis.mentalizing", "MentalizingResult"),
               "repair": ("bot.analysis.repair", "RepairResult"),
               "prompt": ("bot.analysis.prompt", "PromptResult")}
    module, cls = classes[name]
    return getattr(importlib.import_module(module), cls).from_dict(data)


def analyze(text: str, context: str | None = None, only: str | Iterable[str] | None = None) -> AnalysisResult:
    """Analyse one text (`context`: the message it answers, used by the prompt rubric)."""
    return analyze_many([text], [context], only=only)[0]


def analyze_many(
    texts: Sequence[str],
    contexts: Sequence[str | None] | None = None,
    only: str | Iterable[str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[AnalysisResult]:
    """Analyse many texts with one batched parse each (`contexts` aligned with `texts` or None)."""
    parts = _selected(only)
    if contexts is not None and len(contexts) != len(texts):
        raise ValueError(f"{len(contexts)} contexts for {len(texts)} texts: pass one per text or none")
    from bot.nlp import load_nlp

    max_chars = get_settings().analysis_max_chars
    prepared = [prepare(t, max_chars) for t in texts]
    nlp = load_nlp()
    docs = nlp.pipe((p.text for p in prepared), batch_size=batch_size)
    functions = {name: _part(name) for name in parts}
    results = []
    for i, (prep, doc) in enumerate(zip(prepared, docs)):
        context = contexts[i] if contexts is not None else None
        results.append(_analyse_doc(doc, prep, context, functions, original=texts[i]))
    return results


def _selected(only: str | Iterable[str] | None) -> list[str]:
    if only is None:
        return list(PARTS)
    names = [only] if isinstance(only, str) else list(only)
    unknown = [n for n in names if n not in PARTS]
    if unknown or not names:
        raise ValueError(f"unknown analysis part(s) {unknown or names}: choose from {', '.join(PARTS)}")
    return [n for n in PARTS if n in names]


def _part(name: str) -> Callable | None:
    module_name, function = PARTS[name]
    try:
        return getattr(importlib.import_module(module_name), function)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        log.warning("analysis part %s is not installed (%s missing)", name, module_name)
        return None


def _analyse_doc(doc: "Doc", prep: Prepared, context: str | None, functions: dict[str, Callable | None],
                 original: str | None = None) -> AnalysisResult:
    from bot.analysis.language import is_probably_english

    result = AnalysisResult(
        text=prep.text,
        original_length=prep.original_length,
        truncated=prep.truncated,
        notes=list(prep.notes),
    )
    if prep.text.strip() and not is_probably_english(doc):
        result.language_supported = False
        result.notes.append("The analysis is English-only and this text does not look like English, "
                            "so no markers or scores are given.")
    for name, function in functions.items():
        if function is None:
            result.notes.append(f"The {name} analysis is not available in this installation.")
            continue
        try:
            if name == "risk" and isinstance(original, str) and (prep.truncated or "<" in prep.text):
                # Safety reads everything: a disclosure after the cut must not be missed. Its
                # evidence offsets then refer to the original text. Markup is read as the risk
                # detector reads it (tags blanked), so the two never disagree on a message.
                from bot.analysis.risk import assess_risk_text

                value = assess_risk_text(original)
            else:
                value = function(doc, context) if name == "prompt" else function(doc)
        except Exception:  # one part's bug must not lose the other parts' results
            log.exception("analysis part %s failed on a text of %d characters", name, len(prep.text))
            result.notes.append(f"The {name} analysis failed on this text; the error was logged.")
            continue
        setattr(result, name, value)
    return result
