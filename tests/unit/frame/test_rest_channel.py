"""The REST channel's body checks (the end-to-end tests send the same bodies to the running server)."""
import pytest

from attune_rasa.rest_channel import MAX_MESSAGE_CHARS, BadRequest, parse_body


def test_a_normal_message_passes_unchanged():
    incoming = parse_body({"sender": "abc", "message": "I felt left out 😔", "metadata": {"locale": "en-GB"}})
    assert (incoming.sender, incoming.text, incoming.metadata) == ("abc", "I felt left out 😔", {"locale": "en-GB"})


def test_control_characters_are_removed_but_newlines_and_unicode_stay():
    incoming = parse_body({"sender": "a", "message": "line one\nline\x00 two\x1b[31m\ttab ünïcode"})
    assert incoming.text == "line one\nline two[31m\ttab ünïcode"


@pytest.mark.parametrize(
    "body",
    [[1, 2], "text", None, 5, {"sender": 5, "message": "hi"}, {"sender": "", "message": "hi"},
     {"sender": "a" * 200, "message": "hi"}, {"sender": "a", "message": ["hi"]},
     {"sender": "a", "message": "hi", "metadata": "x"}],
)
def test_bodies_that_are_not_a_message_are_refused(body):
    with pytest.raises(BadRequest) as error:
        parse_body(body)
    assert error.value.status == 400


def test_a_huge_message_is_refused_with_413_but_10k_is_fine():
    assert len(parse_body({"sender": "a", "message": "x" * 10_000}).text) == 10_000
    with pytest.raises(BadRequest) as error:
        parse_body({"sender": "a", "message": "x" * (MAX_MESSAGE_CHARS + 1)})
    assert error.value.status == 413


def test_an_empty_or_missing_message_is_an_empty_text():
    assert parse_body({"sender": "a"}).text == ""
    assert parse_body({"sender": "a", "message": None}).text == ""
