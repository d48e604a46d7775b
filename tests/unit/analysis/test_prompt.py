"""Prompt rubric: floors on human-labelled AnnoMI and EPITOME data, pointed cases, and bad input.

Runs the real spaCy pipeline. The floors are measured on the held-out splits (30% of AnnoMI
transcripts, 30% of EPITOME posts) that were never used while tuning; bench/eval_annomi.py and
bench/eval_epitome.py print the full tables. They skip, saying why, where ../shared/eval is absent.
"""
from __future__ import annotations

import json

import pytest

from bench import eval_annomi, eval_epitome
from bench.evaldata import SHARED_EVAL
from bench.metrics import score
from bot.analysis.prompt import BEHAVIOURS, analyze_prompt
from bot.nlp import load_nlp

needs_shared_eval = pytest.mark.skipif(
    not (SHARED_EVAL / "annomi" / "dev.csv").is_file() or not (SHARED_EVAL / "epitome" / "dev.csv").is_file(),
    reason=f"the shared labelled data ({SHARED_EVAL}) is not on this machine",
)

# Measured 2026-11-23 on the held-out splits (never tuned on):
# AnnoMI open/closed accuracy 0.863 on 73 questions (wh-word keyword baseline 0.726; on the 363 dev
# questions 0.758, so the true figure is nearer 0.78); AnnoMI four-way macro-F1 0.590
# (keyword baseline 0.464); EPITOME explorations macro-F1 0.665 (baseline "?" -> 2: 0.531).
MIN_OPEN_CLOSED_ACCURACY = 0.85
MIN_BEHAVIOUR_MACRO_F1 = 0.57
MIN_EXPLORATION_MACRO_F1 = 0.63
MIN_MARGIN_OVER_BASELINE = 0.10


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def prompt(nlp, text: str, context: str | None = None):
    return analyze_prompt(nlp(text), context=context)


@pytest.fixture(scope="module")
def annomi_held_out():
    _, held_out = eval_annomi.load()
    return held_out, eval_annomi.attune_predictions(held_out)


@pytest.mark.eval
@needs_shared_eval
def test_annomi_open_closed_floor(annomi_held_out):
    rows, results = annomi_held_out
    pairs = [(r, p) for r, p in zip(rows, results)
             if r["main_behaviour"] == "question" and r["question_subtype"] in ("open", "closed")]
    attune = score([r["question_subtype"] for r, _ in pairs], [p.question_type or "closed" for _, p in pairs])
    assert len(pairs) > 60  # 73 held-out questions: the floor has a wide margin of error
    assert attune.accuracy >= MIN_OPEN_CLOSED_ACCURACY


@pytest.mark.eval
@needs_shared_eval
def test_annomi_four_way_floor_and_margin(annomi_held_out):
    rows, results = annomi_held_out
    gold = [r["main_behaviour"] for r in rows]
    attune = score(gold, [p.behaviour for p in results])
    baseline = score(gold, [eval_annomi.baseline_behaviour(r["therapist_text"]) for r in rows])
    assert attune.macro_f1 >= MIN_BEHAVIOUR_MACRO_F1
    assert attune.macro_f1 >= baseline.macro_f1 + MIN_MARGIN_OVER_BASELINE


@pytest.mark.eval
@needs_shared_eval
def test_epitome_exploration_floor_and_margin():
    _, rows = eval_epitome.load()
    results = eval_epitome.attune_predictions(rows)
    gold = [int(r["explorations"]) for r in rows]
    attune = score(gold, [p.exploration_level for p in results])
    baseline = score(gold, [eval_epitome.baseline("explorations", r["response_post"]) for r in rows])
    assert attune.macro_f1 >= MIN_EXPLORATION_MACRO_F1
    assert attune.macro_f1 >= baseline.macro_f1 + MIN_MARGIN_OVER_BASELINE


@pytest.mark.parametrize("text, question_type", [
    ("What was going on for you when she left?", "open"),
    ("How did that land for you?", "open"),
    ("Tell me more about that evening.", "open"),
    ("Can you tell me what happened next?", "open"),
    ("So, um, what do you make of it now?", "open"),
    ("Did you feel angry?", "closed"),
    ("Is he still living with you?", "closed"),
    ("How long have you been together?", "closed"),
])
def test_open_and_closed_questions(nlp, text, question_type):
    result = prompt(nlp, text)
    assert result.behaviour == "question"
    assert result.question_type == question_type


def test_a_statement_said_as_a_question_is_a_reflection(nlp):
    result = prompt(nlp, "So you've been feeling stuck?")
    assert result.behaviour == "reflection"
    assert result.question_type is None


def test_reflection_simple_or_complex_against_the_clients_words(nlp):
    client = "I keep missing my sister's calls."
    simple = prompt(nlp, "You keep missing her calls.", context=client)
    complex_ = prompt(nlp, "It sounds like part of you feels guilty, because she matters so much to you.",
                      context=client)
    assert simple.behaviour == complex_.behaviour == "reflection"
    assert simple.reflection_type == "simple"
    assert complex_.reflection_type == "complex"


