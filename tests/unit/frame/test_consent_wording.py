"""What the consent question tells a person before they agree: the analysis, the scores, the risk
flags, and that nobody reads the conversation as it happens (docs/constructs.md, "Numbers for
therapists")."""
from __future__ import annotations

from bot.messages import message


def test_the_consent_question_says_what_is_done_with_the_answers():
    text = message("frame", "ask_consent_given").text.lower()
    assert "analysed" in text and "scores" in text
    assert "risk" in text and "flagged" in text
    assert "nobody reads along" in text
    assert "keep a record" in text and text.rstrip().endswith("?")  # the question comes last
    assert not any(ch.isdigit() for ch in text)


def test_about_says_the_same():
    text = message("frame", "about").text.lower()
    assert "scored" in text and "flagged" in text and "nobody reads along" in text
