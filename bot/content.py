"""YAML data files, read and validated with a pydantic schema in one place.

Attune keeps its words in data files: exercise content (scenarios, questions, feedback templates),
message catalogues, export labels, analysis lexicons. A typo in one of them must fail loudly at
load time, naming the file, the entry and the field, rather than surface as an odd reply in the
middle of someone's practice:

    scenarios.yml, entry 'late_text' (#3): field 'readings': ensure this value has at least 3 items
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


def require_keys(table: Mapping[str, Any], required: Iterable[str], complaint: str) -> None:
    """For a schema's validator: raise ValueError("<complaint> [the missing keys]") when `table`
    lacks any of `required` (a table every step, category or marker must have an entry in)."""
    missing = set(required) - set(table)
    if missing:
        raise ValueError(f"{complaint} {sorted(missing)}")


class ContentError(ValueError):
    """A content file is missing, unreadable or breaks its schema; the message says where."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with the same key twice: plain YAML keeps the last one
    silently, so a second rule or pattern list given an existing name would replace the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """The parsed YAML document at `path`, or a ContentError naming the file (a key repeated in
    one mapping is an error too)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path.name}: cannot be read: {error}") from error


def _describe(error: ValidationError) -> str:
    parts = []
    for problem in error.errors():
        field = ".".join(str(step) for step in problem["loc"] if step != "__root__")
        parts.append(f"field '{field}': {problem['msg']}" if field else problem["msg"])
    return "; ".join(parts)


def parse_entries(
    raw_entries: Any, model: type[Model], *, source: str, id_field: str = "id"
) -> list[Model]:
    """Validate a list of entries against `model`; ids must be unique.

    The error names the entry by its id when it has one, and always by position, because a
    broken entry may be broken exactly in its id.
    """
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ContentError(f"{source}: expected a non-empty list of entries")
    entries: list[Model] = []
    seen_ids: dict[str, int] = {}
    for index, raw in enumerate(raw_entries, start=1):
        name = raw.get(id_field) if isinstance(raw, dict) else None
        label = f"entry {name!r} (#{index})" if name else f"entry #{index}"
        if not isinstance(raw, dict):
            raise ContentError(f"{source}, {label}: expected a mapping of fields, got {type(raw).__name__}")
        try:
            entry = model.parse_obj(raw)
        except ValidationError as error:
            raise ContentError(f"{source}, {label}: {_describe(error)}") from error
        entry_id = getattr(entry, id_field)
        if entry_id in seen_ids:
            raise ContentError(
                f"{source}, {label}: field '{id_field}': duplicate of entry #{seen_ids[entry_id]}"
            )
        seen_ids[entry_id] = index
        entries.append(entry)
    return entries


def parse_document(raw: Any, model: type[Model], *, source: str) -> Model:
    """Validate a whole file (a mapping) against `model`."""
    if not isinstance(raw, dict):
        raise ContentError(f"{source}: expected a mapping at the top level")
    try:
        return model.parse_obj(raw)
    except ValidationError as error:
        raise ContentError(f"{source}: {_describe(error)}") from error


def load_document(path: Path, model: type[Model]) -> Model:
    """Read and validate a whole content file."""
    return parse_document(read_yaml(path), model, source=path.name)

