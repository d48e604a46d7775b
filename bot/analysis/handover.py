"""One parse per message: the Rasa server's analysis handed to the action server's exercises.

The risk detector (attune_rasa/risk_detector.py) runs the context-free parts (`NLU_PARTS`) on the
one parse it makes of each user message and puts them in the parse data: risk, as before, under
`attune_risk` (the whole result, as a dict), the others under `attune_analysis` in compact form
(compact.py) with a digest of the text they belong to. The action that takes an answer rebuilds
them (`from_parse_data`) and runs the exercise inside `given(...)`; an exercise asks for
`analysis_of(text, only=...)`, which gives the handed-over analysis when it belongs to that very
text and holds the parts asked for, and analyses the text here otherwise: a button's payload (not
run through the NLU), a model trained before the hand-over, a text other than the message (an
earlier attempt quoted again), or a part that needs context (the prompt part's question).
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any, Callable, TypeVar

from bot.analysis import NLU_PARTS, PARTS, AnalysisResult, analyze, part_from_dict
from bot.analysis.cleaning import prepare
from bot.analysis.compact import pack, unpack
from bot.settings import get_settings

log = logging.getLogger(__name__)
T = TypeVar("T")

RISK_KEY = "attune_risk"
ANALYSIS_KEY = "attune_analysis"
# Bumped when the compact form changes: a form this code does not know is ignored (analysed here).
VERSION = 1
HANDED_PARTS = tuple(p for p in NLU_PARTS if p != "risk")  # risk travels whole, under RISK_KEY
KNOWN_MIN_CHARS = 16  # shorter lexicon strings (names, words) cost no more sent whole



def handed_over() -> bool:
    """Whether the Rasa server's NLU hands the analysis of each message over (the default);
    `ATTUNE_NLU_ANALYSIS=0` leaves the analysis of answers to the action server, as it once was."""
    return os.environ.get("ATTUNE_NLU_ANALYSIS", "1") != "0"


_GIVEN: ContextVar[AnalysisResult | None] = ContextVar("attune_given_analysis", default=None)


def digest(text: str) -> str:
    """A short digest of an analysed text: which message an analysis belongs to."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def to_parse_data(result: AnalysisResult) -> dict[str, Any]:
    """The compact hand-over of the parts other than risk (which the detector stores whole)."""
    table: list[str | int] = []
    known = _known()[0]
    parts = {name: pack(getattr(result, name).to_dict(), result.text, table, _empty(name), known)
             for name in HANDED_PARTS if getattr(result, name) is not None}
    data: dict[str, Any] = {"v": VERSION, "of": digest(result.text), "parts": parts, "strings": table}
    if not result.language_supported:
        data["language_supported"] = False
    if result.notes:
        data["notes"] = list(result.notes)
    return data


@functools.lru_cache(maxsize=1)
def _known() -> tuple[dict[str, int], dict[int, str]]:
    """The lexicons' explanations (string -> number, number -> string): most of an analysis' words,
    which both servers read from the same files, so the hand-over sends a number for each. A server
    whose lexicons differ finds a number it does not know and analyses the message itself."""
    from bot.analysis.patterns import load_lexicon

    found: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str) and len(value) >= KNOWN_MIN_CHARS:
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for name in HANDED_PARTS:
        collect(load_lexicon(name))
    numbers: dict[int, set[str]] = {}
    for text in found:
        numbers.setdefault(int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big"), set()).add(text)
    unique = {n: next(iter(texts)) for n, texts in numbers.items() if len(texts) == 1}  # a clash: sent whole
    return {text: n for n, text in unique.items()}, unique


def warm_up() -> None:
    """Load what reading a hand-over needs (the lexicons' explanations, the result classes): a
    server that does it before forking its workers shares it, and no answer pays for it."""
    _known()
    for name in HANDED_PARTS:
        part_from_dict(name, {})


@functools.lru_cache(maxsize=None)
def _empty(name: str) -> dict[str, Any]:
    """The `to_dict` of a part's empty result: values equal to it are left out of the hand-over."""
    return part_from_dict(name, {}).to_dict()


def from_parse_data(parse_data: dict[str, Any] | None) -> AnalysisResult | None:
    """The analysis the NLU handed over with this message, or None when there is none to trust."""
    if not isinstance(parse_data, dict):
        return None
    handed = parse_data.get(ANALYSIS_KEY)
    text = parse_data.get("text")
    if not isinstance(handed, dict) or handed.get("v") != VERSION or not isinstance(text, str):
        return None
    prepared = prepare(text, get_settings().analysis_max_chars)
    if handed.get("of") != digest(prepared.text):
        return None  # analysed with other settings, or another text
    try:
        result = AnalysisResult(text=prepared.text, original_length=prepared.original_length,
                                truncated=prepared.truncated,
                                language_supported=bool(handed.get("language_supported", True)),
                                notes=[str(n) for n in handed.get("notes") or prepared.notes])
        table = list(handed.get("strings") or [])
        for name, packed in (handed.get("parts") or {}).items():
            if name in HANDED_PARTS:
                setattr(result, name, part_from_dict(name, unpack(packed, prepared.text, table, _known()[1])))
        risk = parse_data.get(RISK_KEY)
        if isinstance(risk, dict) and "findings" in risk:  # not the detector's error form
            result.risk = risk_from_dict(risk)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        log.exception("The analysis handed over with a message could not be read; analysing it here")
        return None
    return result


def risk_from_dict(data: dict[str, Any]) -> Any:
    """A RiskResult from its `to_dict`. Only the fields the result classes declare are read, so the
    dict may carry more (derived properties, another layer's additions) than the classes take."""
    from bot.analysis.evidence import Evidence
    from bot.analysis.risk import RiskFinding, RiskResult

    def known(cls: type, values: dict[str, Any]) -> dict[str, Any]:
        names = {f.name for f in dataclasses.fields(cls)}
        return {k: v for k, v in values.items() if k in names}

    findings = [RiskFinding(**{**known(RiskFinding, f), "evidence": [Evidence.from_dict(e) for e in f.get("evidence") or []]})
                for f in data.get("findings") or []]
    evidence_lists = {f.name for f in dataclasses.fields(RiskResult)} - {"findings", "language_supported"}
    extra = {name: [Evidence.from_dict(e) for e in data[name]] for name in evidence_lists
             if isinstance(data.get(name), list)}
    return RiskResult(findings=findings, language_supported=bool(data.get("language_supported", True)), **extra)


@contextlib.contextmanager
def given(result: AnalysisResult | None) -> Iterator[None]:
    """Within this block, `analysis_of` may use `result` (the analysis of the message being answered)."""
    token = _GIVEN.set(result)
    try:
        yield
    finally:
        _GIVEN.reset(token)


def run_given(result: AnalysisResult | None, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` within `given(result)`: for a worker thread, which does not share
    the caller's context."""
    with given(result):
        return function(*args, **kwargs)


def analysis_of(text: str, only: str | Iterable[str] | None = None, context: str | None = None) -> AnalysisResult:
    """The analysis of `text`: the one handed over when it belongs to this text and holds every part
    asked for, otherwise `analyze(text, context, only)` here."""
    handed = _GIVEN.get()
    names = [only] if isinstance(only, str) else list(PARTS if only is None else only)
    if (handed is not None and context is None
            and handed.text == prepare(text, get_settings().analysis_max_chars).text
            and all(getattr(handed, name, None) is not None for name in names)):
        return handed
    return analyze(text, context=context, only=only)
