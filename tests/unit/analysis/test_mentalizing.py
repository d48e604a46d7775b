"""Mentalizing analysis: floors on Attune's own labelled set, the parse-dependent cases a word list
gets wrong, the failure modes, the RF-style estimate and its explanation.

Runs the real spaCy pipeline. Floors sit just under what bench/eval_mentalizing.py measured on
tests/data/mentalizing.jsonl (160 utterances; the 69 of the "test" split were never tuned on, and
the last 24 of them were written after the rules were tuned).
"""
from __future__ import annotations

import json

import pytest

from bench.eval_mentalizing import baseline_band, family_f1, load_set
from bot.analysis.mentalizing import FAILURE_MODES, FAMILIES, MentalizingResult, analyze_mentalizing, rf_band
from bot.nlp import load_nlp

# Measured 2026-11-23 (F1 of "family present"); whole set / test split. Families with fewer than ten
# test examples are held on the whole set only.
MIN_FAMILY_F1_ALL = {
    "self_mind": 0.95,           # measured 0.981
    "other_mind": 0.94,          # 0.973
    "mental_state_term": 0.97,   # 0.996
    "opacity": 0.95,             # 1.000
    "causal_link": 0.93,         # 0.964
    "alternative": 0.90,         # 0.957
    "change_over_time": 0.82,    # 0.865
    "certainty": 0.95,           # 0.983
}
MIN_FAMILY_F1_TEST = {
    "self_mind": 0.92,           # 0.954
    "other_mind": 0.92,          # 0.950
    "mental_state_term": 0.96,   # 0.991
    "opacity": 0.95,             # 1.000
    "causal_link": 0.87,         # 0.905
    "certainty": 0.93,           # 0.966
}
# Whole set: psychic equivalence 0.923 (13 examples), teleological 0.947 (10), pretend 0.500 (3),
# hypermentalizing 1.000 (4).
MIN_MODE_F1_ALL = {"psychic_equivalence": 0.88, "teleological": 0.90, "pretend": 0.45, "hypermentalizing": 0.95}
# RF band accuracy: test 0.870 (keyword baseline 0.44), dev 0.956.
MIN_BAND_ACCURACY = {"test": 0.84, "dev": 0.93}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def analyse(nlp):
    return lambda text: analyze_mentalizing(nlp(text))


@pytest.fixture(scope="module")
def labelled(nlp):
    # The blind portion is measured by bench/eval_mentalizing.py alone, in aggregate: floors here are
    # tuned against, so they hold the dev and test splits only.
    rows = [r for r in load_set() if r["split"] != "blind"]
    return rows, [analyze_mentalizing(doc) for doc in nlp.pipe(r["text"] for r in rows)]


def test_labelled_set_is_large_enough_and_well_formed():
    rows = load_set()
    assert len(rows) >= 150
    assert len(load_set("test")) >= 60
    for row in rows:
        assert set(row["families"]) <= set(FAMILIES), row["id"]
        assert set(row["failure_modes"]) <= set(FAILURE_MODES), row["id"]
        assert row["band"] in {"negative", "absent", "low", "ordinary", "marked"}, row["id"]
    assert len({r["id"] for r in rows}) == len(rows)


def test_family_f1_floors_on_whole_set(labelled):
    rows, results = labelled
    table = family_f1(rows, [r.families() for r in results])
    for family, floor in MIN_FAMILY_F1_ALL.items():
        assert table[family][2] >= floor, f"{family}: F1 {table[family][2]:.3f} < {floor}"


def test_family_f1_floors_on_held_out_split(labelled):
    rows, results = labelled
    pairs = [(row, res) for row, res in zip(rows, results) if row["split"] == "test"]
    table = family_f1([p[0] for p in pairs], [p[1].families() for p in pairs])
    for family, floor in MIN_FAMILY_F1_TEST.items():
        assert table[family][2] >= floor, f"{family}: F1 {table[family][2]:.3f} < {floor}"


def test_failure_mode_floors(labelled):
    rows, results = labelled
    table = family_f1(rows, [r.modes() for r in results], FAILURE_MODES, "failure_modes")
    for mode, floor in MIN_MODE_F1_ALL.items():
        assert table[mode][2] >= floor, f"{mode}: F1 {table[mode][2]:.3f} < {floor}"


