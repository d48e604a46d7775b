"""The MBT stance in the feedback, with the REAL analysis: meet the feeling before coaching, praise
sparingly and never for a failure of mentalizing or self-criticism, notice a rupture and change
approach, and replies that fit what was (or was not) said."""
from __future__ import annotations

import random

from bot.exercises.mentalizing import feedback_for
from bot.exercises.mentalizing.exercise import MentalizingExercise
from bot.exercises.mentalizing.feedback import Pace
from bot.exercises.mentalizing.library import feedback_catalogue, questions
from bot.exercises.wording import render, sentences


def _said(group: list[str], fields: dict) -> set[str]:
    return {s for v in group for s in sentences(render(v, fields))}


def test_a_troubled_feeling_is_met_in_the_persons_words_before_any_coaching(analyse, rng, scenario):
    text = "I felt furious and humiliated."
    feedback = feedback_for("own_feeling", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.validated and feedback.reply_kind == "validate"
    assert feedback.text.lower().startswith(("that sounds", "i'm sorry, that sounds"))
    assert "humiliating" in feedback.text.split("?")[0]
    # The feeling is met, not graded as a skill ("naming your own state is where understanding starts").
    assert not feedback.praised and feedback.reflected is None


def test_a_feeling_that_still_hurts_is_kept(analyse, rng, scenario):
    text = "I was angry at first, but it still hurts."
    feedback = feedback_for("own_feeling", text, analyse(text), set(), rng, scenario=scenario)
    assert "it still hurts" in feedback.text


def test_a_bare_feeling_word_counts_as_the_persons_own_feeling(analyse, rng, scenario):
    feedback = feedback_for("own_feeling", "sad", analyse("sad"), set(), rng, scenario=scenario)
    assert feedback.kind == "reflection" and feedback.validated
    assert feedback.invited != "self_mind"
    assert "even one feeling word" not in feedback.text.lower()


def test_a_reported_dismissal_is_never_echoed_and_not_taken_for_hostility(analyse, rng, scenario):
    text = "She told me to go away and I felt hurt."
    analysis = analyse(text)
    feedback = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario)
    assert feedback.kind == "reflection" and not feedback.repaired
    assert "go away" not in feedback.text.lower()
    assert "isn't landing" not in feedback.text


def test_self_criticism_is_not_praised(analyse, rng, scenario):
    text = "I probably seemed needy to her."
    analysis = analyse(text)
    assert analysis.self_criticism
    feedback = feedback_for("their_view_of_me", text, analysis, set(), rng, scenario=scenario)
    assert not feedback.praised and not feedback.quotes


def test_an_action_only_reading_closed_off_is_not_praised(analyse, rng, scenario):
    text = "He was late because of the traffic, that's it."
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
    assert not feedback.praised
    assert "traced an action" not in feedback.text


def test_praise_is_sparing(analyse, scenario):
    text = "Maybe she was tired, or maybe she was worried about work."
    analysis = analyse(text)
    seen: set[str] = set()
    first = feedback_for("other_mind", text, analysis, seen, random.Random(1), scenario=scenario)
    assert first.praised
    every = feedback_catalogue().praise_every
    soon = feedback_for("other_mind", text, analysis, seen, random.Random(2), scenario=scenario,
                        pace=Pace(answers=1, praised_at=0))
    assert not soon.praised
    later = feedback_for("other_mind", text, analysis, seen, random.Random(3), scenario=scenario,
                         pace=Pace(answers=every, praised_at=0))
    assert later.praised


def test_challenges_are_capped(analyse, scenario):
    text = "I know she hates me."
    analysis = analyse(text)
    first = feedback_for("other_mind", text, analysis, set(), random.Random(1), scenario=scenario,
                         pace=Pace(step_index=1))
    assert first.challenged
    again = feedback_for("their_view_of_me", text, analysis, set(), random.Random(1), scenario=scenario,
                         pace=Pace(step_index=3, challenged_at=1))
    assert not again.challenged and "?" not in again.text


def test_hostility_is_noticed_at_once_with_the_scenarios_readings_as_choices(analyse, rng, scenario):
    text = "this is pointless"
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.reply_kind == "repair"
    repair = feedback_catalogue().repair
    fields = scenario.other.fields()
    said = set(sentences(feedback.text))
    assert said & _said(repair.notice, fields) and said & _said(repair.own_part, fields)
    assert sum(reading.rstrip(".").lower()[5:] in feedback.text.lower() for reading in scenario.readings) >= 2
    assert "pointless" not in feedback.text


