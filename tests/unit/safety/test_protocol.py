"""The safety check's data and decisions (bot/safety/protocol.py, protocol.yml, crisis_resources.yml)."""
import pytest
import yaml
from pydantic import ValidationError

from bot.safety import protocol
from bot.safety.protocol import is_danger, outcome, questions_to_ask, read_answer
from bot.safety.resources import format_resources, locale_named_in, resources_for


@pytest.mark.parametrize("text, answer", [
    ("yes", "yes"), ("Yeah.", "yes"), ("sometimes", "yes"), ("every night", "yes"), ("kind of", "yes"),
    ("yeah i think about it every night", "yes"), ("a bit", "yes"),
    ("no", "no"), ("nope, never", "no"), ("not really", "no"), ("I haven't", "no"), ("I'm not", "no"),
    ("no, I'm fine", "no"),
    ("not sure", "unsure"), ("I don't know", "unsure"), ("idk", "unsure"), ("maybe", "unsure"),
    ("no but sometimes", "unsure"), ("I'm not sure I can", "unsure"),
    ("I'm fine", "fine"), ("im ok", "fine"),
    ("ok", None), ("why not", None), ("banana", None), ("", None), ("😶", None), ("x" * 10_000, None),
])
def test_reading_a_short_answer(text, answer):
    assert read_answer(text) == answer


def test_the_intent_counts_only_for_a_button_payload():
    assert read_answer("/affirm", "affirm") == "yes"
    assert read_answer("/deny", "deny") == "no"
    assert read_answer("/unsure", "unsure") == "unsure"
    assert read_answer("ok", "affirm") is None  # the classifier's affirm for "ok" is no yes here
    assert read_answer("don't worry about me", "im_fine") is None


def test_uncertainty_is_treated_as_not_safe():
    assert is_danger("unsure", "yes") and is_danger("unsure", "no") and is_danger(None, "yes")
    assert not is_danger("fine", "yes") and not is_danger("no", "yes") and is_danger("no", "no")


def test_im_fine_is_no_answer_to_a_question_whose_danger_is_a_no():
    assert protocol.read_answer_for("I'm fine", None, "no") is None
    assert protocol.read_answer_for("I'm fine", None, "yes") == "fine"


def test_at_least_two_questions_whatever_the_first_answer():
    assert questions_to_ask("suicidal_ideation", "concern", {}) == ["safety_q1"]
    assert questions_to_ask("suicidal_ideation", "concern", {"safety_q1": "fine"}) == ["safety_q1", "safety_q2"]
    both_no = {"safety_q1": "no", "safety_q2": "no"}
    assert questions_to_ask("suicidal_ideation", "concern", both_no) == ["safety_q1", "safety_q2"]
    danger = {"safety_q1": "yes", "safety_q2": "no"}
    assert questions_to_ask("suicidal_ideation", "concern", danger) == ["safety_q1", "safety_q2", "safety_q3"]
    assert questions_to_ask("suicidal_ideation", "imminent", {}) == []


@pytest.mark.parametrize("category, level, answers, expected", [
    ("suicidal_ideation", "concern", {"safety_q1": "no", "safety_q2": "no"}, "checked"),
    ("suicidal_ideation", "high", {"safety_q1": "no", "safety_q2": "no"}, "concern"),
    ("suicidal_ideation", "concern", {"safety_q1": "yes", "safety_q2": "no", "safety_q3": "no"}, "concern"),
    ("suicidal_ideation", "concern", {"safety_q1": "yes", "safety_q2": "unsure", "safety_q3": "no"}, "urgent"),
    ("suicidal_ideation", "concern", {"safety_q1": "yes", "safety_q2": "no", "safety_q3": "yes"}, "urgent"),
    ("suicidal_ideation", "imminent", {}, "urgent"),
    ("self_harm", "concern", {"safety_q1": "yes", "safety_q2": "yes"}, "urgent"),
    ("harm_to_others", "concern", {"safety_q1": "no", "safety_q2": "no"}, "checked"),
    ("harm_to_others", "concern", {"safety_q1": "unsure", "safety_q2": "no"}, "urgent"),
    ("abuse_or_danger", "concern", {"safety_q1": "no", "safety_q2": "no"}, "concern"),
    ("abuse_or_danger", "concern", {"safety_q1": "no", "safety_q2": "yes"}, "checked"),
])
def test_what_the_answers_lead_to(category, level, answers, expected):
    assert outcome(category, level, answers) == expected


