from bot.export.highlight import split
from bot.store.views import EvidenceView


def ev(start, end, text, marker="m"):
    return EvidenceView(start, end, text, marker, "why")


def test_pieces_cover_the_text_and_carry_their_spans():
    text = "I think she felt hurt"
    pieces = split(text, [ev(0, 7, "I think", "self_mind"), ev(12, 21, "felt hurt", "other_mind")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.markers) for p in pieces] == [
        ("I think", ("self_mind",)), (" she ", ()), ("felt hurt", ("other_mind",))]


def test_overlapping_spans_split_into_pieces_with_both_markers():
    text = "maybe she was tired"
    pieces = split(text, [ev(0, 9, "maybe she", "opacity"), ev(6, 13, "she was", "other_mind")])
    assert [(p.text, p.markers) for p in pieces] == [
        ("maybe ", ("opacity",)), ("she", ("opacity", "other_mind")), (" was", ("other_mind",)),
        (" tired", ())]


def test_stale_offsets_fall_back_to_the_quoted_words_and_unknown_words_are_dropped():
    text = "Well, I think so"
    pieces = split(text, [ev(0, 7, "I think"), ev(3, 900, "not here"), ev(-5, 2, "")])
    assert [(p.text, bool(p.evidence)) for p in pieces] == [("Well, ", False), ("I think", True), (" so", False)]
    assert split("", [ev(0, 1, "x")]) == []