def test_advice_is_therapist_input_and_flagged(nlp):
    result = prompt(nlp, "You should just tell him how you feel and leave if he won't listen.")
    assert result.behaviour == "therapist_input"
    assert "advice" in result.flag_names()


@pytest.mark.parametrize("text, flag", [
    ("Why did you do that?", "accusatory_why"),
    ("Don't you think you overreacted a bit?", "leading_question"),
    ("The real reason you're angry is your mother.", "interpretation_as_fact"),
    ("I wonder what she might have been feeling.", "not_knowing_stance"),
    ("That makes sense, anyone would be hurt by that.", "validation"),
    ("What did you feel when he didn't call?", "aimed_at_mental_states"),
    ("How are you? What happened? Did he call you back?", "several_questions"),
])
def test_flags(nlp, text, flag):
    assert flag in prompt(nlp, text).flag_names()


def test_a_plain_factual_question_is_not_aimed_at_mental_states(nlp):
    assert "aimed_at_mental_states" not in prompt(nlp, "What time did the bus leave?").flag_names()


def test_one_question_is_not_several(nlp):
    assert "several_questions" not in prompt(nlp, "What happened after that?").flag_names()


@pytest.mark.parametrize("text, level", [
    ("I hear you. That sounds really tough.", 0),
    ("What happened?", 1),
    ("How did you feel when your sister didn't call back on your birthday?", 2),
    ("Am I the only one who finds Mondays hard?", 0),
    ("Have you tried going for a run?", 0),
])
def test_exploration_levels(nlp, text, level):
    assert prompt(nlp, text).exploration_level == level


def test_emotional_reaction_and_interpretation_levels(nlp):
    assert prompt(nlp, "I'm so sorry you're going through this.").emotional_reaction_level == 2
    assert prompt(nlp, "Hang in there.").emotional_reaction_level == 1
    assert prompt(nlp, "I felt the same when my dad left, lonely and angry.").interpretation_level == 2
    assert prompt(nlp, "I understand.").interpretation_level == 1
    assert prompt(nlp, "The bus leaves at nine.").interpretation_level == 0


def test_evidence_offsets_quote_the_text(nlp):
    text = "Okay. So it sounds like you felt dismissed. What was that like for you?"
    result = prompt(nlp, text)
    spans = result.evidence + [e for f in result.flags for e in f.evidence] + result.exploration.evidence
    assert spans
    for evidence in spans:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize("text", [
    "",
    "  \n ",
    "🙂🙂🙂",
    "What do you feel? " * 700,
    "¿Qué sentiste cuando ella se fue? Cuéntame más, por favor.",
    "<b>Why</b> did you <script>alert(1)</script>?",
    "Tell me\x00 more\x1b[0m about\x07 it",
    "你当时有什么感觉？",
])
def test_bad_input_gets_a_clear_result(nlp, text):
    result = prompt(nlp, text, context="\x00" if text else None)
    assert result.behaviour in BEHAVIOURS
    assert result.explanation
    json.dumps(result.to_dict())


def test_other_languages_are_marked_unsupported(nlp):
    result = prompt(nlp, "¿Qué sentiste cuando ella se fue? Cuéntame más, por favor.")
    assert result.language_supported is False
    assert result.behaviour == "other" and not result.flags


# --- trainee prompts: Attune's own labelled set (bench/eval_trainee_prompts.py) ------------------

from bench import eval_trainee_prompts  # noqa: E402

# Measured 2026-11-30 on the 75 dev prompts (tuned on); the blind portion is reported by
# bench/eval_trainee_prompts.py in aggregate only and never asserted on.
MIN_DEV_FLAGS_MACRO_F1 = 0.95          # measured 0.989 (keyword baseline 0.677)
MIN_DEV_BEHAVIOUR_ACCURACY = 0.93      # measured 0.973
MIN_DEV_OPEN_CLOSED_ACCURACY = 0.93    # measured 0.972
MIN_DEV_INTERPRETATION_F1 = 0.95       # measured 1.000


@pytest.fixture(scope="module")
def trainee_dev():
    rows = eval_trainee_prompts.load("dev")
    return eval_trainee_prompts.figures(rows, eval_trainee_prompts.attune_predictions(rows))


def test_trainee_set_shape():
    rows = eval_trainee_prompts.load()
    assert len(rows) >= 120
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["split"] for r in rows} == {"dev", "blind"}
    assert len(eval_trainee_prompts.load("blind")) >= 50
    for row in rows:
        assert set(row["flags"]) <= set(eval_trainee_prompts.FLAGS)
        assert (row["question_type"] is not None) == (row["behaviour"] == "question")
        assert (row["reflection_type"] is not None) == (row["behaviour"] == "reflection")
    used = {f for r in eval_trainee_prompts.load("dev") for f in r["flags"]}
    assert used == set(eval_trainee_prompts.FLAGS), "every flag is labelled in the dev portion"