def test_an_unknown_category_is_checked_as_the_gravest():
    assert protocol.category_of("third_party_concern") == "suicidal_ideation"
    assert protocol.category_of(None) == "suicidal_ideation"


def test_the_protocol_rejects_a_category_with_a_single_question():
    data = yaml.safe_load(open(protocol.PROTOCOL_FILE))
    data["categories"]["self_harm"]["questions"] = data["categories"]["self_harm"]["questions"][:1]
    with pytest.raises(ValidationError):
        protocol.Protocol.parse_obj(data)
    data = yaml.safe_load(open(protocol.PROTOCOL_FILE))
    del data["past"]["abuse_or_danger"]
    with pytest.raises(ValidationError):
        protocol.Protocol.parse_obj(data)


def test_no_question_asks_for_a_promise_to_stay_safe():
    """'Can you keep yourself safe?' works like a no-harm contract, which guidelines advise against."""
    every = [q.text for c in protocol.load_protocol().categories.values() for q in c.questions]
    assert every and not any("keep yourself safe" in text.lower() or "promise" in text.lower() for text in every)


@pytest.mark.parametrize("locale, category, first", [
    ("en-GB", "abuse_or_danger", "National Domestic Abuse Helpline"),
    ("en-US", "abuse_or_danger", "National Domestic Violence Hotline"),
    ("en-IE", "abuse_or_danger", "Women's Aid"),
    ("en-GB", "harm_to_others", "Respect"),
    ("en-GB", "suicidal_ideation", "Samaritans"),
    (None, "abuse_or_danger", "Find a Helpline"),
])
def test_resources_per_category_come_first_then_the_general_lines(locale, category, first):
    lines = resources_for(locale).lines_for(category)
    assert lines[0].name.startswith(first)
    assert resources_for(locale).lines[0] in lines


def test_no_locale_gets_the_international_directory():
    text = format_resources(None, "suicidal_ideation")
    assert "findahelpline" in text and "988" not in text and "116 123" not in text


@pytest.mark.parametrize("text, locale", [
    ("I'm in the UK", "en-GB"), ("england", "en-GB"), ("northern ireland", "en-GB"), ("I live in Ireland", "en-IE"),
    ("I'm in the United States", "en-US"), ("germany", None), ("", None), (None, None),
])
def test_a_named_country_sets_the_locale(text, locale):
    assert locale_named_in(text) == locale


# --- someone close to the person being hurt ------------------------------------------------------

def test_a_finding_about_someone_close_is_checked_with_their_own_words():
    assert protocol.category_of_finding({"category": "abuse_or_danger", "about": "someone_close"}) == "someone_close"
    assert protocol.category_of_finding({"category": "abuse_or_danger", "about": "speaker"}) == "abuse_or_danger"
    assert protocol.category_of_finding({"category": "abuse_or_danger"}) == "abuse_or_danger"
    # Only abuse or danger can be about someone close; anything else keeps its own category.
    assert protocol.category_of_finding({"category": "self_harm", "about": "someone_close"}) == "self_harm"
    close = protocol.load_protocol().categories["someone_close"]
    assert "their safety" in close.care and "they" in close.questions[0].text


