"""The guided flow end to end without Rasa: steps, questions, state between turns, summary, therapist view."""
from __future__ import annotations

import itertools
import json
import random
import re

import pytest

from bot.exercises.mentalizing import (
    OWN_MOMENT_PATH,
    SCENARIO_PATH,
    ExerciseState,
    Turn,
    closing_summary,
    feedback_for,
    question_for,
    steps_for,
    therapist_view,
)
from bot.exercises.mentalizing.paths import UnknownStep
from bot.exercises.mentalizing.library import questions
from bot.exercises.wording import sentences

ANSWERS = [
    "I felt hurt and a bit stupid for writing so much.",
    "I know she doesn't care about the weekend.",
    "Maybe she was stressed at work, or perhaps she felt pressured by me planning everything.",
    "She might have thought I was sulking because I went quiet, and maybe she felt guilty.",
    "",
    "I guess I looked cold to her.",
    "Looking back, I used to assume the worst straight away, but now I can see she was probably swamped.",
    "I think I'd ask her how her day really was.",
    "Okay.",
]


def test_the_paths_and_their_steps():
    assert steps_for(SCENARIO_PATH) == ("own_feeling", "other_mind", "other_alternatives", "their_view_of_me", "now")
    assert steps_for(OWN_MOMENT_PATH)[0] == "what_happened"
    assert steps_for(OWN_MOMENT_PATH)[1:] == steps_for(SCENARIO_PATH)
    with pytest.raises(ValueError):
        steps_for("dream")


def test_questions_name_the_other_person_and_do_not_repeat(scenario, rng):
    seen: set[str] = set()
    step = "other_mind"
    asked = [question_for(step, scenario, seen, rng) for _ in questions().steps[step]]
    assert len(set(asked)) == len(asked)
    assert all("{" not in q for q in asked)
    assert any("Maya" in q for q in asked)
    with pytest.raises(UnknownStep):
        question_for("small_talk", scenario, seen, rng)


def _run_session(scenario, analyse, seed: int):
    rng, state, turns = random.Random(seed), ExerciseState(), []
    state.start_scenario(scenario.id)
    answers = itertools.cycle(ANSWERS)
    # At most: one re-ask and one follow-up per step. More would mean the flow can get stuck.
    for _ in range(3 * len(steps_for(SCENARIO_PATH))):
        if state.finished:
            break
        question = "(follow-up)" if state.follow_up else question_for(state.step, scenario, state.seen, rng)
        answer = next(answers)
        analysis = analyse(answer)
        feedback = feedback_for(state.step, answer, analysis, state.seen, rng, scenario=scenario,
                                follow_up=state.follow_up)
        turns.append(Turn.record(state.step, question, answer, analysis, feedback, state.follow_up))
        step_before = state.step
        state.advance(feedback)
        # One question at a time: feedback that asks something keeps the flow on its step, so the
        # next step's question never follows an invitation or a challenge in the same breath.
        if feedback.asks_follow_up:
            assert state.step == step_before and state.follow_up
        # Between turns the state lives in a Rasa slot as JSON.
        state = ExerciseState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert state.finished
    return state, rng, turns


def test_a_whole_session_reaches_the_end_and_survives_serialisation(scenario, analyse):
    state, _, turns = _run_session(scenario, analyse, seed=1)
    steps_seen = [t.step for t in turns]
    assert [s for i, s in enumerate(steps_seen) if i == 0 or s != steps_seen[i - 1]] == list(steps_for(SCENARIO_PATH))
    # An empty answer is asked again once; an invitation or challenge gets one follow-up at most.
    # What travels in the slot stays small and holds none of the person's words.
    stored = json.dumps(state.to_dict()["seen"])
    assert len(stored) < 40 * len(state.seen) and "sulking" not in stored and "Maya" not in stored
    for step in steps_for(SCENARIO_PATH):
        answered_follow_ups = [t for t in turns if t.step == step and t.follow_up and t.counted]
        assert len(answered_follow_ups) <= 1
        assert len([t for t in turns if t.step == step]) <= 4


