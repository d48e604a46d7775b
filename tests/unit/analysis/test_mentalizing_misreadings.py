"""Misreadings of the mentalizing analysis, each pinned from both sides of its boundary.

Failures of mentalizing must not be credited as markers (an action-only account closed with "end of
story", a closure over a hostile reading, hedges between hostile readings only, a possibility taken
back, a hidden motive dressed as a cause), and ordinary mentalizing must not be misread as a failure
(someone else's dismissal in the speaker's story, knowledge from what the other said, two minds
hedged, how the speaker came across). The signals the feedback needs (own feelings, self-criticism,
disengagement, disavowal) and whole-clause evidence are checked here too. Real spaCy pipeline.
"""
from __future__ import annotations

import json

import pytest

from bot.analysis.mentalizing import analyze_mentalizing
from bot.nlp import load_nlp


@pytest.fixture(scope="module")
def analyse():
    nlp = load_nlp()
    return lambda text: analyze_mentalizing(nlp(text))


def quoted(result, family: str) -> list[str]:
    return [m.evidence.text for m in result.markers if m.family == family]


def set_aside(result) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in result.set_aside:
        found.setdefault(item.family, []).append(item.reason)
    return found


# -- failures of mentalizing are not credited ----------------------------------------------------------

def test_an_action_only_account_closed_off_is_teleological_not_a_causal_link(analyse):
    closed = analyse("She skipped the party because her car broke down. End of story.")
    assert "teleological" in closed.modes()
    assert "causal_link" not in closed.families()
    assert closed.rf_band == "absent"
    open_ = analyse("She skipped the party because her car broke down, and maybe she was relieved to have an excuse.")
    assert open_.failure_modes == []
    assert {"causal_link", "opacity", "other_mind"} <= open_.families()


def test_a_closure_that_opens_a_reading_is_not_a_failure(analyse):
    result = analyse("That's it, I reckon she felt left out.")
    assert result.failure_modes == []
    assert "certainty" not in result.families()


def test_a_closure_over_a_hostile_reading_is_certainty_not_an_inner_life(analyse):
    result = analyse("Nothing more to it: my sister wants me out of the family.")
    assert "psychic_equivalence" in result.modes()
    assert "Nothing more to it" in quoted(result, "certainty")
    assert result.rf_estimate <= 3
    hedged = analyse("My sister might want some distance from the family for a while.")
    assert hedged.failure_modes == [] and "certainty" not in hedged.families()


def test_hedges_between_hostile_readings_only_are_set_aside(analyse):
    hostile = analyse("Maybe my boss despises me, or maybe he's just a sadist.")
    assert not {"opacity", "alternative"} & hostile.families()
    assert set(set_aside(hostile)) == {"opacity", "alternative"}
    assert hostile.rf_band == "low"
    benign = analyse("Maybe my boss despises me, or maybe he was under pressure from above.")
    assert {"opacity", "alternative"} <= benign.families()
    assert benign.set_aside == []
    assert benign.rf_estimate >= 5


def test_a_possibility_taken_back_is_not_openness(analyse):
    withdrawn = analyse("Perhaps she was distracted, but I doubt it.")
    assert "opacity" not in withdrawn.families()
    assert set_aside(withdrawn) == {"opacity": [withdrawn.set_aside[0].reason]}
    assert "taken back" in withdrawn.set_aside[0].reason
    assert withdrawn.rf_band == "low"
    kept = analyse("Perhaps she was distracted, and I doubt she meant it unkindly.")
    assert "opacity" in kept.families() and kept.rf_estimate >= 5


def test_a_withdrawn_hedge_leaves_the_hostile_reading_flat(analyse):
    result = analyse("It could be he was busy. But I doubt it, he simply doesn't care about me.")
    assert "psychic_equivalence" in result.modes()


def test_a_hidden_motive_is_not_a_causal_link(analyse):
    motive = analyse("He praised my sister just to make me jealous.")
    assert "causal_link" not in motive.families()
    assert "causal_link" in set_aside(motive)
    assert "psychic_equivalence" in motive.modes()
    cause = analyse("He praised my sister because he was proud of her.")
    assert "causal_link" in cause.families()
    assert cause.failure_modes == []