@pytest.mark.parametrize("answers, expected", [
    ({"safety_q1": "yes", "safety_q2": "yes"}, "urgent"),      # in danger now
    ({"safety_q1": "unsure", "safety_q2": "yes"}, "urgent"),   # not knowing is not safe
    ({"safety_q1": "no", "safety_q2": "no"}, "concern"),       # nobody who can act knows yet
    ({"safety_q1": "no", "safety_q2": "yes"}, "checked"),
])
def test_what_the_answers_about_someone_close_lead_to(answers, expected):
    assert outcome("someone_close", "concern", answers) == expected
    assert questions_to_ask("someone_close", "concern", {}) == ["safety_q1"]


@pytest.mark.parametrize("locale, first", [
    ("en-GB", "NSPCC"), ("en-US", "Childhelp"), ("en-IE", "Tusla"), (None, "Find a Helpline"),
])
def test_someone_close_gets_the_lines_that_can_act_for_them(locale, first):
    assert resources_for(locale).lines_for("someone_close")[0].name.startswith(first)
    text = format_resources(locale, "someone_close")
    assert text.startswith("If they are in danger right now") and first in text


def test_every_locale_has_lines_for_someone_close():
    from bot.safety.resources import load_resources

    for name, locale in load_resources().locales.items():
        assert locale.by_category.get("someone_close"), name


def test_a_clear_no_about_someone_close_speaks_of_them():
    assert "child's or a relative's safety" in protocol.clear_no("someone_close")
    assert protocol.clear_no("suicidal_ideation") == protocol.load_protocol().ask_clear_no
    assert "look after" in protocol.check_question("ask", "someone_close")[0]
    assert protocol.check_question("past", "someone_close") == (protocol.load_protocol().past["someone_close"].question, "yes")


# --- someone else at risk, told with worry -------------------------------------------------------

@pytest.mark.parametrize("locale, concern, first, absent", [
    ("en-GB", "suicidal_ideation", "PAPYRUS HOPELINE247", "Refuge"),
    ("en-GB", "self_harm", "PAPYRUS HOPELINE247", "Refuge"),
    ("en-GB", "abuse_or_danger", "National Domestic Abuse Helpline", "PAPYRUS"),
    ("en-GB", "harm_to_others", "Samaritans", "PAPYRUS"),  # a suicide-prevention line would not fit
    ("en-US", "suicidal_ideation", "988", "Domestic Violence"),
    ("en-US", "abuse_or_danger", "National Domestic Violence Hotline", "Eldercare"),
    (None, "self_harm", "Find a Helpline", "988"),
])
def test_someone_worried_about_another_gets_lines_that_support_the_worried(locale, concern, first, absent):
    lines = resources_for(locale).lines_for("someone_else", concern)
    assert lines[0].name.startswith(first)
    assert resources_for(locale).lines[0] in lines  # the general lines take such calls too
    text = format_resources(locale, "someone_else", concern)
    assert text.startswith("If anyone is in danger right now") and absent not in text


@pytest.mark.parametrize("concern", ["suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger"])
def test_each_kind_of_worry_has_its_own_words_that_meet_the_worry_first(concern):
    words = protocol.worry_words(concern)
    assert words.startswith(("It sounds like", "That sounds"))
    assert "emergency" in words or "police" in words or "medical help" in words  # what to do if in danger now
    assert sum(protocol.worry_words(other) == words for other in protocol.WORRY_CONCERNS) == 1


def test_an_unknown_kind_of_worry_is_met_as_the_gravest():
    assert protocol.worry_words(None) == protocol.worry_words("suicidal_ideation")
    assert protocol.worry_words("third_party_concern") == protocol.worry_words("suicidal_ideation")


def test_a_kind_of_worry_left_out_of_the_protocol_is_named(tmp_path):
    import yaml

    data = yaml.safe_load(protocol.PROTOCOL_FILE.read_text(encoding="utf-8"))
    del data["worry"]["self_harm"]
    path = tmp_path / "protocol.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(Exception, match="self_harm"):
        protocol.load_protocol.__wrapped__(path)