def test_the_state_advances_by_the_rules(scenario, analyse, rng):
    state = ExerciseState()
    state.start_scenario(scenario.id)
    empty = feedback_for(state.step, "", analyse(""), state.seen, rng, scenario=scenario)
    state.advance(empty)
    assert state.step == "own_feeling" and state.retried
    state.advance(empty)  # asked twice with no answer: move on rather than get stuck
    assert state.step == "other_mind"
    invited = feedback_for(state.step, "I felt sad.", analyse("I felt sad."), state.seen, rng, scenario=scenario)
    assert invited.invited
    state.advance(invited)
    assert state.step == "other_mind" and state.follow_up
    state.advance(invited)
    assert state.step == "other_alternatives" and not state.follow_up
    state.skip()
    assert state.step == "their_view_of_me"


def test_another_scenario_restarts_the_steps_and_keeps_what_was_said(scenario, rng):
    state = ExerciseState()
    state.start_scenario(scenario.id)
    question_for(state.step, scenario, state.seen, rng)
    state.skip()
    seen_before = set(state.seen)
    state.start_scenario("friend_short_reply")
    assert state.step == "own_feeling" and state.offered == [scenario.id, "friend_short_reply"]
    assert state.seen == seen_before


def test_the_closing_summary_is_words_only_and_quotes_the_person(scenario, analyse):
    state, rng, turns = _run_session(scenario, analyse, seed=2)
    summary = closing_summary(turns, scenario, rng, state.seen)
    assert not re.search(r"\d", summary)
    assert "rf" not in summary.lower().split() and "score" not in summary.lower()
    quotes = re.findall(r'"([^"]+)"', summary)
    assert quotes
    answers = " ".join(ANSWERS)
    assert all(q in answers for q in quotes)
    assert scenario.hidden_view.split(".")[0] in summary  # the other side, offered as one possibility
    assert "I know she doesn't care" not in summary  # the certain answer is not held up as a highlight
    # The take-away follows what happened: this session had a psychic-equivalence answer.
    from bot.exercises.mentalizing.library import feedback_catalogue

    take_aways = feedback_catalogue().closing.take_away["failure_mode"]
    assert any(t in summary for t in take_aways)


def test_the_summary_of_nothing_is_a_kind_goodbye(scenario, rng):
    summary = closing_summary([], scenario, rng)
    from bot.exercises.mentalizing.library import feedback_catalogue

    assert summary in feedback_catalogue().closing.nothing_to_summarise


def test_the_summary_takes_away_what_was_missing(analyse, scenario, rng):
    answer = "I felt hurt and lonely."
    analysis = analyse(answer)
    feedback = feedback_for("own_feeling", answer, analysis, set(), rng, scenario=scenario)
    turns = [Turn.record("own_feeling", "q", answer, analysis, feedback)]
    summary = closing_summary(turns, scenario, rng)
    from bot.exercises.mentalizing.library import feedback_catalogue

    take_aways = feedback_catalogue().closing.take_away["other_mind"]
    assert any(t in summary for t in take_aways)


def test_the_therapist_view_has_markers_estimates_and_explanations(scenario, analyse):
    state, _, turns = _run_session(scenario, analyse, seed=3)
    view = therapist_view(turns, scenario)
    json.dumps(view)  # storable as it is
    rows = view["turns"]
    assert len(rows) == len(turns)
    answered = [r for r in rows if r["feedback"]["kind"] == "reflection"]
    assert all(r["explanation"].startswith("RF-style estimate") for r in answered)
    assert all(1 <= r["rf_estimate"] <= 9 for r in answered)
    certain = next(r for r in rows if r["answer"] == ANSWERS[1])
    assert "psychic_equivalence" in [m["mode"] for m in certain["failure_modes"]]
    rich = next(r for r in rows if r["answer"] == ANSWERS[2])
    assert {"other_mind", "alternative", "opacity"} <= set(rich["families"])
    for marker in rich["markers"]:
        evidence = marker["evidence"]
        assert rich["answer"][evidence["start"]:evidence["end"]] == evidence["text"]
    assert view["session"]["rf_highest"] == max(r["rf_estimate"] for r in answered)
    assert view["scenario"]["hidden_view"] == scenario.hidden_view.strip()


