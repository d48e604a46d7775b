"""Worry for someone else at risk (bot/analysis/risk.py, `RiskFinding.worried`, `RiskResult.worry`):
someone else's risk told with worry for them or a wish to help, or grave and now in the speaker's own
life, is met by the dialogue; met at work, in jest, as the past, or only mentioned, it is
kept for the therapist and nothing more. Both sides of each boundary are tested."""
import pytest

from bot.analysis.risk import assess_risk_text


def worry_of(text: str) -> str | None:
    result = assess_risk_text(text)
    return result.worry.concern if result.worry is not None else None


@pytest.mark.parametrize("text, concern", [
    ("my friend keeps saying she wants to die, what do I do?", "suicidal_ideation"),
    ("My best friend told me she's been cutting herself. How do I help her without making it worse?", "self_harm"),
    ("my best mate keeps saying he wants to kms, idk what to do", "suicidal_ideation"),
    ("My friend from work tell me she want to die. How I can help her?", "suicidal_ideation"),
    ("I'm worried my sister might hurt herself", "self_harm"),
    ("My neighbour, I hear her husband hitting her through the wall. What should I do?", "abuse_or_danger"),
    ("How do I ask my husband if he's suicidal? He's been really down and I'm worried.", "suicidal_ideation"),
    # Grave and now, in the speaker's own life: a worry whether or not they ask what to do.
    ("my friend texted me that she is going to end her life tonight", "suicidal_ideation"),
    ("my best friend said he has pills saved up to end his life", "suicidal_ideation"),
])
def test_someone_else_s_risk_told_with_worry_is_a_worry(text, concern):
    assert worry_of(text) == concern


@pytest.mark.parametrize("text", [
    # At work: a client, a patient, a pupil, a shift.
    "How do I respond if a client tells me they self-harm in the middle of a session?",
    "I am nurse, today I dressed the cuts on the arms of young patient who self-harm. I want to learn how to speak with her more kind.",
    "my mums a paramedic and she told me about someone who overdosed on her shift",
    "As a teacher, what should I do when a pupil says she wants to die?",
    # In jest, or over.
    "My dad keeps joking that he'll end it all if his team gets relegated, lol",
    "My cousin attempted suicide years ago and she's doing great now; she organises a charity walk every spring.",
    # Only mentioned: nothing asked, nothing grave now.
    "we got absolutely murdered 6-0 at footy today, coach looked like he wanted to die",
    "my sister said she wants to die",
])
def test_someone_else_s_risk_met_at_work_in_stories_in_jest_or_only_mentioned_is_no_worry(text):
    result = assess_risk_text(text)
    assert result.worry is None, result.to_dict()
    assert "third_party_concern" in result.categories()  # kept for the therapist all the same


@pytest.mark.parametrize("text, concern", [
    ("my brother says he is going to stab his boss tomorrow, what should I do?", "harm_to_others"),
    ("my friend says he wants to kill his dad, what do I do?", "harm_to_others"),
    ("my friend told me her dad hits her and she made me promise not to tell. what do i do", "abuse_or_danger"),
])
def test_someone_who_means_to_hurt_a_person_is_a_worry_about_harm_to_others(text, concern):
    assert worry_of(text) == concern


def test_the_speaker_s_own_risk_comes_first():
    result = assess_risk_text("I want to die too, my friend keeps saying it, what do I do?")
    assert result.outcome == "flag" and result.worry is None


def test_a_worry_says_what_kind_of_risk_the_other_person_is_in():
    data = assess_risk_text("my bestie told me she self harms, how do i help her").to_dict()
    assert data["worry"] is True
    [finding] = data["findings"]
    assert (finding["category"], finding["concern"], finding["worried"]) == ("third_party_concern", "self_harm", True)


def test_only_someone_else_s_findings_carry_a_concern():
    data = assess_risk_text("I want to kill myself").to_dict()
    assert data["worry"] is False and "concern" not in data["findings"][0]
