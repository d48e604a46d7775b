from bot.export import FORMATS, render
from bot.export.audience import for_reader, sees_scores, without_scores
from bot.store.views import Role


def test_client_copies_keep_words_and_suds_but_no_estimates(transcript):
    mine = without_scores(transcript)
    assert all(a.scores == {} and a.result == {} for t in mine.turns for a in t.annotations)
    assert [a.evidence for t in mine.turns for a in t.annotations] == \
        [a.evidence for t in transcript.turns for a in t.annotations]
    for fmt in ("md", "html", "csv", "json"):
        data = render([mine], fmt).decode("utf-8-sig")
        assert "RF-style estimate 5" not in data and "\"rf_estimate\"" not in data, fmt
        assert "I thought" in data and ("SUDS 6" in data or "6.0" in data), fmt
    assert render([mine], "pdf")  # renders; its text is checked with the other PDF tests


def test_who_sees_scores(transcript):
    client, therapist = transcript.person, transcript.person.__class__(
        3, Role.THERAPIST, "Dr T", "drt", transcript.person.created_at)
    assert not sees_scores(client) and sees_scores(therapist)
    assert for_reader(transcript, therapist) is transcript
    assert for_reader(transcript, client) == without_scores(transcript)
    assert set(FORMATS) == {"md", "html", "pdf", "csv", "json"}
