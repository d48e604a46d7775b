"""'stop being' is a wish not to exist only when nothing says how to be: both sides of that line."""
import pytest

from bot.analysis.risk import assess_risk_text


@pytest.mark.parametrize("text", [
    "I just want to stop being.",
    "i want to stop being",
    "I want to stop being here",
    "honestly i wanna stop being alive, it's too much",
])
def test_a_wish_to_stop_being_is_flagged(text):
    result = assess_risk_text(text)
    assert result.outcome == "flag"
    assert {f.category for f in result.findings} == {"suicidal_ideation"}


@pytest.mark.parametrize("text", [
    "I guess I need to stop being so sensitive. It's my fault.",
    "I need to stop being so hard on myself",
    "I want to stop being the one who always apologises first",
])
def test_wanting_to_stop_being_a_certain_way_is_not(text):
    assert assess_risk_text(text).outcome == "none"