def test_trainee_dev_floors(trainee_dev):
    assert trainee_dev["flags macro-F1"] >= MIN_DEV_FLAGS_MACRO_F1
    assert trainee_dev["behaviour accuracy"] >= MIN_DEV_BEHAVIOUR_ACCURACY
    assert trainee_dev["open/closed accuracy (questions)"] >= MIN_DEV_OPEN_CLOSED_ACCURACY
    assert trainee_dev["F1 interpretation_as_fact"] >= MIN_DEV_INTERPRETATION_F1
    assert trainee_dev["interpretations as fact rated simple reflection"] == 0.0


# --- interpretations linking the present to the past, stated as fact -----------------------------

@pytest.mark.parametrize("text", [
    "You felt abandoned, just like when your father left.",
    "You get defensive with your boss because your dad never let you finish a sentence.",
    "That's why you can't say no: your mother punished you whenever you did.",
    "You're projecting your anger at your ex onto your new partner.",
    "It all goes back to your childhood; you never felt safe at home.",
    "He reminds you of your stepfather, so you freeze.",
])
def test_a_past_link_stated_as_fact_is_an_interpretation_not_a_simple_reflection(nlp, text):
    result = prompt(nlp, text)
    assert "interpretation_as_fact" in result.flag_names()
    assert result.reflection_type != "simple"
    assert "not_knowing_stance" not in result.flag_names()


@pytest.mark.parametrize("text", [
    "I wonder if it felt a little like when your father left.",
    "Could it be that this brings back something of how it was with your mum?",
    "Maybe some of this goes back to your childhood. What do you make of that?",
    "I might be wrong, but does he remind you of anyone?",
])
def test_the_same_link_offered_tentatively_is_not_knowing(nlp, text):
    result = prompt(nlp, text)
    assert "interpretation_as_fact" not in result.flag_names()
    assert "not_knowing_stance" in result.flag_names()


def test_a_hedge_does_not_soften_an_obvious_interpretation(nlp):
    result = prompt(nlp, "Maybe it's obviously because your mother was never there.")
    assert "interpretation_as_fact" in result.flag_names()
    assert "not_knowing_stance" not in result.flag_names()


def test_reflecting_the_link_the_client_made_is_not_an_interpretation(nlp):
    client = "It's just like when my dad walked out. I feel abandoned all over again."
    own = prompt(nlp, "It feels like when your dad walked out.", context=client)
    assert "interpretation_as_fact" not in own.flag_names()
    added = prompt(nlp, "It feels like when your mum walked out.", context=client)
    assert "interpretation_as_fact" in added.flag_names()


@pytest.mark.parametrize("text", [
    "You felt abandoned when he left for the weekend.",
    "You're angry because he promised to call and didn't.",
    "Your father left when you were nine.",
    "You're upset because your mum cancelled the visit.",
    "The parcel came from your sister.",
])
def test_present_reflections_without_a_past_link_are_not_interpretations(nlp, text):
    assert "interpretation_as_fact" not in prompt(nlp, text).flag_names()


def test_a_cause_in_the_past_or_a_figure_the_client_never_named_is_an_interpretation(nlp):
    assert "interpretation_as_fact" in prompt(
        nlp, "You're upset because your mum used to cancel on you as a child.").flag_names()
    client = "I get upset when plans change at the last minute."
    assert "interpretation_as_fact" in prompt(
        nlp, "You get upset because your mum cancelled on you.", context=client).flag_names()
    client = "My mum cancelled the visit again and I'm upset."
    assert "interpretation_as_fact" not in prompt(
        nlp, "You're upset because your mum cancelled.", context=client).flag_names()


# --- leading, accusatory why, advice, several questions in trainees' words -----------------------

@pytest.mark.parametrize("text, flag", [
    ("She was ignoring you on purpose, wasn't she?", "leading_question"),
    ("Surely that's not how you want to be treated?", "leading_question"),
    ("Why haven't you told him yet?", "accusatory_why"),
    ("What on earth were you thinking?", "accusatory_why"),
    ("You could write her a letter instead.", "advice"),
    ("Shouldn't you be resting more?", "advice"),
    ("What did he say, and how did you feel about it?", "several_questions"),
    ("Who was there, and did anyone step in?", "several_questions"),
])
def test_trainee_flags(nlp, text, flag):
    assert flag in prompt(nlp, text).flag_names()


@pytest.mark.parametrize("text, flag", [
    ("Why do you think she stayed away?", "accusatory_why"),
    ("Why don't you try asking her?", "accusatory_why"),
    ("What might she have been feeling, do you think?", "several_questions"),
    ("She walks off when you try to explain.", "advice"),
    ("You could see she was hurt.", "advice"),
    ("Don't you think he was just busy?", "aimed_at_mental_states"),
    ("What has it been like since she moved out?", "aimed_at_mental_states"),
])
def test_trainee_look_alikes_that_are_not_the_flag(nlp, text, flag):
    assert flag not in prompt(nlp, text).flag_names()
