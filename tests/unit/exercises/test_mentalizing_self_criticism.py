"""A person who is hard on themselves is met gently, never graded, and never quoted back as a
highlight (feedback.py, feedback.yml `meet_self_criticism`), with the real analysis."""
from __future__ import annotations

import random

from bot.exercises.contract import AnsweredTurn
from bot.exercises.mentalizing import ExerciseState
from bot.exercises.mentalizing.exercise import MentalizingExercise
from bot.exercises.mentalizing.library import feedback_catalogue

EXERCISE = MentalizingExercise()
HARSH = [
    "I felt stupid. I always overreact to everything, it's pathetic really.",
    "I'm just too needy, that's the whole problem with me.",
    "I probably seemed needy and annoying, like I always do.",
    "I'm useless at this kind of thing.",
    "She must think I'm completely useless.",
]


def _met(text: str) -> bool:
    return any(line in text for line in feedback_catalogue().meet_self_criticism)


def _session(answers: list[str], seed: int = 5):
    rng = random.Random(seed)
    state = ExerciseState()
    state.start_scenario("parent_advice_unasked")
    current, replies, turns = state.to_dict(), [], []
    for answer in answers:
        reply = EXERCISE.answer(current, answer, rng)
        replies.append(" ".join(reply.messages))
        turns.append(AnsweredTurn(reply.annotation, answer))
        current = reply.state
    return current, replies, turns


def test_a_harsh_word_about_oneself_is_met_and_not_praised():
    _, replies, turns = _session(HARSH[:1])
    assert _met(replies[0]), replies[0]
    feedback = turns[0].annotation.result["feedback"]
    assert feedback["eased"] and not feedback["praised"]
    assert "stupid" not in replies[0]  # the harsh word is not quoted back


def test_it_is_met_at_most_every_other_answer_and_never_in_the_same_words():
    _, replies, turns = _session(HARSH)
    eased = [t.annotation.result["feedback"]["eased"] for t in turns]
    assert eased[0] and not any(a and b for a, b in zip(eased, eased[1:]))
    said = [line for r in replies for line in feedback_catalogue().meet_self_criticism if line in r]
    assert len(said) == len(set(said)) == sum(eased)


def test_nothing_self_critical_is_praised_or_held_up_in_the_closing():
    state, replies, turns = _session(HARSH)
    assert not any(t.annotation.result["feedback"]["praised"] for t in turns)
    closing = EXERCISE.close(state, turns, [], random.Random(1)).messages[0]
    for harsh in ("stupid", "needy", "useless", "pathetic"):
        assert harsh not in closing, closing


def test_an_answer_without_self_criticism_is_not_eased():
    _, replies, turns = _session(["I felt hurt and a bit dismissed, like she wasn't really listening."])
    assert not turns[0].annotation.result["feedback"]["eased"] and not _met(replies[0])


def test_looking_inward_through_a_harsh_voice_is_not_named_as_a_skill():
    state = ExerciseState()
    state.start_scenario("friend_short_reply")
    state.step_index = 4  # "now": the step that invites looking back on oneself
    reply = EXERCISE.answer(state.to_dict(), "I'm just too needy, I know that about myself.", random.Random(2))
    assert not reply.annotation.result["feedback"]["praised"], reply.messages
    assert "I know that about myself" not in " ".join(reply.messages)


def test_a_choice_picked_with_a_hedge_is_not_praised_as_openness():
    state = ExerciseState()
    state.start_scenario("stranger_driver_horn")
    reply = EXERCISE.answer(state.to_dict(), "b probably. honestly I felt shaky and embarrassed, like everyone was staring at me",
                            random.Random(4))
    assert '"b probably"' not in " ".join(reply.messages), reply.messages
