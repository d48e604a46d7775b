import pytest

from bot.checkin.suds import is_high_distress, is_moderate_distress, parse_offered_rating, parse_suds


@pytest.mark.parametrize(
    "text, value",
    [
        ("7", 7), ("seven", 7), ("about 6/10", 6), ("6 out of 10", 6), ("a 4 I guess", 4),
        ("Ten.", 10), ("0", 0), ("zero", 0), ("6.5", 7), ("I'd say 3", 3), ("8 of 10", 8),
        ("  9  ", 9), ("SIX", 6), ("5, 5/10", 5),
    ],
)
def test_ratings_people_actually_type(text, value):
    assert parse_suds(text).value == value


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "missing"), (None, "missing"), ("pretty bad", "missing"), ("🙂🙂", "missing"),
        ("11", "out_of_range"), ("twelve", "out_of_range"), ("-3", "out_of_range"), ("5-6", "ambiguous"),
        ("between 5 and 6", "ambiguous"), ("7/100", "other_scale"), ("3 out of 5", "other_scale"),
        ("x" * 10_000, "missing"), ("sieben", "missing"), ("\x00\x07", "missing"),
    ],
)
def test_anything_else_is_not_guessed(text, problem):
    reading = parse_suds(text)
    assert reading.value is None
    assert reading.problem == problem


def test_distress_bands():
    assert is_high_distress(7) and is_high_distress(10) and not is_high_distress(6)
    assert is_moderate_distress(4) and is_moderate_distress(6) and not is_moderate_distress(7)
    assert not is_high_distress(None) and not is_moderate_distress(None)


@pytest.mark.parametrize(
    "text, value",
    [
        ("7", 7), ("seven", 7), ("a 4 I guess", 4), ("about six", 6), ("I'd say I'm at a 5 right now", 5),
        ("honestly I would put it at about 8 out of 10 today", 8), ("one", 1), ("maybe a one", 1),
    ],
)
def test_an_offered_rating_is_taken_when_the_message_is_plainly_one(text, value):
    assert parse_offered_rating(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "My mum died last year, so this one is hard.",
        "this one is hard",
        "I think one reason was that she was tired after work all week",
        "He probably felt embarrassed because 3 people saw it happen in the meeting",
    ],
)
def test_an_offered_rating_is_not_read_into_an_answer(text):
    assert parse_suds(text).value is not None  # the lenient reading would have taken a number
    assert parse_offered_rating(text).value is None