@pytest.mark.parametrize("split", ["test", "dev"])
def test_band_accuracy_floor_and_beats_keyword_baseline(labelled, split):
    rows, results = labelled
    pairs = [(row, res) for row, res in zip(rows, results) if row["split"] == split]
    accuracy = sum(row["band"] == res.rf_band for row, res in pairs) / len(pairs)
    baseline = sum(row["band"] == baseline_band(row["text"]) for row, _ in pairs) / len(pairs)
    assert accuracy >= MIN_BAND_ACCURACY[split]
    assert accuracy >= baseline + 0.25


# -- whose mind: the parse, not the word list ---------------------------------------------------------

def test_speaker_thinking_about_a_fact_is_not_the_other_persons_mind(analyse):
    result = analyse("I think he is late")
    assert "self_mind" in result.families()
    assert "other_mind" not in result.families()


def test_other_persons_belief_about_the_speaker_is_the_other_persons_mind(analyse):
    result = analyse("He thinks I don't care")
    assert "other_mind" in result.families()
    # a belief he holds says nothing about what the speaker actually feels
    assert "self_mind" not in result.families()


def test_a_factive_verb_keeps_the_speakers_own_state(analyse):
    result = analyse("She could tell I was upset.")
    assert {"self_mind", "other_mind"} <= result.families()


def test_seeming_and_looking_attribute_a_state_to_the_subject(analyse):
    for text in ("She seemed worried.", "He looked hurt when I laughed."):
        result = analyse(text)
        assert "other_mind" in result.families(), text
        assert "self_mind" not in result.families(), text


def test_part_of_me_is_the_speaker(analyse):
    result = analyse("Part of me was relieved and part of me felt abandoned.")
    assert "self_mind" in result.families()
    assert "other_mind" not in result.families()


def test_a_possessed_state_belongs_to_its_owner(analyse):
    mine = analyse("My feelings were hurt.")
    assert "self_mind" in mine.families() and "other_mind" not in mine.families()
    assert "other_mind" in analyse("Her fear grew all evening.").families()


def test_the_other_persons_belief_about_the_speaker_is_not_the_speakers_certainty(analyse):
    assert "psychic_equivalence" not in analyse("He thinks I don't care about him.").modes()
    assert "psychic_equivalence" in analyse("He doesn't care about me.").modes()


def test_feeling_words_used_as_actions_are_not_states(analyse):
    assert "other_mind" not in analyse("He rejected my offer and ignored my calls.").families()
    assert "other_mind" not in analyse("I just want him to say sorry.").families()


def test_intensifier_so_is_not_a_causal_link_but_a_joining_so_is(analyse):
    assert "causal_link" not in analyse("I was so angry.").families()
    assert "causal_link" in analyse("I was angry, so I left the room.").families()


def test_causal_link_needs_a_mental_state_on_one_side(analyse):
    assert "causal_link" not in analyse("The bus was late because of the snow.").families()
    result = analyse("He snapped because he was scared of losing the job.")
    assert "causal_link" in result.families()
    quoted = [m.evidence.text for m in result.markers if m.family == "causal_link"]
    assert any(q.startswith("because he was scared") for q in quoted)


def test_bare_dont_know_is_a_disavowal_but_not_knowing_what_she_felt_is_opacity(analyse):
    bare = analyse("I don't know.")
    assert bare.rf_estimate == 1 and "disavow" in bare.explanation
    curious = analyse("I don't know what she was feeling when she left.")
    assert {"opacity", "other_mind", "self_mind"} <= curious.families()


# -- failure modes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,mode", [
    ("I know she hates me.", "psychic_equivalence"),
    ("My boss obviously thinks I'm useless.", "psychic_equivalence"),
    ("If he cared he would have texted back.", "teleological"),
    ("He ignored me all evening, which proves he doesn't respect me.", "teleological"),
    ("It's simple: he left, so he never loved me.", "teleological"),
    ("The dynamics of our attachment patterns reflect a cognitive framework of projection and "
     "boundaries that I think we both understand intellectually.", "pretend"),
    ("She only said that because she wants me to feel guilty, so that her sister thinks she is the "
     "good one, and she knows I will give in because she planned it all along.", "hypermentalizing"),
])
def test_failure_modes_flagged_with_evidence(analyse, text, mode):
    result = analyse(text)
    flagged = {f.mode: f for f in result.failure_modes}
    assert mode in flagged
    assert flagged[mode].evidence and all(e.text for e in flagged[mode].evidence)
    assert result.rf_estimate <= 3
    assert mode.replace("_", " ") in result.explanation