def test_two_flat_answers_in_a_row_are_noticed(analyse, rng, scenario):
    seen: set[str] = set()
    first = feedback_for("other_mind", "idk", analyse("idk"), seen, rng, scenario=scenario)
    assert first.kind == "too_short" and first.low
    second = feedback_for("other_mind", "meh", analyse("meh"), seen, rng, scenario=scenario,
                          pace=Pace(answers=1, low_before=True))
    assert second.repaired


def _run(exercise, answers, seed=3):
    rng = random.Random(seed)
    reply = exercise.start("scenario", [], rng)
    said: list[str] = list(reply.messages)
    state = reply.state
    replies = []
    for text in answers:
        asked = exercise.ask(state, rng)
        said += asked.messages
        reply = exercise.answer(asked.state, text, rng, question=(asked.messages or [""])[0])
        said += reply.messages
        replies.append(reply)
        state = reply.state
        if reply.finished:
            break
    return said, replies


def test_ten_one_word_answers_never_repeat_a_sentence_and_the_rupture_is_named():
    said, replies = _run(MentalizingExercise(), ["no"] * 10)
    all_sentences = [s for text in said for s in sentences(text)]
    assert len(all_sentences) == len(set(all_sentences))
    repair = feedback_catalogue().repair
    notices = {s for v in repair.notice for s in sentences(v)}
    assert any(set(sentences(m)) & notices for r in replies for m in r.messages)
    too_short = {s for v in feedback_catalogue().too_short for s in sentences(v)}
    asked_for_more = sum(1 for r in replies for m in r.messages if set(sentences(m)) & too_short)
    assert asked_for_more <= 2


def test_a_person_who_disengages_and_comes_back_is_welcomed_and_goes_on():
    said, replies = _run(MentalizingExercise(), [
        "I felt a bit hurt.", "this is pointless", "maybe she was overwhelmed at work", "I guess I seemed upset."])
    assert replies[1].messages and "another scenario" in replies[1].messages[0]
    back = replies[2].messages[0]
    welcome = {s for v in feedback_catalogue().repair.welcome_back for s in sentences(v)}
    assert set(sentences(back)) & welcome
    assert not replies[2].finished


def test_no_request_for_another_reading_right_after_one_was_offered():
    exercise = MentalizingExercise()
    said, replies = _run(exercise, [
        "I felt hurt and a bit stupid.", "Maybe she was tired, or maybe she was worried about work."], seed=5)
    alternatives = {s for v in questions().steps["other_alternatives"] for s in sentences(v)}
    follow = exercise.ask(replies[-1].state, random.Random(1))
    assert not set(sentences(" ".join(follow.messages))) & alternatives


def test_the_alternatives_question_presumes_no_guess_and_no_earlier_answer():
    for variant in questions().steps["other_alternatives"]:
        assert "first guess" not in variant and "one possibility" not in variant.lower()
    assert not any("honest place to start" in v for v in feedback_catalogue().no_finding)


def test_the_closing_never_holds_up_self_criticism_or_a_reported_dismissal(analyse, scenario):
    from bot.exercises.contract import AnsweredTurn
    from bot.exercises.mentalizing import Turn, closing_summary
    from bot.exercises.mentalizing.record import from_annotation, to_annotation

    answers = [("their_view_of_me", "I probably seemed needy to her."),
               ("other_mind", "She told me to go away and I felt hurt.")]
    turns = []
    for step, text in answers:
        analysis = analyse(text)
        feedback = feedback_for(step, text, analysis, set(), random.Random(1), scenario=scenario)
        turn = Turn.record(step, "q", text, analysis, feedback)
        assert turn.not_to_quote
        turns.append(from_annotation(AnsweredTurn(to_annotation(turn), text, "q")))  # as the store keeps it
    for seed in range(5):
        closing = closing_summary(turns, scenario, random.Random(seed), set())
        assert "needy" not in closing and "go away" not in closing


def test_no_question_is_stacked_on_top_of_the_repairs_choices():
    exercise = MentalizingExercise()
    # The rupture comes as the answer to a follow-up, then again after a retry: both times the
    # choices are the last thing the person reads.
    said, replies = _run(exercise, ["I felt a bit hurt.", "this is pointless", "maybe she was overwhelmed at work",
                                    "idk", "whatever"])
    for reply in (replies[1], replies[4]):
        assert "another scenario" in reply.messages[-1]
        assert exercise.ask(reply.state, random.Random(1)).messages == []