def test_a_denied_motive_is_no_accusation(analyse):
    result = analyse("I really don't think she wanted to hurt me.")
    assert "psychic_equivalence" not in result.modes()


# -- ordinary mentalizing is not misread as a failure ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "My brother said this is a waste of time and I felt stupid and small.",
    "When I cried, she told me to go away, and I felt so alone.",
    'He just said "shut up" and I was frightened.',
])
def test_someone_elses_dismissal_in_the_story_is_not_hostility_to_the_exercise(analyse, text):
    result = analyse(text)
    assert result.rf_estimate >= 3, result.explanation
    assert result.disengagement is None
    assert result.reported_dismissals
    assert result.validation_needed


@pytest.mark.parametrize("text", ["Honestly this is a waste of time.", "Go away.", "Stop asking me these stupid questions."])
def test_the_speakers_own_dismissal_is_hostility_and_disengagement(analyse, text):
    result = analyse(text)
    assert result.rf_estimate == -1
    assert result.disengagement is not None and result.disengagement.kind == "hostile"
    assert result.reported_dismissals == []


def test_the_speakers_own_past_words_are_their_story_not_a_refusal_now(analyse):
    result = analyse("I told him to leave me alone and then I cried.")
    assert result.rf_estimate != -1 and result.disengagement is None


def test_knowledge_from_what_the_other_said_is_not_psychic_equivalence(analyse):
    told = analyse("I know my dad was proud, he told me at the wedding.")
    assert told.failure_modes == []
    assert "certainty" not in told.families()
    assert "certainty" in set_aside(told)
    said_so = analyse("I'm sure my friend was nervous, she said so.")
    assert said_so.failure_modes == [] and "certainty" not in said_so.families()


@pytest.mark.parametrize("text", [
    "I know my dad was ashamed of me, I could just feel it.",
    "I know he's jealous, he won't admit it.",
    "She said she was fine, but I know she hates me.",
])
def test_certainty_without_the_others_word_is_still_psychic_equivalence(analyse, text):
    assert "psychic_equivalence" in analyse(text).modes(), text


def test_two_minds_with_a_parenthetical_hedge_are_ordinary(analyse):
    hedged = analyse("My partner was lonely, I suppose, and I was lonely as well.")
    assert {"opacity", "self_mind", "other_mind"} <= hedged.families()
    assert hedged.rf_band == "ordinary"
    aside = analyse("Her dad was frightened, I think, and I was frightened too.")
    assert "opacity" in aside.families() and aside.rf_band == "ordinary"
    plain = analyse("My partner was lonely.")
    assert plain.rf_band == "low"


def test_i_think_that_introduces_a_reading_is_not_a_hedge(analyse):
    result = analyse("I think she was lonely.")
    assert "opacity" not in result.families()


@pytest.mark.parametrize("text", [
    "I probably looked bored to him.",
    "I might have come across as distant to my mum.",
    "To her it probably looked like I didn't care.",
])
def test_how_the_speaker_came_across_is_the_others_view(analyse, text):
    result = analyse(text)
    assert "other_mind" in result.families(), text
    assert result.rf_band == "ordinary", result.explanation


@pytest.mark.parametrize("text", ["He probably looked bored to me.", "I looked at him.", "It probably looked messy."])
def test_others_appearance_or_a_plain_look_is_not_the_speaker_as_seen(analyse, text):
    result = analyse(text)
    assert "other_mind" not in result.families(), text
    assert result.rf_band == "absent"


# -- signals for the feedback ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["I felt nothing at all. No big deal.", "I didn't feel a thing, so what."])
def test_a_feeling_denied_and_waved_away_is_a_disavowal(analyse, text):
    result = analyse(text)
    assert result.disavowals, text
    assert result.rf_band == "absent"
    assert "disavows" in result.explanation


def test_numbness_that_gives_way_to_a_feeling_is_no_disavowal(analyse):
    result = analyse("I felt nothing at first, then it hit me how scared I was.")
    assert result.disavowals == []
    assert result.rf_estimate >= 3
    assert [e.text for e in result.feeling_words] == ["scared"]


