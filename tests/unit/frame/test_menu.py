"""The menu in domain.yml is the one the exercise registry and menu.yml make (bot/frame/menu.py)."""
from bot.exercises.registry import DECLARATIONS
from bot.frame.menu import DOMAIN_FILE, buttons, with_menu


def test_domain_menu_is_written_from_the_registry():
    text = DOMAIN_FILE.read_text(encoding="utf-8")
    assert with_menu(text) == text, "run: .venv/bin/python -m bot.frame.menu"


def test_every_exercise_entry_is_offered_once_and_simulated_practice_comes_after_the_rest():
    shown = buttons()
    assert len(shown) == len(set(shown))
    for declaration in DECLARATIONS:
        for entry in declaration.menu:
            assert (entry.title, entry.payload) in shown
    simulated = {(e.title, e.payload) for d in DECLARATIONS if d.simulated for e in d.menu}
    own = {(e.title, e.payload) for d in DECLARATIONS if not d.simulated for e in d.menu}
    assert simulated and own
    assert max(shown.index(b) for b in own) < min(shown.index(b) for b in simulated)


def test_rewriting_replaces_only_the_menu():
    text = DOMAIN_FILE.read_text(encoding="utf-8")
    stale = text.replace('payload: /about', 'payload: /about\n        - title: "Old entry"\n          payload: /old', 1)
    assert with_menu(stale) == text
