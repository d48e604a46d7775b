"""One rule for the most urgent risk finding (bot/safety/urgency.py)."""
from bot.analysis.urgency import most_urgent


def finding(category, level, severity):
    return {"category": category, "level": level, "severity": severity}


def test_level_comes_before_severity():
    chosen = most_urgent([finding("self_harm", "high", 5), finding("suicidal_ideation", "imminent", 4)])
    assert chosen["category"] == "suicidal_ideation"


def test_severity_breaks_a_tie_of_level_then_category_order():
    assert most_urgent([finding("self_harm", "high", 2), finding("abuse_or_danger", "high", 3)])["severity"] == 3
    assert most_urgent([finding("abuse_or_danger", "high", 2), finding("self_harm", "high", 2)])["category"] == "self_harm"


def test_worry_for_someone_else_never_outranks_the_speaker_s_own_risk():
    chosen = most_urgent([finding("third_party_concern", "imminent", 5), finding("self_harm", "ask", 1)])
    assert chosen["category"] == "self_harm"
    assert most_urgent([finding("third_party_concern", "high", 3)])["category"] == "third_party_concern"


def test_nothing_and_odd_values():
    assert most_urgent([]) is None
    assert most_urgent([{"category": "x", "level": "weird", "severity": "high"}])["category"] == "x"


def test_objects_work_as_well_as_dicts():
    class Finding:
        def __init__(self, category, level, severity):
            self.category, self.level, self.severity = category, level, severity

    assert most_urgent([Finding("self_harm", "concern", 1), Finding("suicidal_ideation", "high", 1)]).category == \
        "suicidal_ideation"
