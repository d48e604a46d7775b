"""The repair character's state machine, driven by the real repair rubric on real attempts.

Scripted good attempts bring every persona to "open" within a few tries and never on the first;
blaming, defensive and grovelling attempts never do; hurt has a floor; the attachment pattern
shows (an avoidant character withdraws from a barrage, an anxious one presses for what's next).
"""
from __future__ import annotations

import pytest

from bot.analysis import analyze
from bot.exercises.repair.character import OPEN, Attempt, react, start_level
from bot.exercises.repair.library import persona_by_id, personas, shaped_personas
from bot.exercises.repair.schema import LEVELS

OWNS_THE_MOMENT = "I'm sorry for what I said that evening. It was my fault, and you didn't deserve it."
MEETS_THEIR_FEELING = "I can see you felt hurt and let down. How was it for you?"
OFFERS_A_WAY = "I feel sad about it. I want to make it up to you: can we meet on Saturday and talk it through?"
GOOD = [OWNS_THE_MOMENT, MEETS_THEIR_FEELING, OFFERS_A_WAY, OWNS_THE_MOMENT, MEETS_THEIR_FEELING]
BLAMING = ["I was wrong to yell, but you did provoke me.", "You always overreact. It's your own fault."]
DEFENSIVE = ["I was only trying to help. I did nothing wrong.", "I'm sorry you feel that way, but you need to calm down."]
FAWNING = ["I'm sorry, I'm sorry, I'm a terrible person, I'll do anything.", "I'm so sorry. I'm the worst. Please don't leave me."]
EVERYONE = personas() + shaped_personas()


def attempt(text: str) -> Attempt:
    repair = analyze(text, only="repair").repair
    return Attempt(frozenset(repair.component_names()), frozenset(repair.blocker_names()),
                   questions=text.count("?"), sentences=max(1, text.count(".") + text.count("?")))


def rehearse(persona, texts):
    level, met, path = start_level(persona), frozenset(), []
    for number, text in enumerate(texts):
        reaction = react(persona, level, met, number, attempt(text))
        level, met = reaction.after, reaction.met
        path.append(reaction)
        if level == OPEN:
            break
    return path


@pytest.mark.parametrize("persona", EVERYONE, ids=lambda p: p.id)
def test_good_attempts_repair_within_a_few_tries_but_never_at_once(persona):
    path = rehearse(persona, GOOD)
    assert path[-1].after == OPEN
    assert 2 <= len(path) <= 4
    assert all(r.after - r.before <= 1 for r in path)  # one step at a time
    assert set(persona.needs) <= path[-1].met


@pytest.mark.parametrize("persona", EVERYONE, ids=lambda p: p.id)
@pytest.mark.parametrize("texts", [BLAMING * 3, DEFENSIVE * 3, FAWNING * 3], ids=["blaming", "defensive", "fawning"])
def test_blaming_defensive_and_fawning_attempts_never_repair(persona, texts):
    path = rehearse(persona, texts)
    assert all(r.after <= r.before for r in path)
    assert path[-1].after < OPEN


def test_hurt_has_a_floor_and_no_line_kind_beyond_more_hurt():
    persona = persona_by_id("daniel_dinner_party")  # blame is not what hurts him most
    path = rehearse(persona, BLAMING * 4)
    assert [LEVELS[r.after] for r in path] == ["hurt", "more_hurt", "more_hurt", "more_hurt", "more_hurt",
                                               "more_hurt", "more_hurt", "more_hurt"]
    assert {r.kind for r in path} <= {"hurt", "more_hurt"}


def test_what_hurts_a_character_most_drops_it_two_steps():
    marek = persona_by_id("marek_snapped")
    assert "blame" in marek.worse
    assert react(marek, 2, frozenset(), 0, attempt(BLAMING[0])).after == 0
    aiko = persona_by_id("aiko_credit")
    assert "blame" not in aiko.worse
    assert react(aiko, 2, frozenset(), 0, attempt(BLAMING[0])).after == 1


def test_grovelling_is_not_rewarded_even_beside_a_real_apology():
    persona = persona_by_id("daniel_dinner_party")
    reaction = react(persona, 2, frozenset(), 0, attempt(
        "I'm sorry I mocked your risotto at dinner. I'm the worst, I ruin everything."))
    assert reaction.kind == "fawned" and reaction.after == reaction.before
    assert "ownership" in reaction.met  # the owned deed still counts once the grovelling stops


def test_a_blocker_undoes_the_good_in_the_same_attempt():
    persona = persona_by_id("tomas_secret")
    reaction = react(persona, 2, frozenset(), 0, attempt(
        "I'm sorry I told them about your job at the party, but you never said it was a secret."))
    assert reaction.after == 1 and reaction.kind == "hurt"


def test_an_avoidant_character_withdraws_from_a_barrage_of_questions():
    persona = persona_by_id("lena_christmas")
    barrage = attempt("I'm sorry. What do you need? How do you feel? Why didn't you say? What can I do?")
    assert react(persona, 2, frozenset(), 0, barrage).kind == "pressed"
    secure = persona_by_id("daniel_dinner_party")
    assert react(secure, 2, frozenset(), 0, barrage).after == 3


def test_an_anxious_character_presses_for_what_happens_next():
    persona = persona_by_id("priya_anniversary")
    met = frozenset({"ownership"})
    reaction = react(persona, 3, met, 2, attempt(MEETS_THEIR_FEELING))
    assert reaction.after == 3 and reaction.kind == "pressed"
    reaction = react(persona, 3, reaction.met, 3, attempt(OFFERS_A_WAY))
    assert reaction.after == OPEN


def test_nothing_said_moves_nothing():
    persona = persona_by_id("aiko_credit")
    reaction = react(persona, 2, frozenset(), 0, attempt("hmm"))
    assert (reaction.before, reaction.after, reaction.kind) == (2, 2, "guarded")


def test_a_new_kind_of_repair_moves_a_step_even_when_it_is_not_what_they_most_need():
    persona = next(p for p in shaped_personas() if p.attachment == "avoidant")
    assert "their_feelings" not in persona.needs
    reaction = react(persona, 2, frozenset({"ownership"}), 1, attempt("I can see you felt let down."))
    assert reaction.after == 3
    again = react(persona, 3, reaction.met, 2, attempt("I can see you felt let down and alone."))
    assert again.after == 3 and again.kind == "still_hurts"  # the same thing again moves nothing