@pytest.mark.parametrize("text", [
    "Maybe she hates me, or maybe she was just having an awful day.",
    "When I was a child I thought my father didn't love me because he was never home.",
    "He is always angry.",
    "Now that I have kids, I see he was trying to keep us afloat.",
])
def test_no_failure_mode_where_the_reading_is_held_lightly_or_reported(analyse, text):
    assert analyse(text).failure_modes == [], text


# -- the estimate ----------------------------------------------------------------------------------------

def test_estimate_rises_with_reflective_effort(analyse):
    plain = analyse("We went to the cinema and then we got a taxi home.")
    states = analyse("She was angry with me.")
    linked = analyse("She was angry with me because I forgot to call her back.")
    rich = analyse("Maybe she went quiet because she was embarrassed, or maybe she was just tired "
                   "after a long shift. I can't really know.")
    assert plain.rf_estimate < states.rf_estimate < linked.rf_estimate < rich.rf_estimate
    assert (plain.rf_band, states.rf_band, linked.rf_band, rich.rf_band) == ("absent", "low", "ordinary", "marked")


def test_hostile_refusal_is_minus_one(analyse):
    result = analyse("That's a stupid question.")
    assert result.rf_estimate == -1 and result.rf_band == "negative"
    assert "stupid question" in result.explanation


def test_explanation_names_the_markers_that_set_the_estimate(analyse):
    result = analyse("Perhaps he was hurt because I forgot his birthday.")
    assert result.explanation.startswith(f"RF-style estimate {result.rf_estimate} (")
    for family in ("opacity", "causal link", "other mind"):
        assert family in result.explanation
    assert "'Perhaps'" in result.explanation


def test_bands_follow_the_lexicon():
    assert [rf_band(n) for n in (-1, 1, 2, 3, 4, 5, 6, 7, 9)] == [
        "negative", "absent", "absent", "low", "low", "ordinary", "ordinary", "marked", "marked"]


def test_state_kinds_count_thoughts_wishes_and_feelings(analyse):
    kinds = analyse("I think she wanted me to stay, and I felt sad.").state_kinds
    assert kinds["thought"] >= 1 and kinds["wish"] >= 1 and kinds["feeling"] >= 1


# -- evidence and output -------------------------------------------------------------------------------

def test_every_evidence_span_points_at_its_text(labelled):
    rows, results = labelled
    for row, result in zip(rows, results):
        spans = [m.evidence for m in result.markers] + [e for f in result.failure_modes for e in f.evidence]
        for evidence in spans:
            assert row["text"][evidence.start:evidence.end] == evidence.text, row["id"]


def test_to_dict_is_json_and_follows_the_contract(analyse):
    data = json.loads(json.dumps(analyse("I wonder if my sister felt left out.").to_dict()))
    assert set(data) >= {"markers", "families", "failure_modes", "rf_estimate", "rf_band", "explanation",
                         "language_supported", "state_kinds"}
    marker = data["markers"][0]
    assert set(marker) == {"family", "evidence"}
    assert set(marker["evidence"]) == {"start", "end", "text", "marker", "explanation"}


def test_other_languages_are_not_guessed(analyse):
    for text in ("Creo que mi madre estaba triste porque no la llamé", "我觉得他很生气，因为我忘了他的生日",
                 "Ich glaube, dass sie wütend war, weil ich zu spät kam"):
        result = analyse(text)
        assert result.language_supported is False, text
        assert result.markers == [] and result.rf_band == "not_estimated"
        assert "English-only" in result.explanation


@pytest.mark.parametrize("text", ["", "   ", "😀😢🙃", "?!...", "a" * 12000, "<b>I</b> think <i>she</i> was sad",
                                  "x\x00y\x07z", "'; DROP TABLE users; --", "I " * 3000])
def test_odd_input_gives_a_result_not_an_exception(analyse, text):
    result = analyse(text)
    assert isinstance(result, MentalizingResult)
    assert result.rf_estimate in {-1, *range(1, 10)}
