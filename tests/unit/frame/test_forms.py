"""Every form honours the frame's controls: one template of rules (bot/frame/forms.py), and slot
mappings that never take a control intent as an answer."""
from pathlib import Path

import yaml

from bot.frame.forms import CONTROL_INTENTS, FORMS, form_rules

REPO = Path(__file__).resolve().parents[3]
DOMAIN = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))


def test_the_form_rules_file_is_the_template_s_output():
    written = (REPO / "data" / "rules" / "forms.yml").read_text(encoding="utf-8")
    assert written == form_rules(), "run: .venv/bin/python -m bot.frame.forms > data/rules/forms.yml"


def test_no_form_takes_a_control_intent_as_an_answer():
    for form in FORMS:
        for slot in DOMAIN["forms"][form]["required_slots"]:
            for mapping in DOMAIN["slots"][slot]["mappings"]:
                if mapping["type"] == "from_text":
                    assert set(CONTROL_INTENTS) <= set(mapping.get("not_intent", [])), (form, slot)


def test_every_form_can_be_paused_and_resumed():
    assert set(FORMS) == set(DOMAIN["slots"]["interrupted_loop"]["values"])
