"""The scenario library does not teach "they meant well": some other people really were careless,
irritated or unfair, and the closing then says the hurt was not a misreading."""
from __future__ import annotations

import random

from bot.exercises.mentalizing import Turn, closing_summary, scenario_by_id, therapist_view
from bot.exercises.mentalizing.feedback import feedback_for
from bot.exercises.mentalizing.library import feedback_catalogue, scenarios


def test_several_moments_have_someone_who_did_not_mean_well_across_relationships():
    unkind = [s for s in scenarios() if s.other_was != "well_meaning"]
    assert len(unkind) >= 5
    assert len({s.relationship for s in unkind}) >= 4
    assert {s.other_was for s in unkind} >= {"careless", "irritated", "unfair"}
    assert any(s.intensity == "gentle" for s in unkind)  # a newcomer can meet one too


def test_hidden_views_involving_illness_are_not_the_rule():
    ill = [s for s in scenarios() if any(w in s.hidden_view.lower() for w in ("hospital", "unwell", "doctor"))]
    assert len(ill) <= len(scenarios()) // 5


def _closing_for(scenario_id: str, analyse, seed: int) -> str:
    scenario = scenario_by_id(scenario_id)
    rng, seen = random.Random(seed), set()
    text = "I felt embarrassed and angry, and I think he just didn't care much about me."
    analysis = analyse(text)
    feedback = feedback_for("own_feeling", text, analysis, seen, rng, scenario=scenario)
    turn = Turn.record("own_feeling", "", text, analysis, feedback)
    return closing_summary([turn], scenario, rng, seen)


def test_the_closing_says_the_hurt_was_real_when_the_other_was_unfair(analyse):
    unkind_lines = feedback_catalogue().closing.their_side_unkind
    for seed in range(3):
        unfair = _closing_for("colleague_blamed_in_meeting", analyse, seed)
        assert any(line.replace("{name}", "Dan") in unfair for line in unkind_lines), unfair
        assert "Dan knew the delay was his" in unfair
        kind = _closing_for("partner_quiet_dinner", analyse, seed)
        assert not any(line.replace("{name}", "Sam") in kind for line in unkind_lines), kind


def test_the_therapist_sees_how_the_other_person_really_was():
    view = therapist_view([], scenario_by_id("stranger_snapped_at_till"))
    assert view["scenario"]["other_was"] == "irritated"
    assert view["scenario"]["involves"] == ["stranger"]
    assert scenario_by_id("child_prefers_other_parent").assumes == {"child", "co_parent"}


def test_the_separation_is_not_called_a_divorce():
    friend = scenario_by_id("friend_hard_news")
    assert "divorce" not in (friend.moment + friend.hidden_view).lower()
