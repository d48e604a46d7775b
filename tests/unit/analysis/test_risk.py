"""Risk detector: recall on explicit statements, false alarms on hard negatives, and the parse checks.

Runs the real spaCy pipeline. tests/data/risk.jsonl is in the three-outcome schema (risk, kind,
cls, want); its "test" split is no longer held out (the rules were adjusted after reading its
misses), so its floors are regression floors. A row about someone else at risk is a hard negative
for the speaker's own risk (its third_party_concern finding is still checked). bench/eval_risk.py
prints the full tables; the new classes and the three-outcome contract are in test_risk_*.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis.risk import LEVELS, THIRD_PARTY, assess_risk, assess_risk_text
from bot.nlp import load_nlp

DATA = Path(__file__).resolve().parents[2] / "data" / "risk.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]

# Measured 2026-11-30 (dev / test): false alarms (flag or ask) on hard negatives 0.000 / 0.000;
# category accuracy on risk rows 1.000 / 1.000; implicit recall (flag or ask) 1.000 / 1.000. Limits
# sit just beyond these (one false alarm on the 46 test negatives would still pass; the ceiling
# for the speaker's outcome is 0.05).
MAX_FALSE_ALARM = {"dev": 0.02, "test": 0.03}
MIN_CATEGORY_ACCURACY = {"dev": 0.97, "test": 0.95}
MIN_IMPLICIT_RECALL = {"dev": 1.0, "test": 1.0}
DETECTED = ("flag", "ask")


@pytest.fixture(scope="module")
def results():
    nlp = load_nlp()
    return [assess_risk(doc) for doc in nlp.pipe(r["text"] for r in ROWS)]


def test_data_set_shape():
    assert len(ROWS) >= 220
    assert sum(r["kind"] == "hard_negative" for r in ROWS) >= 80
    assert 0.25 <= sum(r["split"] == "test" for r in ROWS) / len(ROWS) <= 0.35
    severities = {r["severity"] for r in ROWS if r["category"] == "suicidal_ideation"}
    assert severities == {1, 2, 3, 4, 5}
    assert {r["category"] for r in ROWS if r["risk"]} == {"suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger"}
    assert {r["kind"] for r in ROWS} == {"explicit", "implicit", "past", "hard_negative"}
    assert sum(r.get("finding") == THIRD_PARTY for r in ROWS) >= 10


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_explicit_statement_is_flagged(results, split):
    missed = [r["text"] for r, res in zip(ROWS, results)
              if r["split"] == split and r["kind"] == "explicit" and res.outcome != "flag"]
    assert missed == []


@pytest.mark.parametrize("split", ["dev", "test"])
def test_false_alarms_on_hard_negatives(results, split):
    pairs = [(r, res) for r, res in zip(ROWS, results) if r["split"] == split and r["kind"] == "hard_negative"]
    alarms = [r["text"] for r, res in pairs if res.outcome in DETECTED]
    assert len(alarms) / len(pairs) <= MAX_FALSE_ALARM[split], alarms


@pytest.mark.parametrize("split", ["dev", "test"])
def test_implicit_recall_floor(results, split):
    pairs = [(r, res) for r, res in zip(ROWS, results) if r["split"] == split and r["kind"] == "implicit"]
    assert sum(res.outcome in DETECTED for _, res in pairs) / len(pairs) >= MIN_IMPLICIT_RECALL[split]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_category_of_risk_rows(results, split):
    pairs = [(r, res) for r, res in zip(ROWS, results) if r["split"] == split and r["risk"]]
    right = sum(1 for r, res in pairs if res.speaker_findings and res.speaker_findings[0].category == r["category"])
    assert right / len(pairs) >= MIN_CATEGORY_ACCURACY[split]


def test_someone_else_at_risk_is_kept_for_the_therapist_but_not_counted(results):
    pairs = [(r, res) for r, res in zip(ROWS, results) if r.get("finding") == THIRD_PARTY]
    assert all(res.finding(THIRD_PARTY) is not None for _, res in pairs), [r["text"] for r, res in pairs if not res.findings]
    assert all(res.outcome == "none" and not res.flagged and res.level == "none" for _, res in pairs)


def test_past_rows_are_past_only(results):
    pairs = [(r, res) for r, res in zip(ROWS, results) if r["kind"] == "past"]
    assert pairs and all(res.outcome == "flag" and res.past_only for _, res in pairs), [r["text"] for r, _ in pairs]


def test_evidence_offsets_match_the_text(results):
    for row, result in zip(ROWS, results):
        for finding in result.findings:
            assert finding.evidence, row["text"]
            for e in finding.evidence:
                assert row["text"][e.start:e.end] == e.text


@pytest.mark.parametrize("text", [
    "I would never hurt myself",
    "I'm not suicidal",
    "I have no plans to kill myself",
    "I don't want to die",
    "I'm not going to kill myself, I promise",
])
def test_negation_is_not_a_disclosure(text):
    result = assess_risk_text(text)
    assert result.outcome == "none"
    assert any("Negated" in e.explanation for e in result.set_aside)


@pytest.mark.parametrize("text", [
    "I don't want to live anymore",
    "i dont want to be here anymore",
    "I wish I wasn't alive",
])
def test_negated_wish_to_live_is_a_disclosure(text):
    result = assess_risk_text(text)
    assert result.finding("suicidal_ideation") is not None


@pytest.mark.parametrize("text", [
    "this deadline is killing me", "I'm dying to see it", "I could kill for a coffee",
    "you're killing it", "dead tired", "I killed it at the interview", "my feet are killing me",
])
def test_idioms(text):
    assert assess_risk_text(text).outcome == "none"


@pytest.mark.parametrize("text, category, severity", [
    ("kil myself", "suicidal_ideation", 2),
    ("kms", "suicidal_ideation", 2),
    ("wanna unalive myself", "suicidal_ideation", 2),
    ("everyone would be better off without me", "suicidal_ideation", 1),
    ("i just want to end it all", "suicidal_ideation", 2),
    ("i dont want to be here anymore", "suicidal_ideation", 1),
    ("i want to k*ll myself", "suicidal_ideation", 2),
])
def test_slang_typos_and_indirect(text, category, severity):
    finding = assess_risk_text(text).finding(category)
    assert finding is not None and finding.severity == severity


def test_severity_follows_the_c_ssrs_ladder():
    ladder = [
        "I wish I was dead",
        "I want to kill myself",
        "I've thought about jumping off a bridge to kill myself",
        "I'm going to kill myself",
        "I have a plan to kill myself and I've saved up my pills",
    ]
    severities = [assess_risk_text(t).finding("suicidal_ideation").severity for t in ladder]
    assert severities == [1, 2, 3, 4, 5]
    levels = [assess_risk_text(t).level for t in ladder]
    assert [LEVELS.index(level) for level in levels] == sorted(LEVELS.index(level) for level in levels)
    assert levels[0] == "concern" and levels[-1] == "imminent"


def test_quoted_speech_of_a_friend_is_a_third_party_concern():
    result = assess_risk_text('My friend said "I want to kill myself" and laughed')
    assert result.categories() == {"third_party_concern"}
    assert "reported" in result.findings[0].qualifiers
    assert result.outcome == "none" and not result.flagged


def test_quoted_lyrics_are_not_a_disclosure():
    assert assess_risk_text('the song goes "I want to die tonight" and it is stuck in my head').outcome == "none"


def test_who_does_what_to_whom():
    assert assess_risk_text("my husband hits me").categories() == {"abuse_or_danger"}
    assert assess_risk_text("I'm going to stab him").categories() == {"harm_to_others"}
    assert assess_risk_text("my dad hits my mum").categories() == {"third_party_concern"}
    # A child close to the speaker: their danger, asked about as someone close's (not a bystander's).
    little_brother = assess_risk_text("my dad hits my little brother").finding("abuse_or_danger")
    assert little_brother is not None and little_brother.about == "someone_close"
    assert assess_risk_text("He said he would kill me if I left").finding("abuse_or_danger").severity == 4


def test_hurt_feelings_in_a_rupture_are_not_violence():
    assert assess_risk_text("I think I hurt her when I cancelled our plans").outcome == "none"
    assert assess_risk_text("I want to hurt him so he knows how it feels").categories() == {"harm_to_others"}


def test_past_statements_are_kept_at_concern_level():
    result = assess_risk_text("Years ago I tried to kill myself")
    finding = result.finding("suicidal_ideation")
    assert finding is not None and finding.severity == 5 and "past" in finding.qualifiers
    assert result.level == "concern" and result.outcome == "flag" and result.past_only
    current = assess_risk_text("Last night I tried to kill myself")
    assert current.level == "imminent" and not current.past_only


def test_disclosure_buried_in_a_long_text_is_found():
    filler = "We talked about the weather and the garden and what to cook for dinner. " * 200
    text = filler + "i really want to kill myself. " + filler
    assert len(text) > 10_000
    result = assess_risk_text(text)
    evidence = result.finding("suicidal_ideation").evidence[0]
    assert text[evidence.start:evidence.end] == evidence.text == "kill myself"


def test_very_long_text_is_assessed_in_pieces_with_true_offsets():
    filler = "Nothing much happened today, we watched a film about trains. " * 1000
    text = filler + "I'm going to end my life tonight. " + filler
    assert len(text) > 100_000
    finding = assess_risk_text(text).finding("suicidal_ideation")
    assert finding is not None and finding.severity == 4
    assert all(text[e.start:e.end] == e.text for e in finding.evidence)


@pytest.mark.parametrize("text", [
    "", "   ", "\u0000\u0001\u0007", "😢😢😢", "<script>alert('kill')</script>", "{{7*7}} ${jndi:ldap://x}",
    "a" * 12_000, "\n\n\t", "🔪" * 500, None,
])
def test_bad_input_gets_a_clear_result(text):
    result = assess_risk_text(text)
    assert result.flagged is False and result.level == "none" and result.outcome == "none"
    assert result.past_only is False
    assert json.dumps(result.to_dict())


def test_other_languages_still_run_the_english_patterns():
    spanish = assess_risk_text("Hoy no quiero hacer nada, estoy muy cansada de todo")
    assert spanish.language_supported is False and spanish.outcome == "none"
    mixed = assess_risk_text("estoy muy mal, quiero morir, i want to kill myself")
    assert mixed.flagged


def test_markup_around_a_disclosure_is_still_read():
    result = assess_risk_text("<b>i want to kill myself</b>")
    assert result.finding("suicidal_ideation") is not None


def test_to_dict_shape():
    data = assess_risk_text("I want to kill myself").to_dict()
    assert data["flagged"] is True and data["level"] == "concern"
    assert data["outcome"] == "flag" and data["past_only"] is False
    finding = data["findings"][0]
    assert set(finding) >= {"category", "severity", "level", "evidence", "explanation"}
    assert set(finding["evidence"][0]) == {"start", "end", "text", "marker", "explanation"}


@pytest.mark.parametrize("text, category", [
    ("we fought and he pushed me against the wall", "abuse_or_danger"),
    ("She threw a plate at me during the fight", "abuse_or_danger"),
    ("my husband is killing me slowly and I'm scared", "abuse_or_danger"),
    ("My partner is abusive", "abuse_or_danger"),
    ("I'm scared he will hurt me again", "abuse_or_danger"),
])
def test_violence_against_the_speaker(text, category):
    assert assess_risk_text(text).categories() == {category}


@pytest.mark.parametrize("text", [
    "the kids are killing me today",
    "He said I was killing him with my nagging",
    "I pushed him away when he tried to hug me",
    "She hurt me so much when she lied",
    "I'm so tired I could die",
    "Did you kill someone? Of course not.",
])
def test_relationship_talk_is_not_violence(text):
    assert assess_risk_text(text).outcome == "none"


def test_what_could_have_happened_is_a_figure_unless_a_weapon_is_in_the_message():
    # Exasperation told as what could have happened is a figure of speech; with a weapon in the
    # message it is kept, at the lowest step, as what could have happened.
    assert assess_risk_text("I could have strangled him for being late again").outcome == "none"
    result = assess_risk_text("I could have strangled him for being late again, I had the knife in my hand")
    finding = result.finding("harm_to_others")
    assert finding is not None and finding.severity == 1 and result.level == "concern"
    assert "said as what could have happened" in finding.qualifiers


def test_ending_it_means_a_life_unless_it_is_a_relationship():
    # "end it" with no object is asked about; a relationship named beside it sets it aside.
    assert assess_risk_text("i hate my life and want to end it").finding("suicidal_ideation") is not None
    assert assess_risk_text("i hate my life and want to end it").outcome == "ask"
    assert assess_risk_text("I think I want to end it, the relationship is not working").outcome == "none"
    assert assess_risk_text("we keep fighting and I want to end it with him").outcome == "none"
    assert assess_risk_text("I want to end it all, even my relationship is over").flagged


def test_relative_clauses_are_about_the_noun_they_describe():
    assert assess_risk_text("I have a friend who self harms").categories() == {"third_party_concern"}
    assert assess_risk_text("I'm someone who wants to die").categories() == {"suicidal_ideation"}
    assert assess_risk_text("People who self harm deserve compassion").outcome == "none"
