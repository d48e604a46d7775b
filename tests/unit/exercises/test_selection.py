"""Scenario choice: no repeats too soon, another scenario, gentle first, interests, pacing."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from bot.exercises.mentalizing import library
from bot.exercises.mentalizing.schema import SelectionRules
from bot.exercises.mentalizing.selection import (
    AttachmentCheckin,
    NoScenarioAvailable,
    PastScenario,
    PersonHistory,
    choose_scenario,
)

START = datetime(2026, 1, 1, 9, 0)
SCENARIOS = library.scenarios()
RULES = library.selection_rules()


def _simulate(sessions: int, seed: int, rules: SelectionRules = RULES, interests=()) -> list[str]:
    """A person doing one scenario a day, with what they did fed back as their history."""
    rng, past = random.Random(seed), []
    for day in range(sessions):
        history = PersonHistory(past=tuple(past), interests=frozenset(interests))
        chosen = choose_scenario(history, SCENARIOS, rng, rules)
        past.append(PastScenario(chosen.id, START + timedelta(days=day)))
    return [p.scenario_id for p in past]


@pytest.mark.parametrize("seed", range(5))
def test_no_scenario_repeats_within_the_window(seed):
    ids = _simulate(3 * len(SCENARIOS), seed)
    window = RULES.no_repeat_within
    for i, scenario_id in enumerate(ids):
        assert scenario_id not in ids[max(0, i - window):i], (i, scenario_id)


def test_every_scenario_is_used_before_any_is_repeated():
    ids = _simulate(len(SCENARIOS), seed=1)
    assert sorted(ids) == sorted(s.id for s in SCENARIOS)


def test_least_recently_used_comes_back_first_once_all_were_used():
    ids = _simulate(len(SCENARIOS) + 3, seed=2)
    assert ids[len(SCENARIOS):] == ids[:3]


def test_a_new_person_starts_gentle():
    for seed in range(20):
        first = _simulate(RULES.gentle_sessions, seed)
        intensities = {library.scenario_by_id(i).intensity for i in first}
        assert intensities == {"gentle"}, (seed, first)


def test_after_the_first_sessions_moderate_moments_are_offered():
    ids = _simulate(len(SCENARIOS), seed=3)
    assert "moderate" in {library.scenario_by_id(i).intensity for i in ids[RULES.gentle_sessions:]}


def test_another_scenario_excludes_what_was_offered_in_this_conversation():
    rng = random.Random(4)
    history = PersonHistory()
    offered: list[str] = []
    for _ in range(5):
        chosen = choose_scenario(history, SCENARIOS, rng, exclude=offered)
        assert chosen.id not in offered
        offered.append(chosen.id)


def test_another_scenario_when_everything_was_offered_is_a_clear_error():
    with pytest.raises(NoScenarioAvailable):
        choose_scenario(PersonHistory(), SCENARIOS, random.Random(0), exclude=[s.id for s in SCENARIOS])


def test_interests_come_first_among_scenarios_not_yet_done():
    for seed in range(10):
        first = _simulate(3, seed, interests={"colleague"})
        assert all(library.scenario_by_id(i).relationship == "colleague" for i in first), first


def test_history_order_does_not_matter_only_the_dates():
    past = [PastScenario(s.id, START + timedelta(days=i)) for i, s in enumerate(SCENARIOS)]
    shuffled = list(past)
    random.Random(5).shuffle(shuffled)
    chosen = choose_scenario(PersonHistory(past=tuple(shuffled)), SCENARIOS, random.Random(0))
    assert chosen.id == SCENARIOS[0].id  # the one done longest ago


def test_a_scenario_done_twice_counts_by_its_latest_date():
    past = [PastScenario(s.id, START + timedelta(days=i + 1)) for i, s in enumerate(SCENARIOS)]
    past.append(PastScenario(SCENARIOS[0].id, START + timedelta(days=100)))
    chosen = choose_scenario(PersonHistory(past=tuple(past)), SCENARIOS, random.Random(0))
    assert chosen.id == SCENARIOS[1].id


@pytest.mark.parametrize(
    ("checkin", "sessions", "gentle_only"),
    [
        (None, RULES.gentle_sessions, False),
        (AttachmentCheckin(anxiety=6.0, avoidance=2.0), RULES.gentle_sessions, True),
        (AttachmentCheckin(anxiety=6.0, avoidance=2.0), 2 * RULES.gentle_sessions, False),
        (AttachmentCheckin(anxiety=6.0, avoidance=6.0), 5 * RULES.gentle_sessions, True),
    ],
)
def test_the_attachment_checkin_slows_the_pace(checkin, sessions, gentle_only):
    # History made only of gentle moments, so whatever is chosen next shows the pacing rule.
    gentle = [s for s in SCENARIOS if s.intensity == "gentle"]
    moderate_ids = {s.id for s in SCENARIOS if s.intensity == "moderate"}
    past = tuple(PastScenario(gentle[i % len(gentle)].id, START + timedelta(days=i)) for i in range(sessions))
    history = PersonHistory(past=past, attachment=checkin)
    chosen = {choose_scenario(history, SCENARIOS, random.Random(seed)).id for seed in range(15)}
    assert (not chosen & moderate_ids) == gentle_only
