"""Repair rubric: per-label floors on Attune's own repair set, and the cases a word list gets wrong.

Runs the real spaCy pipeline. Floors sit just under what bench/eval_repair.py measured on
tests/data/repair.jsonl: the dev and test splits only. The blind portion is never asserted on row
by row or tuned to; bench/eval_repair.py prints its aggregates.
"""
from __future__ import annotations

import json

import pytest

from bench.eval_repair import KEYWORDS, attune_labels, load, macro_f1, per_label
from bot.analysis.repair import analyze_repair
from bot.nlp import load_nlp

# Measured 2026-11-30 on the 196 dev and test attempts (F1 of "present"); each floor sits just under it.
MIN_F1_ALL = {
    "expression_of_regret": 0.92,            # measured 0.950
    "explanation": 0.92,                     # 0.955
    "acknowledgement_of_responsibility": 0.93,  # 0.964
    "declaration_of_repentance": 0.84,       # 0.880
    "offer_of_repair": 0.82,                 # 0.857
    "request_for_forgiveness": 0.95,         # 1.000
    "names_specific_moment": 0.89,           # 0.921
    "curiosity_about_other": 0.91,           # 0.947
    "reflects_other_feeling": 0.89,          # 0.927
    "i_statement": 0.95,                     # 1.000
    "next_step": 0.94,                       # 0.980
    "non_apology": 0.89,                     # 0.923
    "sorry_but": 0.95,                       # 1.000
    "blame": 0.95,                           # 0.984
    "contempt": 0.84,                        # 0.880
    "defensiveness": 0.92,                   # 0.955
    "minimising": 0.93,                      # 0.968
    "stonewalling": 0.85,                    # 0.889
    "self_abasement": 0.95,                  # 1.000 (11 dev attempts)
}
# Macro-F1 over labels: test split (51 attempts) measured 0.890 (keyword baseline 0.576), dev (145
# attempts) 0.971 (keyword baseline 0.489).
MIN_MACRO_F1 = {"test": 0.86, "dev": 0.95}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def repair(nlp, text: str):
    return analyze_repair(nlp(text))


def test_data_set_shape():
    rows = load()
    assert len(rows) >= 240
    tuned = [r for r in rows if r["split"] != "blind"]
    assert 0.25 <= sum(r["split"] == "test" for r in tuned) / len(tuned) <= 0.35
    blind = load("blind")
    assert len(blind) >= 45
    assert {r["class"] for r in blind} == {"blame_after_concession", "self_abasement", "other_blocker", "clean"}
    assert {r["relationship"] for r in rows} == {"partner", "friend", "parent", "colleague", "child"}
    used = {label for r in rows for label in r["components"] + r["blockers"]}
    assert used == set(KEYWORDS), "every component and blocker is labelled somewhere"
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.fixture(scope="module")
def all_scores():
    rows = [r for r in load() if r["split"] != "blind"]
    return per_label(rows, attune_labels(rows))


@pytest.mark.parametrize("label", sorted(MIN_F1_ALL))
def test_per_label_floor(all_scores, label):
    assert all_scores[label].f1 >= MIN_F1_ALL[label], all_scores[label]


@pytest.mark.parametrize("split", ["test", "dev"])
def test_macro_f1_floor_and_beats_keywords(split):
    rows = load(split)
    from bench.eval_repair import keyword_labels

    attune = macro_f1(per_label(rows, attune_labels(rows)))
    keywords = macro_f1(per_label(rows, keyword_labels(rows)))
    assert attune >= MIN_MACRO_F1[split]
    assert attune >= keywords + 0.2


def test_sorry_you_feel_that_way_is_a_non_apology_not_regret(nlp):
    result = repair(nlp, "I'm sorry you feel that way.")
    assert "non_apology" in result.blocker_names()
    assert "expression_of_regret" not in result.component_names()


def test_sorry_but_you_is_sorry_but_and_blame(nlp):
    result = repair(nlp, "Sorry, but you were the one who started shouting.")
    assert {"sorry_but", "blame"} <= result.blocker_names()
    assert "expression_of_regret" not in result.component_names()


def test_sorry_for_a_deed_then_but_keeps_the_regret_and_flags_the_but(nlp):
    result = repair(nlp, "I'm sorry I shouted, but I was exhausted.")
    assert "expression_of_regret" in result.component_names()
    assert "sorry_but" in result.blocker_names()


@pytest.mark.parametrize("text", ["I'm not sorry.", "You should be sorry.", "She's sorry, apparently."])
def test_regret_needs_the_speaker_and_no_negation(nlp, text):
    assert "expression_of_regret" not in repair(nlp, text).component_names()


