"""Readings added in the twenty-seventh round, each with its other side: a "not" inside an "if"
clause supposes rather than denies ("they will kill me if I do not marry the man they choose"); words
quoted from a card, a note or a text are the writer's, so their "we" is not the speaker and their
"you" is; "in jest" marks a threat at someone as a figure of speech; a tumble is an accident; and
"I'd rather die than go to <an outing>" is dread of the outing; a game or a show named only as a
modifier of a role or a thing ("my football coach", "the TV remote") does not make it a game; no game
explains sexual abuse; a method asked of anyone ("how would someone hang themselves?") is asked
back, while methods a helper has met at work and tells of are not; things or appointments not needed
after a date to come, and a last conversation, are asked about; a wish to die marked as a joke is
asked about rather than flagged. Written in our own words; rules alone."""
from __future__ import annotations

from tests.unit.analysis.risk_rules import category, outcome, reading_tests

ROUND_FOUND: list[tuple[str, str]] = [
    ("My parents say they will disown me if I do not marry the man they choose.", "abuse_or_danger"),
    ("If I do not marry the man they choose, my brothers will punish me.", "abuse_or_danger"),
    ("My ex texted me 'I will kill you when I find you'.", "abuse_or_danger"),
    ("The note under my door said 'we will hurt you if you talk to the police'.", "abuse_or_danger"),
    # A game or a show named only as who did it or what with: the coach's sport, the TV's remote.
    ("My tennis coach has been sexually abusing me since the summer.", "abuse_or_danger"),
    ("He says it's only a game, but my stepbrother makes me do sexual things when we're alone.", "abuse_or_danger"),
    ("When she's drunk she throws things at me; last night it was the TV remote and it split my lip.", "abuse_or_danger"),
    ("I want to shoot up my former school.", "harm_to_others"),
    # A method asked of anyone at all is asked for whoever asks.
    ("How would someone hang themselves?", "suicidal_ideation"),
    ("What's the quickest way for people to hang themselves?", "suicidal_ideation"),
    # Things and appointments not needed after a date to come; a last conversation.
    ("I've given my bike to my nephew. I won't need it after Christmas.", "suicidal_ideation"),
    ("I won't be needing my dentist appointment next month.", "suicidal_ideation"),
    ("I think this is my last chat with you. You've been kind.", "suicidal_ideation"),
    # Silenced by a threat.
    ("If I say a word to anyone about it he'll make me pay.", "abuse_or_danger"),
    # The other side of each set-aside below.
    ("I'd rather die than go back to him.", "suicidal_ideation"),
    ("I'd rather die than go on like this.", "suicidal_ideation"),
    ("I'd rather be dead than go to school on Monday and face them.", "suicidal_ideation"),
    ("This is not in jest: I will smother him with a pillow while he sleeps.", "harm_to_others"),
    ("I bruise my thighs with my fists when I'm angry at myself.", "self_harm"),
]

ROUND_NOT_DISCLOSURES = [
    "For forty years I have threatened, in jest, to smother my husband with a pillow for his snoring.",
    "I took a tumble on the garden steps on Sunday and bruised my hip quite badly.",
    "i would rather die than go to prom with my cousin, mum pls stop",
    "I would rather die than go on one of those huge cruise ships, but my sister has booked us on one.",
    "I got hit in the face with a ball at netball and my nose bled everywhere.",
    "We watched a film last night in which a football coach is murdered by his assistant.",
    # Methods met at work, told rather than asked; a question about a named person's death.
    "I'm a paramedic, so over the years I've seen people who have hanged themselves, and some of them stay with me.",
    "How did your brother hang himself, if you don't mind me asking?",
    # Not needed because of a reason said beside it.
    "I won't be needing the car next week because I'm away on a course.",
    "We won't need the spare room after this month, my son is moving out.",
    "If I tell my boss about the mistake I'll regret it.",
    # The speaker's own denial stands whatever a condition after it says.
    "I would never hurt myself, even if I don't get the job.",
]


# An overdose told without an article, and as over.
ROUND_TOLD_AS_OVER = ["Years ago, when I was student, I take overdose and was in hospital. Now I am well."]

test_round_found_in_its_category, test_round_reading = reading_tests(
    ROUND_FOUND, [], ROUND_NOT_DISCLOSURES, ROUND_TOLD_AS_OVER, [])


def test_quoted_we_on_a_card_is_not_the_speaker() -> None:
    """A threat quoted from a card is aimed at the speaker; it is never the speaker's threat."""
    text = "The team gave me a card that said 'we'll kill you if you don't visit', with a drawing of a knife."
    assert category(text) != "harm_to_others"


def test_a_wish_to_die_marked_as_a_joke_is_asked_about_not_set_aside():
    """A joke can mask a real wish: asked once, gently; with means at hand it is flagged as before."""
    assert outcome("this essay is gonna be the death of me, i wanna die lol jk") == "ask"
    assert outcome("I want to kill myself. Just kidding.") == "ask"
    assert outcome("i want to kms tonight, ive got the pills ready jk") == "flag"
    assert outcome("I want to kill myself.") == "flag"
