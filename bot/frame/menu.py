"""The menu, written from the exercise registry into domain.yml's `utter_menu`.

Rasa reads responses from the domain, so the menu's buttons are written there rather than built at
run time; they come from the registry (each exercise's `Declaration.menu`: exercises for the person
first, simulated practice for trainees after them) and then the frame's own entries (menu.yml).
`python -m bot.frame.menu` rewrites the block in domain.yml; a test keeps the file equal to it, so an
exercise's menu entry lives in its declaration alone.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from bot.content import parse_document, read_yaml
from bot.exercises.registry import DECLARATIONS

MENU_FILE = Path(__file__).with_name("menu.yml")
DOMAIN_FILE = Path(__file__).resolve().parents[2] / "domain.yml"
BLOCK_START = "  utter_menu:\n"


class _Entry(BaseModel):
    title: str
    payload: str


class _Menu(BaseModel):
    question: str
    frame_entries: list[_Entry]


def buttons() -> list[tuple[str, str]]:
    """(title, payload) of every menu button, in the order shown."""
    menu = parse_document(read_yaml(MENU_FILE), _Menu, source=MENU_FILE.name)
    ordered = sorted(DECLARATIONS, key=lambda declaration: declaration.simulated)  # stable: registry order
    entries = [(entry.title, entry.payload) for declaration in ordered for entry in declaration.menu]
    return entries + [(entry.title, entry.payload) for entry in menu.frame_entries]


def menu_block() -> str:
    """domain.yml's `utter_menu` response (JSON strings are valid YAML scalars)."""
    menu = parse_document(read_yaml(MENU_FILE), _Menu, source=MENU_FILE.name)
    lines = [BLOCK_START, f"    - text: {json.dumps(menu.question)}\n", "      buttons:\n"]
    for title, payload in buttons():
        lines += [f"        - title: {json.dumps(title)}\n", f"          payload: {payload}\n"]
    return "".join(lines)


def with_menu(domain_text: str) -> str:
    """`domain_text` with its `utter_menu` block replaced by `menu_block()`."""
    start = domain_text.index(BLOCK_START)
    end = start + len(BLOCK_START)
    lines = domain_text[end:].splitlines(keepends=True)
    taken = 0
    for line in lines:  # the block ends at the next response (two-space indent) or section
        if line.strip() and not line.startswith("   "):
            break
        taken += len(line)
    return domain_text[:start] + menu_block() + domain_text[end + taken:]


def main() -> int:
    text = DOMAIN_FILE.read_text(encoding="utf-8")
    updated = with_menu(text)
    if updated != text:
        DOMAIN_FILE.write_text(updated, encoding="utf-8")
        print(f"{DOMAIN_FILE.name}: utter_menu rewritten from the exercise registry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