def test_negated_fault_is_defensiveness_not_responsibility(nlp):
    result = repair(nlp, "It wasn't my fault, I was only trying to help.")
    assert "acknowledgement_of_responsibility" not in result.component_names()
    assert "defensiveness" in result.blocker_names()


@pytest.mark.parametrize("text", [
    "I was wrong to say that.",
    "That was my fault.",
    "I shouldn't have read your messages.",
    "I'm sorry I forgot to pick you up.",
])
def test_first_person_ownership_is_responsibility(nlp, text):
    assert "acknowledgement_of_responsibility" in repair(nlp, text).component_names()


def test_you_as_subject_of_always_is_blame(nlp):
    assert "blame" in repair(nlp, "You never listen to a word I say.").blocker_names()


def test_key_component_summary(nlp):
    both = repair(nlp, "I was wrong and I'm sorry. What can I do to make it right?").summary
    assert both == {"acknowledgement_of_responsibility": True, "offer_of_repair": True, "both_key_components": True}
    neither = repair(nlp, "Whatever. I'm done talking.").summary
    assert neither["both_key_components"] is False and neither["offer_of_repair"] is False


def test_a_future_plan_is_not_the_moment_of_the_rupture(nlp):
    assert "names_specific_moment" not in repair(nlp, "Can I take you out for lunch on Saturday?").component_names()
    assert "names_specific_moment" in repair(nlp, "I snapped at you at dinner on Saturday.").component_names()


def test_curly_apostrophes_match_like_straight_ones(nlp):
    result = repair(nlp, "I’m sorry you feel that way. It won’t happen again.")
    assert "non_apology" in result.blocker_names()
    assert "declaration_of_repentance" in result.component_names()


def test_evidence_offsets_quote_the_text(nlp):
    text = "Honestly, I'm so sorry I yelled at you last night. That was my fault."
    result = repair(nlp, text)
    assert result.components
    for finding in result.components + result.blockers:
        assert finding.explanation
        for evidence in finding.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            assert evidence.marker == finding.name


@pytest.mark.parametrize("text", [
    "",
    "   \n\t ",
    "😢😢😢🙏",
    "sorry " * 2500,
    "Lo siento mucho, fue mi culpa y no volverá a pasar nunca más.",
    "<script>alert('sorry')</script> DROP TABLE users; --",
    "I'm sorry\x00\x07 I\x1b[31m shouted",
    "我很抱歉，这是我的错。",
])
def test_bad_input_gets_a_clear_result(nlp, text):
    result = repair(nlp, text)
    json.dumps(result.to_dict())  # serialisable all the way down
    assert set(result.summary) == {"acknowledgement_of_responsibility", "offer_of_repair", "both_key_components"}


def test_other_languages_are_marked_unsupported_not_guessed(nlp):
    result = repair(nlp, "Lo siento mucho, fue mi culpa y no volverá a pasar nunca más.")
    assert result.language_supported is False
    assert not result.components and not result.blockers


@pytest.mark.parametrize("text, absent", [
    ("I was tired, but it wasn't your fault.", "blame"),
    ("Take whatever time you need.", "stonewalling"),
    ("I'm sorry I'm not perfect like your ex.", "expression_of_regret"),
    ("I miss you.", "acknowledgement_of_responsibility"),
    ("Oh, so now it's all my fault?", "acknowledgement_of_responsibility"),
])
def test_look_alikes_that_are_not_the_finding(nlp, text, absent):
    result = repair(nlp, text)
    assert absent not in result.component_names() | result.blocker_names()


@pytest.mark.parametrize("text, present", [
    ("my bad, won't happen again", "acknowledgement_of_responsibility"),
    ("Whatever.", "stonewalling"),
    ("I drank too much and embarrassed you.", "acknowledgement_of_responsibility"),
    ("I felt hurt when you left without saying goodbye.", "i_statement"),
])
def test_parse_finds_what_word_lists_miss(nlp, text, present):
    result = repair(nlp, text)
    assert present in result.component_names() | result.blocker_names()


# --- blame dressed as an apology: the ownership before "but" is taken back ----------------------

@pytest.mark.parametrize("text", [
    "I was wrong to snap at you, but you did start it.",
    "I know I shouldn't have hung up on you, but you kept interrupting me.",
    "My fault for being late, though you could have texted me the new time.",
    "I lost it with you. Then again, you were goading me all evening.",
    "I raised my voice because you wouldn't stop criticising me.",
])
def test_ownership_then_blame_is_blame_and_not_ownership(nlp, text):
    result = repair(nlp, text)
    assert "blame" in result.blocker_names()
    assert "acknowledgement_of_responsibility" not in result.component_names()
    assert result.summary["acknowledgement_of_responsibility"] is False


