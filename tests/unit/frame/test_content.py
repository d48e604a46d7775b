"""The frame's data files load through their schemas, and broken ones are rejected."""
import pytest
import yaml
from pydantic import ValidationError

from bot import messages
from bot.safety.resources import CrisisResources, format_resources, load_resources, resources_for


@pytest.mark.parametrize("catalogue", sorted(messages.catalogues()))
def test_every_catalogue_loads(catalogue):
    entries = messages.load_catalogue(catalogue)
    assert entries and all(v.text for variants in entries.values() for v in variants)


def test_a_catalogue_entry_without_variants_is_rejected():
    with pytest.raises(ValidationError):
        messages.Catalogue.parse_obj({"ask": []})
    with pytest.raises(ValidationError):
        messages.Catalogue.parse_obj({"ask": [{"text": "   "}]})


def test_unknown_message_is_an_error():
    with pytest.raises(messages.UnknownMessage):
        messages.message("frame", "no_such_key")


def test_crisis_resources_per_locale():
    assert "988" in format_resources("en-US")
    assert "116 123" in format_resources("en-GB")
    assert "116 123" in format_resources("en-IE")
    # A locale we have no entry for gets the international directory, never another country's number.
    assert resources_for("en-AU") == load_resources().locales["default"]
    assert "988" not in format_resources("de-DE")
    assert "112" in format_resources(None)


def test_crisis_resources_schema_rejects_a_locale_without_lines(tmp_path):
    data = yaml.safe_load(open("bot/safety/crisis_resources.yml"))
    data["locales"]["en-US"]["lines"] = []
    with pytest.raises(ValidationError):
        CrisisResources.parse_obj(data)
    del data["locales"]["default"]
    data["locales"]["en-US"]["lines"] = [{"name": "x", "contact": "y", "hours": "z"}]
    with pytest.raises(ValidationError):
        CrisisResources.parse_obj(data)


def test_every_message_key_the_actions_use_exists():
    """Actions name catalogue keys as strings; a typo would only show up mid-conversation."""
    import re
    from pathlib import Path

    used = set()
    for path in Path("actions").glob("*.py"):
        source = path.read_text()
        used |= set(re.findall(r'say\(dispatcher, "(\w+)", "(\w+)"\)', source))
        used |= set(re.findall(r'catalogue, key = "(\w+)", "(\w+)"', source))
    assert used, "no message keys found: the pattern above no longer matches the actions"
    for catalogue, key in used:
        assert key in messages.load_catalogue(catalogue), f"{catalogue}:{key}"
