"""Feedback chosen from the REAL mentalizing analysis (spaCy parse + lexicon), never a faked result."""
from __future__ import annotations

import random

import pytest

from bot.exercises.mentalizing import feedback_for
from bot.exercises.mentalizing.library import feedback_catalogue
from bot.exercises.wording import render, sentences

RICH = (
    "I think maybe she was worried about the rent, or maybe she was just exhausted after work. "
    "I felt hurt because I had been looking forward to it, but she probably didn't mean it that way."
)
TELEOLOGICAL = "If she cared she would have answered."
PSYCHIC_EQUIVALENCE = "I know she hates me."


def _invitation_sentences(family: str, fields: dict) -> set[str]:
    catalogue = feedback_catalogue()
    variants = list(catalogue.invite[family])
    for plan in catalogue.steps.values():
        variants += plan.invite_wording.get(family, [])
    return {s for v in variants for s in sentences(render(v, fields))}


def test_a_rich_answer_gets_no_nudge_to_consider_the_other_person(analyse, rng, scenario):
    analysis = analyse(RICH)
    assert {"other_mind", "alternative", "opacity"} <= analysis.families()  # the real analysis sees it
    other_mind_nudges = _invitation_sentences("other_mind", scenario.other.fields())
    for step in ("other_mind", "other_alternatives", "their_view_of_me"):
        feedback = feedback_for(step, RICH, analysis, set(), rng, scenario=scenario)
        assert feedback.kind == "reflection"
        assert feedback.invited is None and feedback.challenged is None
        assert feedback.affirmed
        assert not set(sentences(feedback.text)) & other_mind_nudges
    # At the closing step the rich answer may be invited to look across time, never at the other person.
    now = feedback_for("now", RICH, analysis, set(), rng, scenario=scenario)
    assert now.invited in (None, "change_over_time")
    assert not set(sentences(now.text)) & other_mind_nudges


def test_an_answer_without_the_other_person_is_invited_to_consider_them(analyse, rng, scenario):
    text = "I felt really hurt and kind of stupid for writing such a long message."
    analysis = analyse(text)
    assert "other_mind" not in analysis.families()
    feedback = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario)
    assert feedback.invited == "other_mind"
    assert set(sentences(feedback.text)) & _invitation_sentences("other_mind", scenario.other.fields())
    assert "Maya" in feedback.text


def test_a_teleological_answer_gets_the_curious_challenge(analyse, rng, scenario):
    analysis = analyse(TELEOLOGICAL)
    assert "teleological" in {f.mode for f in analysis.failure_modes}
    feedback = feedback_for("other_mind", TELEOLOGICAL, analysis, set(), rng, scenario=scenario)
    assert feedback.challenged == "teleological"
    assert feedback.invited is None  # at most one thing asked
    challenge_sentences = {
        s for v in feedback_catalogue().challenge["teleological"]
        for s in sentences(render(v, {**scenario.other.fields(), "quote": feedback.quotes[-1]}))
    }
    assert set(sentences(feedback.text)) & challenge_sentences
    assert "?" in feedback.text  # curious: it asks, it does not correct


def test_a_psychic_equivalence_answer_gets_a_curious_challenge(analyse, rng, scenario):
    analysis = analyse(PSYCHIC_EQUIVALENCE)
    assert "psychic_equivalence" in {f.mode for f in analysis.failure_modes}
    feedback = feedback_for("other_mind", PSYCHIC_EQUIVALENCE, analysis, set(), rng, scenario=scenario)
    assert feedback.challenged == "psychic_equivalence"
    assert feedback.invited is None and not feedback.affirmed
    assert "?" in feedback.text
    # The certain words are not praised as "wondering about her mind" before being questioned:
    # the feeling is acknowledged first (validate, then explore).
    assert feedback.reflected is None
    acknowledgements = {render(v, {}) for v in feedback_catalogue().acknowledge["psychic_equivalence"]}
    assert any(feedback.text.startswith(a) for a in acknowledgements)


def test_quotes_are_the_persons_exact_words(analyse, rng, scenario):
    for text in (RICH, TELEOLOGICAL, PSYCHIC_EQUIVALENCE,
                 "Honestly?   She might've been scared —\tscared that I'd be angry with her.",
                 "He said nothing. Maybe he felt embarrassed because he forgot our anniversary."):
        feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
        assert feedback.quotes, text
        for quote in feedback.quotes:
            assert quote in " ".join(text.split()), (quote, text)
            assert f'"{quote}"' in feedback.text