@pytest.mark.parametrize("text", [
    "I was wrong to snap at you, but you did start it.",
    "I'm sorry I shouted at you, though you know how you wind me up.",
])
def test_a_concession_that_blames_takes_the_apology_back(nlp, text):
    assert {"blame", "sorry_but"} <= repair(nlp, text).blocker_names()


@pytest.mark.parametrize("text", [
    "I was wrong to snap at you, but you didn't deserve any of it.",
    "I was short with you at lunch, but it had nothing to do with anything you did.",
    "I was wrong to snap at you, and I'd like to hear how it was for you.",
    "I was wrong to snap at you, but I want to make it right.",
    "I snapped at you because I was exhausted, and that's no excuse.",
])
def test_ownership_with_a_but_that_takes_nothing_back_stands(nlp, text):
    result = repair(nlp, text)
    assert "acknowledgement_of_responsibility" in result.component_names()
    assert "blame" not in result.blocker_names()


@pytest.mark.parametrize("text", [
    "I'm sorry I missed your call, but you matter a lot to me.",
    "I'm sorry I snapped, but how did it feel for you?",
    "I'm sorry I snapped, but I want to put it right.",
])
def test_sorry_for_a_deed_then_reassurance_a_question_or_a_repair_is_not_taken_back(nlp, text):
    result = repair(nlp, text)
    assert "sorry_but" not in result.blocker_names()
    assert "expression_of_regret" in result.component_names()


# --- fawning and over-responsibility --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'm sorry, I'm sorry, I'm a terrible person, I'll do anything.",
    "Sorry. Sorry. I'm so sorry.",
    "I'm a useless husband and I always ruin everything.",
    "I'll do whatever you want, just please don't leave me.",
    "Everything is my fault, it always has been.",
])
def test_fawning_is_self_abasement(nlp, text):
    assert "self_abasement" in repair(nlp, text).blocker_names()


def test_fawning_earns_no_key_component(nlp):
    result = repair(nlp, "I'm sorry, I'm sorry, I'm a terrible person, I'll do anything to make it up to you.")
    assert "offer_of_repair" not in result.component_names()
    assert "i_statement" not in result.component_names()
    assert result.summary["both_key_components"] is False


@pytest.mark.parametrize("text", [
    "I'm sorry. I'm sorry I made fun of you in front of them.",
    "I'm really, really sorry I forgot to call you back.",
    "I was a lousy friend last week and I know it.",
    "I'll do whatever it takes to earn back your trust.",
    "Is there anything I can do to make it up to you?",
    "Oh, so now it's all my fault?",
])
def test_proportionate_ownership_is_not_self_abasement(nlp, text):
    assert "self_abasement" not in repair(nlp, text).blocker_names()


def test_specific_ownership_survives_beside_self_abasement(nlp):
    result = repair(nlp, "I'm sorry I broke your mug. I'm the worst.")
    assert "self_abasement" in result.blocker_names()
    assert "acknowledgement_of_responsibility" in result.component_names()


def test_insulting_oneself_is_not_contempt_for_the_other(nlp):
    assert "contempt" not in repair(nlp, "I'm pathetic, honestly.").blocker_names()
    assert "contempt" in repair(nlp, "You're pathetic, honestly.").blocker_names()


# --- the other blockers, in new words ------------------------------------------------------------

@pytest.mark.parametrize("text, blocker", [
    ("Sorry if you misunderstood what I meant.", "non_apology"),
    ("You need to toughen up, it was nothing.", "minimising"),
    ("Don't try to make me the bad guy here.", "defensiveness"),
    ("I'm not going to apologise for telling the truth.", "defensiveness"),
    ("Oh sure, because you're so perfect.", "contempt"),
    ("You're overreacting, as usual.", "blame"),
    ("I'm done talking about this.", "stonewalling"),
])
def test_other_blockers_in_new_words(nlp, text, blocker):
    assert blocker in repair(nlp, text).blocker_names()


def test_a_negated_request_is_not_a_request_for_forgiveness(nlp):
    assert "request_for_forgiveness" not in repair(
        nlp, "I was wrong, and you don't have to forgive me today.").component_names()
    assert "request_for_forgiveness" in repair(nlp, "Can you forgive me?").component_names()
