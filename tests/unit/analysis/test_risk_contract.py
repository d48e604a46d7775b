"""The risk result's contract with the dialogue and the store: levels, outcome, past_only, third-party
worry that never counts, and `most_urgent`. Sentences are our own, not from the labelled files."""
from __future__ import annotations

import json

import pytest

from bot.analysis.risk import LEVELS, THIRD_PARTY, RiskFinding, assess_risk_text, most_urgent


def test_levels_are_ordered_with_ask_below_concern():
    assert LEVELS == ("none", "ask", "concern", "high", "imminent")


@pytest.mark.parametrize("text, outcome, level", [
    ("I want to kill myself", "flag", "concern"),
    ("I'm going to kill myself tonight", "flag", "imminent"),
    ("I just want everything to stop", "ask", "ask"),
    ("I had a lovely walk with my sister", "none", "none"),
])
def test_outcome_follows_the_highest_speaker_level(text, outcome, level):
    result = assess_risk_text(text)
    assert (result.outcome, result.level) == (outcome, level)
    assert result.flagged is (outcome == "flag")
    data = result.to_dict()
    assert (data["outcome"], data["level"], data["flagged"]) == (outcome, level, outcome == "flag")
    assert json.dumps(data)


def test_a_clear_disclosure_outranks_a_veiled_one():
    result = assess_risk_text("I can't do this anymore. I'm going to take all my pills tonight.")
    assert result.outcome == "flag" and result.level == "imminent"


@pytest.mark.parametrize("text", [
    "my friend self-harms, how can I help her",
    "My brother keeps saying he wants to die and I don't know what to do",
    "My neighbour hits his kids, I can hear it through the wall",
    "She told me her dad hits her",
])
def test_someone_else_at_risk_is_a_finding_that_never_counts(text):
    result = assess_risk_text(text)
    assert result.finding(THIRD_PARTY) is not None, result.to_dict()
    assert result.outcome == "none" and result.level == "none" and not result.flagged and not result.past_only


def test_the_speakers_own_risk_counts_beside_someone_elses():
    result = assess_risk_text("My sister self-harms and honestly so do I, I cut myself last night")
    assert result.outcome == "flag"
    assert result.findings[0].category == "self_harm"  # speaker findings come first
    assert result.speaker_findings and all(f.category != THIRD_PARTY for f in result.speaker_findings)


@pytest.mark.parametrize("text, outcome", [
    ("My dad used to hit me when I was little", "flag"),
    ("when I was seven my mother locked me in the cupboard", "flag"),
    ("at 12 my coach touched me", "ask"),
    ("as a kid I was beaten a lot", "flag"),
    ("I cut myself years ago, not since", "flag"),
    ("back in school I used to self harm", "flag"),
    ("I attempted suicide in 2010 and I've been well since", "flag"),
    ("in my twenties I took an overdose", "flag"),
    # The speaker's age or life now dates the telling, not the event.
    ("When I was nine my uncle beat me with a belt. I'm in my fifties now.", "flag"),
    ("I overdosed at university. I'm sixty-one now and a grandmother.", "flag"),
    ("My mum used to lock me out all night. I'm a father myself now.", "flag"),
    ("I self-harmed all through secondary school. That's twenty years behind me now.", "flag"),
    ("I used to cut my legs, I don't do it any more.", "flag"),
])
def test_an_event_that_is_over_is_past_only(text, outcome):
    result = assess_risk_text(text)
    assert result.outcome == outcome and result.past_only, result.to_dict()
    assert result.to_dict()["past_only"] is True
    assert result.level in ("ask", "concern")  # the past is capped at concern


@pytest.mark.parametrize("text", [
    "my dad used to hit me and he started again last week",
    "I tried to kill myself years ago and last night I thought about doing it again",
    "When I was 15 I cut myself, and I still do",
    "at 12 tonight I'm going to kill myself",
    "My stepdad hits me",
    # An age or a settled life beside a present-tense act does not make the act past.
    "I'm married now and he hits me.",
    "I'm in my forties now and I want to kill myself.",
    "Thinking back on it today, I want to kill myself.",
    "My son is nine now and I keep hitting him when he cries.",
])
def test_a_current_event_is_not_past_only(text):
    result = assess_risk_text(text)
    assert result.outcome == "flag" and not result.past_only, result.to_dict()


def test_a_past_attempt_beside_a_veiled_statement_today_is_not_past_only():
    result = assess_risk_text("I tried to kill myself when I was 19. These days I just want it all to stop.")
    assert result.outcome == "flag" and not result.past_only


def _finding(category: str, level: str, severity: int) -> RiskFinding:
    return RiskFinding(category, severity, [], "x", level)


def test_most_urgent_orders_by_level_then_severity_then_category():
    findings = [
        _finding("harm_to_others", "high", 3),
        _finding("self_harm", "high", 3),
        _finding("abuse_or_danger", "concern", 5),
    ]
    assert most_urgent(findings).category == "self_harm"  # same level and severity: category order
    findings.append(_finding("suicidal_ideation", "imminent", 4))
    assert most_urgent(findings).category == "suicidal_ideation"
    assert most_urgent([_finding("self_harm", "ask", 3), _finding("abuse_or_danger", "concern", 2)]).category == "abuse_or_danger"


def test_most_urgent_skips_third_party_unless_it_is_all_there_is():
    worry = _finding(THIRD_PARTY, "high", 5)
    own = _finding("suicidal_ideation", "ask", 1)
    assert most_urgent([worry, own]) is own
    assert most_urgent([worry]) is worry
    assert most_urgent([]) is None and most_urgent(None) is None


def test_most_urgent_reads_the_stored_dicts_too():
    result = assess_risk_text("My friend wants to die. I keep thinking about hanging myself.")
    stored = [f.to_dict() for f in result.findings]
    top = most_urgent(stored)
    assert isinstance(top, dict) and top["category"] == "suicidal_ideation"
    assert most_urgent(result.findings).category == top["category"]
    assert most_urgent([{"category": "unknown", "level": "weird"}]) == {"category": "unknown", "level": "weird"}


def test_findings_carry_the_contract_fields():
    finding = assess_risk_text("I just want it all to stop").findings[0]
    assert finding.level == "ask"
    assert set(finding.to_dict()) == {"category", "severity", "level", "evidence", "explanation", "qualifiers", "source",
                                      "about"}
    assert finding.source == "rules" and finding.about == "speaker"
    assert finding.evidence and finding.explanation
