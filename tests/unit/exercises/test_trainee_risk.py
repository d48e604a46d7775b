"""Risk-assessment practice: simulated clients who disclose thoughts of suicide, the reading of a
trainee's risk questions (direct and calm about suicide, plan, means and safety; not leading, not a
no-harm contract), the client's answers, the feedback per turn and at the end, and the safety net:
a trainee's questions to the simulated client are not a disclosure, the trainee's own words are."""
from __future__ import annotations

import random

import pytest

from bot.analysis.risk import assess_risk_text
from bot.exercises.trainee.declaration import RISK_MISSTEP, RISK_TOPIC_SCORES
from bot.exercises.trainee.exercise import TraineeExercise, choose_client
from bot.exercises.trainee.library import client_by_id, clients, feedback_catalogue
from bot.exercises.trainee.risk_questions import read_risk_question
from bot.exercises.trainee.schema import RISK_TOPICS
from tests.unit.exercises.trainee_sessions import run, session_with

WARM = "That sounds like a hard time. What has it been like for you?"
DIRECT = {
    "ideation": "Are you having thoughts of killing yourself?",
    "plan": "Have you thought about how you would do it?",
    "means": "Do you have access to pills or anything you've thought of using?",
    "safety": "Could we make a safety plan together: who could you call on a bad night?",
}
LEADING = "You're not thinking of doing anything silly, are you?"
CONTRACT = "Can you promise me you won't hurt yourself before we next meet?"
VAGUE = "Are you safe?"
ALARMED = "Oh my god, are you thinking about suicide?!"


@pytest.fixture(scope="module")
def engine():
    return TraineeExercise()


def client_said(reply) -> str:
    return next(m.split(": ", 1)[1] for m in reply.messages if "(simulated client): " in m)


@pytest.mark.parametrize(("prompt", "topics", "move"), [
    (DIRECT["ideation"], ("ideation",), "direct"),
    ("Have you been having thoughts of ending your life?", ("ideation",), "direct"),
    (DIRECT["plan"], ("plan",), "direct"),
    (DIRECT["means"], ("means",), "direct"),
    (DIRECT["safety"], ("safety",), "direct"),
    ("Are you thinking of suicide, and do you have a plan?", ("ideation", "plan"), "direct"),
    (LEADING, (), "leading"),
    ("You wouldn't kill yourself, would you?", ("ideation",), "leading"),
    (CONTRACT, (), "contract"),
    ("Will you agree not to kill yourself?", ("ideation",), "contract"),
    (VAGUE, (), "vague"),
    (ALARMED, ("ideation",), "alarm"),
    (WARM, (), "none"),
])
def test_the_risk_reading_of_written_questions(prompt, topics, move):
    reading = read_risk_question(prompt)
    assert reading.topics == topics and reading.move == move
    assert reading.direct == (move == "direct")


def test_the_marks_keep_the_words_that_earned_them():
    prompt = "You're not thinking of doing anything silly, are you?"
    spans = read_risk_question(prompt).spans
    assert {s.marker for s in spans} == {"leading"}
    assert any(prompt[s.start:s.end].lower().startswith("you're not thinking") for s in spans)


def test_risk_practice_meets_only_clients_who_disclose_and_ordinary_practice_never_does():
    rng = random.Random(1)
    risky = {c.id for c in clients() if c.risk is not None}
    assert {c.risk.kind for c in clients() if c.risk is not None} == {"veiled", "explicit"}
    assert {choose_client([], rng, risk=True).id for _ in range(20)} == risky
    assert not {choose_client([], rng).id for _ in range(40)} & risky
    reply = TraineeExercise().start("risk", None, rng)
    assert reply.state["client_id"] in risky and "suicide" in reply.messages[0]
    assert "real client material" in reply.messages[0]


@pytest.mark.parametrize("client_id", ["rob_veiled_risk", "ellie_explicit_risk"])
def test_the_client_discloses_on_time_and_the_moment_is_named_after_their_words(engine, client_id):
    client = client_by_id(client_id)
    after = client.risk.disclose_after
    _, replies, turns = run(engine, session_with(client_id), [WARM] * after)
    disclosing = replies[after - 1]
    assert client_said(disclosing) == client.risk.disclosure.text
    assert all(client_said(r) != client.risk.disclosure.text for r in replies[:after - 1])
    cue = disclosing.messages[-1]
    assert "suicide" in cue and client.risk.ask["ideation"] in cue  # after the client's line
    assert disclosing.messages.index(cue) > next(i for i, m in enumerate(disclosing.messages) if "(simulated client)" in m)
    assert turns[after - 1].annotation.result["risk"]["client"] == "disclosed"


