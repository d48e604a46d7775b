"""A compact form of an analysis part's `to_dict`, for the parse data Rasa stores with every message.

The Rasa server stores each message's parse data in its UserUttered event, so what the NLU hands
over is stored once per message for the conversation's life. Most of a part's bytes are evidence:
the quoted words (already in the message) and explanations repeated from one marker to the next.
Here an evidence dict becomes `[start, end, marker, explanation]` with both strings as indexes into
one string table, and its words are read back from the analysed text (they are kept, as a fifth
item, only when they are not that text's slice). Names and explanations elsewhere (`TABLED_KEYS`)
are indexes into the same table; a table entry that both sides know (`known`: the lexicons'
explanations, which are most of an analysis' words) is sent as its number. Empty lists, None, derived keys and top-level values equal to the
empty result's are left out. `unpack(pack(d, text), text)` gives `d` back, less those omissions,
which every result class's `from_dict` fills with its defaults (tests/unit/analysis/test_handover.py
checks the round trip on real analyses).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EVIDENCE_KEYS = frozenset({"start", "end", "text", "marker", "explanation"})
# Keys a result's `to_dict` derives from others (MentalizingResult.families from its markers).
DERIVED_KEYS = frozenset({"families"})
# Keys whose values are always strings, often repeated (a marker's family is its evidence's marker,
# a component's explanation its evidence's): tabled, an integer there is a table index.
TABLED_KEYS = frozenset({"family", "mode", "name", "kind", "reason", "explanation"})


def pack(data: dict, text: str, table: list[str | int], defaults: dict | None = None,
         known: Mapping[str, int] | None = None) -> dict:
    """`data` (a part's `to_dict`) in compact form; new strings are appended to `table` (as their
    number when `known` has them). `defaults`: the empty result's `to_dict`, whose top-level values
    need not be sent."""
    known = known or {}
    index: dict[str, int] = {}

    def ref(value: str) -> int:
        if value not in index:
            index[value] = len(table)
            table.append(known.get(value, value))
        return index[value]

    for i, entry in enumerate(table):  # a table shared by several parts
        index.setdefault(entry if isinstance(entry, str) else _name_of(entry, known), i)

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == EVIDENCE_KEYS:
                start, end = int(value["start"]), int(value["end"])
                item: list[Any] = [start, end, ref(value["marker"]), ref(value["explanation"])]
                if text[start:end] != value["text"]:
                    item.append(value["text"])
                return item
            return {k: ref(v) if k in TABLED_KEYS and isinstance(v, str) else walk(v)
                    for k, v in value.items() if k not in DERIVED_KEYS and v not in (None, [], {})}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    defaults = defaults or {}
    return walk({k: v for k, v in data.items() if k not in defaults or defaults[k] != v})


def unpack(data: dict, text: str, table: list[str | int], known: Mapping[int, str] | None = None) -> dict:
    """The part's `to_dict` again (less empty values and derived keys). `known`: number -> string;
    a number it lacks raises KeyError (the other side's lexicons differ: do not trust the rest)."""
    strings = [entry if isinstance(entry, str) else (known or {})[entry] for entry in table]

    def walk(value: Any) -> Any:
        if _is_packed_evidence(value):
            start, end = value[0], value[1]
            words = value[4] if len(value) == 5 else text[start:end]
            return {"start": start, "end": end, "text": words, "marker": strings[value[2]],
                    "explanation": strings[value[3]]}
        if isinstance(value, dict):
            return {k: strings[v] if k in TABLED_KEYS and type(v) is int else walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(data)


def _name_of(number: int, known: Mapping[str, int]) -> str:
    return next(s for s, n in known.items() if n == number)


def _is_packed_evidence(value: Any) -> bool:
    # No result's to_dict holds a list of four integers other than packed evidence (bools are not
    # integers here: JSON gives them back as bools, and `type(...) is int` tells them apart).
    return (isinstance(value, list) and len(value) in (4, 5) and all(type(v) is int for v in value[:4])
            and (len(value) == 4 or isinstance(value[4], str)))