def test_curly_apostrophes_are_quoted_as_typed(analyse, rng, scenario):
    text = "Maybe she didn’t want to spoil it with a rushed reply, or maybe she’d had a bad day."
    feedback = feedback_for("other_alternatives", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.quotes and all(q in text for q in feedback.quotes)


def test_the_step_decides_what_is_invited_first(analyse, rng, scenario):
    # Names a feeling of their own and nothing else.
    text = "I felt sad and a bit lonely that evening."
    analysis = analyse(text)
    assert analysis.families() & {"self_mind", "mental_state_term"}
    assert not analysis.families() & {"causal_link", "other_mind", "opacity", "alternative"}
    plans = feedback_catalogue().steps
    own = feedback_for("own_feeling", text, analysis, set(), rng, scenario=scenario)
    assert own.invited == "causal_link" == plans["own_feeling"].invite[1]
    other = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario)
    assert other.invited == "other_mind"
    alternatives = feedback_for("other_alternatives", text, analysis, set(), rng, scenario=scenario)
    assert alternatives.invited == "alternative"
    now = feedback_for("now", text, analysis, set(), rng, scenario=scenario)
    assert now.invited == "change_over_time"


def test_no_sentence_repeats_across_ten_turns(analyse, scenario):
    answers = [
        "I felt hurt and a bit stupid.",
        "She doesn't care.",
        "Maybe she was busy at work.",
        "Or maybe she was tired, or she felt pressured by me.",
        "She might have thought I was sulking because I went quiet.",
        "I don't know.",
        "If she cared she would have answered.",
        "I know she was ignoring me on purpose.",
        "Looking back, I used to assume the worst, but now I think she was probably swamped.",
        "I guess I felt scared that she was pulling away.",
    ]
    steps = ["own_feeling", "own_feeling", "other_mind", "other_alternatives", "their_view_of_me",
             "now", "other_mind", "other_alternatives", "now", "own_feeling"]
    for seed in range(5):
        rng, seen, shown = random.Random(seed), set(), []
        for step, answer in zip(steps, answers):
            feedback = feedback_for(step, answer, analyse(answer), seen, rng, scenario=scenario)
            assert feedback.text
            shown += sentences(feedback.text)
        assert len(shown) == len(set(shown)), [s for s in shown if shown.count(s) > 1]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("no", "too_short"),
        ("🙂🙂🙂", "too_short"),
        ("Ella estaba cansada y no quería hablar conmigo esa noche porque tenía miedo.", "not_english"),
    ],
)
def test_answers_with_nothing_to_reflect_get_a_kind_clear_reply(analyse, rng, scenario, text, kind):
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.kind == kind
    assert feedback.text and not feedback.quotes
    expected = getattr(feedback_catalogue(), kind)
    assert feedback.text in [render(v, scenario.other.fields()) for v in expected]
    assert feedback.wants_answer == (kind != "declined")


def test_hostility_to_the_exercise_gets_a_kind_clear_repair_not_another_question(analyse, rng, scenario):
    text = "This is a stupid exercise, leave me alone."
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.kind == "repair" and feedback.repaired and not feedback.wants_answer
    assert feedback.text and not feedback.quotes
    assert "another scenario" in feedback.text  # the approach changes: another moment, or a pause


def test_markup_and_control_characters_are_not_quoted_back(analyse, rng, scenario):
    text = "<script>alert(1)</script> Maybe she was\x00 worried\x1b[31m about me {name} {quote}."
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.kind == "reflection" and feedback.quotes
    for quote in feedback.quotes:
        assert not set(quote) & set("<>{}[]\x00\x1b"), quote
    assert "\x00" not in feedback.text and "\x1b" not in feedback.text and "<script>" not in feedback.text


def test_a_very_long_answer_gets_a_short_reply(analyse, rng, scenario):
    text = ("Maybe she was worried about work, or maybe she was tired. " * 400).strip()
    assert len(text) > 10_000
    feedback = feedback_for("other_alternatives", text, analyse(text), set(), rng, scenario=scenario)
    assert feedback.kind == "reflection"
    assert len(feedback.text) < 600


def test_the_own_moment_path_names_nobody(analyse, rng):
    text = "I felt embarrassed and angry."
    feedback = feedback_for("other_mind", text, analyse(text), set(), rng, scenario=None)
    assert feedback.invited == "other_mind"
    assert "the other person" in feedback.text


def test_a_thoughtful_answer_about_oneself_at_the_other_person_step_is_still_invited(analyse, rng, scenario):
    text = ("Looking back, I think I felt hurt because I'd put so much into the message, "
            "and maybe I was also scared, or perhaps just tired.")
    analysis = analyse(text)
    assert analysis.rf_estimate >= feedback_catalogue().rich_rf
    assert "other_mind" not in analysis.families()
    feedback = feedback_for("other_mind", text, analysis, set(), rng, scenario=scenario)
    assert not feedback.affirmed and feedback.invited == "other_mind"
    own = feedback_for("own_feeling", text, analysis, set(), rng, scenario=scenario)
    assert own.affirmed and own.invited is None


def test_a_plain_account_of_what_happened_is_thanked_not_probed(analyse, rng):
    story = "My sister ignored my message about the new job."
    feedback = feedback_for("what_happened", story, analyse(story), set(), rng)
    assert feedback.text in feedback_catalogue().steps["what_happened"].no_finding
    assert not feedback.asks_follow_up