def test_a_misattuned_prompt_delays_the_disclosure(engine):
    _, replies, _ = run(engine, session_with("ellie_explicit_risk"), ["You should just get over him.", WARM])
    disclosure = client_by_id("ellie_explicit_risk").risk.disclosure.text
    assert client_said(replies[0]) != disclosure and client_said(replies[1]) == disclosure


def test_direct_calm_questions_are_answered_topic_by_topic_and_scored(engine):
    client = client_by_id("rob_veiled_risk")
    prompts = [WARM, WARM] + [DIRECT[t] for t in RISK_TOPICS]
    state, replies, turns = run(engine, session_with(client.id), prompts)
    for topic, reply, turn in zip(RISK_TOPICS, replies[2:], turns[2:]):
        assert client_said(reply) == client.risk.answers[topic].text
        assert turn.annotation.scores[RISK_TOPIC_SCORES[topic].name] == 1
        assert turn.annotation.scores[RISK_MISSTEP.name] == 0
        assert f'"{DIRECT[topic]}"' in reply.messages[0]  # the feedback quotes the prompt
    assert state["covered"] == list(RISK_TOPICS)
    marks = {(e["marker"], e["text"].lower()) for t in turns for e in t.annotation.evidence}
    assert ("asked_ideation", "killing yourself") in marks and ("asked_safety", "safety plan") in marks
    assert ("asked_plan", "how you would") in marks


@pytest.mark.parametrize("prompt", [LEADING, CONTRACT, VAGUE, ALARMED])
def test_leading_promise_seeking_vague_or_alarmed_questions_get_a_deflection_not_the_truth(engine, prompt):
    client = client_by_id("ellie_explicit_risk")
    state, replies, turns = run(engine, session_with(client.id), [WARM, prompt])
    assert client_said(replies[1]) in client.risk.deflect
    assert state["covered"] == []
    missteps = turns[1].annotation.scores[RISK_MISSTEP.name]
    assert missteps == (0 if prompt == VAGUE else 1)
    assert turns[1].annotation.scores["trainee_risk_asked_suicide"] == 0
    if prompt == CONTRACT:
        assert "promise" in replies[1].messages[0] and "contract" in replies[1].messages[0]


def test_a_screening_question_before_any_hint_brings_the_disclosure_at_once(engine):
    client = client_by_id("rob_veiled_risk")
    state, replies, turns = run(engine, session_with(client.id), [DIRECT["ideation"]])
    assert client_said(replies[0]) == client.risk.answers["ideation"].text
    assert state["disclosed"] and turns[0].annotation.scores["trainee_risk_asked_suicide"] == 1


def test_moving_past_a_disclosure_is_named_with_the_direct_question_to_ask(engine):
    client = client_by_id("ellie_explicit_risk")
    _, replies, turns = run(engine, session_with(client.id), [WARM, "What are your lectures like at the moment?"])
    line = replies[1].messages[0]
    assert '"What are your lectures like at the moment?"' in line and "suicide" in line
    assert turns[1].annotation.result["move"] == "risk_none"


def test_the_end_names_what_was_asked_what_was_not_and_the_missteps_in_words(engine):
    client = client_by_id("ellie_explicit_risk")
    prompts = [WARM, DIRECT["ideation"], LEADING, DIRECT["plan"], CONTRACT, WARM]
    state, _, turns = run(engine, session_with(client.id), prompts)
    closing = " ".join(engine.close(state, turns, None, random.Random(2)).messages)
    names = feedback_catalogue().risk.topic_names
    assert names["ideation"] in closing and names["plan"] in closing
    assert names["means"] in closing and names["safety"] in closing  # named as still to ask
    assert "promise" in closing and "leading" in closing
    assert not any(ch.isdigit() for ch in closing)
    assert "attuned work" not in closing and "Keep doing what you did" not in closing  # no praise beside a misstep
    view = engine.summary(turns, state)["risk"]
    assert view["topics"]["ideation"] == {"asked": True, "step": "turn_2", "prompt": DIRECT["ideation"]}
    assert view["unasked"] == ["means", "safety"] and view["disclosed_at"] == "turn_1"
    assert [m["prompt"] for m in view["missteps"]] == [LEADING, CONTRACT]