@pytest.mark.parametrize("text,kind", [
    ("nah", "flat"), ("dunno", "flat"), ("meh, fine", "flat"), ("No.", "flat"),
    ("Can we move on please", "avoidant"), ("This is pointless.", "hostile"),
])
def test_disengagement_has_a_kind(analyse, text, kind):
    result = analyse(text)
    assert result.disengagement is not None and result.disengagement.kind == kind, text
    assert all(text[e.start:e.end] == e.text for e in result.disengagement.evidence)


@pytest.mark.parametrize("text", ["No. I was angry because he lied.", "Fine, I was embarrassed.", "He does whatever he likes."])
def test_a_short_or_blunt_answer_with_content_is_not_disengagement(analyse, text):
    result = analyse(text)
    assert result.disengagement is None, text
    assert result.disavowals == [], text


@pytest.mark.parametrize("text,quote", [
    ("I must have seemed so clingy to him.", "I must have seemed so clingy"),
    ("I'm such a loser.", "I'm such a loser"),
    ("She probably thinks I'm pathetic.", "I'm pathetic"),
])
def test_harsh_self_judgement_is_self_criticism(analyse, text, quote):
    assert [e.text for e in analyse(text).self_criticism] == [quote]


@pytest.mark.parametrize("text", ["He seemed clingy to me.", "I'm not clingy.", "I asked a stupid question about the bill."])
def test_judgement_of_others_or_denied_is_not_self_criticism(analyse, text):
    assert analyse(text).self_criticism == [], text


@pytest.mark.parametrize("text,words,needed", [
    ("I was livid and ashamed.", ["livid", "ashamed"], True),
    ("That really stung.", ["stung"], True),
    ("Gutted.", ["Gutted"], True),
    ("I understand her, but it still hurts.", ["hurts"], True),
    ("If he had rung, I wouldn't have been so frantic.", [], True),
    ("I was relieved.", ["relieved"], False),
    ("I wasn't angry.", [], False),
    ("She was furious with me.", [], False),
])
def test_the_speakers_own_feelings_and_whether_to_meet_them_first(analyse, text, words, needed):
    result = analyse(text)
    if words or not needed:
        assert [e.text for e in result.feeling_words] == words, text
    assert result.validation_needed is needed, text


def test_a_counterfactual_negation_still_names_the_feeling(analyse):
    result = analyse("If she had asked me, I wouldn't have been so angry.")
    assert [e.text for e in result.feeling_words] == ["angry"]
    assert "causal_link" in result.families()
    assert result.validation_needed


def test_a_shared_feeling_is_the_speakers_own(analyse):
    result = analyse("He was disappointed, I guess, and so was I.")
    assert "self_mind" in result.families()
    assert result.validation_needed


# -- evidence keeps conditionals and negations ----------------------------------------------------------

@pytest.mark.parametrize("text,family,quote", [
    ("If she trusted me she would tell me.", "other_mind", "If she trusted"),
    ("I don't believe she meant it.", "other_mind", "I don't believe she meant"),
    ("I felt nothing.", "self_mind", "I felt nothing"),
    ("I felt stupid and small.", "self_mind", "I felt stupid and small"),
    ("I wasn't worried.", "self_mind", "I wasn't worried"),
])
def test_evidence_keeps_the_if_and_the_negation(analyse, text, family, quote):
    assert quote in quoted(analyse(text), family), quoted(analyse(text), family)


def test_new_fields_are_json_with_evidence_that_points_at_the_text(analyse):
    text = "My mum said it was a waste of time, and I felt humiliated. I probably seemed needy. Whatever."
    result = analyse(text)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) >= {"feeling_words", "validation_needed", "self_criticism", "disengagement", "disavowals",
                         "reported_dismissals", "set_aside"}
    spans = (data["feeling_words"] + data["self_criticism"] + data["disavowals"] + data["reported_dismissals"]
             + [s["evidence"] for s in data["set_aside"]])
    assert spans
    for evidence in spans:
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