def test_no_sentence_repeats_in_a_whole_session_with_a_second_scenario(scenario, analyse):
    from bot.exercises.mentalizing import offer_another, present_scenario, scenario_by_id

    rng, seen, shown = random.Random(9), set(), []
    for current in (scenario, scenario_by_id("colleague_credit")):
        shown += sentences(present_scenario(current, seen, rng))
        turns = []
        for step, answer in zip(steps_for(SCENARIO_PATH), ANSWERS[2:]):
            shown += sentences(question_for(step, current, seen, rng))
            feedback = feedback_for(step, answer, analyse(answer), seen, rng, scenario=current)
            shown += sentences(feedback.text)
            turns.append(Turn.record(step, "", answer, analyse(answer), feedback))
        shown += sentences(closing_summary(turns, current, rng, seen))
        shown += sentences(offer_another(seen, rng))
    assert len(shown) == len(set(shown)), [s for s in shown if shown.count(s) > 1]


def test_an_answer_to_a_follow_up_gets_no_new_question(analyse, scenario, rng):
    for text in ("I felt sad.", "If she cared she would have answered.", "She doesn't care."):
        analysis = analyse(text)
        first = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario)
        assert first.asks_follow_up, text
        again = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario, follow_up=True)
        assert not again.asks_follow_up and again.text and "?" not in again.text, again.text
        if analysis.failure_modes:  # still not praised as wondering about her mind
            assert again.reflected is None


@pytest.mark.parametrize(
    "damaged",
    [
        None, {}, "text", [1, 2],
        {"path": "dream"},
        {"scenario_id": "removed_from_the_library"},
        {"step_index": "three"},
        {"turns": [{"nonsense": True}]},
        {"other": {"name": "", "pronoun": "it"}, "path": "own"},
    ],
)
def test_a_damaged_or_outdated_state_starts_afresh(damaged):
    state = ExerciseState.from_dict(damaged)
    assert state.step == "own_feeling" and state.scenario_id is None and "turns" not in state.to_dict()


def test_unknown_keys_from_a_later_version_are_ignored(scenario):
    state = ExerciseState()
    state.start_scenario(scenario.id)
    data = {**state.to_dict(), "added_later": 1}
    assert ExerciseState.from_dict(data).scenario_id == scenario.id


def test_the_summary_of_a_many_sided_session_takes_its_curiosity_further(analyse, scenario, rng):
    from bot.exercises.mentalizing.library import feedback_catalogue

    answer = ("Looking back, I used to think she was cold, but now I think maybe she was scared because "
              "her own mother left, or perhaps she just didn't know how to show it.")
    analysis = analyse(answer)
    assert {"other_mind", "alternative", "opacity", "causal_link", "change_over_time"} <= analysis.families()
    feedback = feedback_for("now", answer, analysis, set(), rng, scenario=scenario)
    summary = closing_summary([Turn.record("now", "q", answer, analysis, feedback)], scenario, rng)
    assert any(t in summary for t in feedback_catalogue().closing.take_away["all_present"])


def test_the_summary_does_not_hold_up_a_failure_of_mentalizing_as_a_highlight(analyse, scenario, rng):
    answer = "If she cared she would have answered properly."
    analysis = analyse(answer)
    assert analysis.failure_modes and "other_mind" in analysis.families()
    feedback = feedback_for("other_mind", answer, analysis, set(), rng, scenario=scenario)
    summary = closing_summary([Turn.record("other_mind", "q", answer, analysis, feedback)], scenario, rng)
    assert "she cared" not in summary