def test_held_feedback_and_the_teaching_moment_come_at_the_end_on_the_quiet_path(engine):
    client = client_by_id("ellie_explicit_risk")
    state, replies, turns = run(engine, session_with(client.id, feedback=False), [WARM, DIRECT["ideation"]])
    assert all(len(r.messages) == 1 for r in replies)  # the client's words only
    closing = engine.close(state, turns, None, random.Random(2)).messages
    assert any(client.risk.ask["ideation"] in m and "suicide" in m for m in closing)


def test_an_ordinary_client_gets_no_risk_scores(engine):
    _, _, turns = run(engine, session_with("sam_plain"), [DIRECT["ideation"]])
    assert not set(turns[0].annotation.scores) & {s.name for s in RISK_TOPIC_SCORES.values()}
    assert "risk" not in turns[0].annotation.result


# The safety net: the trainee's questions and reflections put to the simulated client are set
# aside by the detector (attune_rasa/risk_detector.py over bot/analysis/risk.py); a trainee's own
# disclosure is not.
TRAINEE_TO_CLIENT = [
    DIRECT["ideation"], DIRECT["plan"], DIRECT["means"], DIRECT["safety"], LEADING, CONTRACT,
    "Have you been thinking about taking your own life?",
    "Have you ever tried to kill yourself before?",
    "It sounds like you've been thinking about dying.",  # a reflection of the client's words
    "You said you've been saving up pills. Where are they now?",
    "What stops you from acting on the thoughts of killing yourself?",
    "It sounds lonely. What goes through your mind at night?",
] + [q for c in clients() if c.risk is not None for q in c.risk.ask.values()]


@pytest.mark.parametrize("prompt", TRAINEE_TO_CLIENT)
def test_a_trainee_asking_the_simulated_client_about_suicide_is_not_screened_as_a_disclosure(prompt):
    assert assess_risk_text(prompt).outcome == "none"


@pytest.mark.parametrize("prompt", [
    "Honestly I've been thinking about killing myself lately.",
    "I want to die.",
    "I keep thinking about ending my life, if I'm honest.",
    "It sounds like I want to die, doesn't it?",
    "Sometimes you just want to die, you know?",  # a generic "you" with no reflection opener
    "What would you do if I killed myself?",
])
def test_a_trainee_s_own_disclosure_is_still_flagged(prompt):
    assert assess_risk_text(prompt).outcome == "flag"


def test_another_client_in_risk_practice_is_the_other_client_who_carries_risk(engine):
    swapped = engine.swap(session_with("rob_veiled_risk"), None, random.Random(4))
    assert swapped.state["client_id"] == "ellie_explicit_risk"
    assert swapped.state["disclosed"] is False and swapped.state["covered"] == []
    ordinary = engine.swap(session_with("sam_plain"), None, random.Random(4))
    assert client_by_id(ordinary.state["client_id"]).risk is None


def test_a_risk_session_leaves_room_for_every_topic_after_a_misstep(engine):
    """Two warm prompts, the disclosure, a leading misstep, then each topic: the session is still
    running when the fourth topic is asked (so the feedback's 'next, ask about...' can be followed),
    and ends once every topic has been answered."""
    state = session_with("rob_veiled_risk")
    prompts = [WARM, "It sounds like the nights are the hardest part. What goes through your mind then?",
               DIRECT["ideation"], LEADING, DIRECT["plan"], DIRECT["means"], DIRECT["safety"]]
    state, replies, turns = run(engine, state, prompts)
    assert not any(r.finished for r in replies[:-1])
    assert turns[-1].annotation.scores.get(RISK_TOPIC_SCORES["safety"].name) == 1
    assert replies[-1].finished  # every topic answered: the assessment is whole and the session closes
    ordinary = session_with("priya_upset")
    _, replies, _ = run(engine, ordinary, [WARM] * 6)
    assert replies[-1].finished  # an ordinary session keeps its six prompts
