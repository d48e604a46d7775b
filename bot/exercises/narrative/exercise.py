"""The narrative retelling on the exercise contract (bot/exercises/contract.py).

A paced walk through questions shaped like the Adult Attachment Interview (questions.yml): a
caregiver, five words and a memory for each, being upset, separations, feeling rejected, how it
shaped the person, why the caregiver may have acted so, what changed; then one chosen memory told
as the caregiver might have told it and as the adult would tell it to the child they were.

Pacing (pacing.py) and reflections (coherence.py) are pure modules; this class only moves the
steps. Admission (a linked therapist enabled it, consent specific to it) and progress between
sittings go through keeping.py to the store; with no person known nothing is stored.
"""
from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import Any

from bot.checkin.suds import parse_offered_rating
from bot.exercises.contract import Admission, Annotation, AnsweredTurn, Closing, Exercise, Profile, Reply, State
from bot.exercises.narrative import keeping
from bot.exercises.narrative.caregiver import caregiver_label
from bot.exercises.narrative.coherence import MAXIMS, SPARSE_WORDS, read, reflection_key
from bot.exercises.narrative.declaration import COHERENCE_SCORE, CONSENT_PATH, DECLARATION, MIND_SCORE, NAME, SUDS_SCORE
from bot.exercises.narrative.library import lexicon, step_ids, steps, words
from bot.exercises.narrative.pacing import Pace, after_rating, ending, wants_to_stop
from bot.exercises.narrative.phrases import find
from bot.exercises.narrative.schema import Step
from bot.exercises.narrative.state import NarrativeState
from bot.exercises.narrative.summary import therapist_view

INVITATIONS = ("invite_example", "invite_meaning")  # reflections that keep the step open for one more answer
ABOUT_THE_CAREGIVER = ("memory", "reflection")  # the steps that ask about the chosen caregiver
CHOICE_MAX_WORDS = 8  # "I'd rather think about someone else"; a longer answer is a memory that may name others


def _say(key: str, state: NarrativeState, rng: random.Random) -> str:
    variants = getattr(words(), key)
    text = rng.choice(variants) if isinstance(variants, list) else variants
    return text.format(caregiver=state.caregiver or words().unnamed_caregiver)


def _reply(state: NarrativeState, messages: list[str], **extra: Any) -> Reply:
    step = state.step
    return Reply(state.to_dict(), [m for m in messages if m], step=step.id if step else None,
                 finished=state.finished, **extra)


def _rating(text: str) -> float | None:
    """A rating, when the message is plainly one; longer words are the person's, not a number."""
    return None if (value := parse_offered_rating(text).value) is None else float(value)


def _rated_step(current: NarrativeState, step: Step) -> str:
    """The step a rating belongs to: after a memory, that memory (the state has already moved on)."""
    return steps()[current.step_index - 1].id if current.suds_open and current.step_index else step.id


def _memory_named(text: str) -> int:
    lowered = text.lower()
    for word, index in lexicon().memory_choice.items():
        if word in lowered:
            return index
    digits = [int(d) for d in lowered.split() if d.isdigit() and 1 <= int(d) <= 5]
    return digits[0] if digits else 0


class NarrativeExercise(Exercise):
    declaration = DECLARATION

    def steps(self, path: str) -> tuple[str, ...]:
        return step_ids()

    def admit(self, sender_id: str, path: str, profile: Profile) -> Admission:
        access = keeping.check_access(sender_id, NAME, consenting=path == CONSENT_PATH)
        if not access.allowed:
            return Admission(False, [getattr(words(), f"refusal_{access.reason}")[0]])
        kept = profile if isinstance(profile, dict) else {}
        return Admission(True, profile={**kept, "person_id": access.person_id, "progress": access.progress})

    def start(self, path: str, profile: Profile, rng: random.Random) -> Reply:
        state = NarrativeState(started_at=time.time())
        if isinstance(profile, dict):
            person = profile.get("person_id")
            state.person_id = person if isinstance(person, int) else None
            if state.take_progress(profile.get("progress")):
                # Safety first on coming back: how to stop, then a rating with the first question.
                return _reply(state, [_say("welcome_back", state, rng)])
        return _reply(state, [_say("intro", state, rng)])

    def ask(self, state: State, rng: random.Random) -> Reply:
        current = NarrativeState.from_dict(state)
        step = current.step
        if step is None or current.prompted:  # finished, or the last reply already asked something
            current.prompted = False
            return _reply(current, [])
        if not current.harmed and keeping.harm_told(current.person_id, NAME, current.started_at):
            self._mark_harm(current)
        question = self._question(current, step)
        messages = [question]
        if current.harmed and not current.harm_noted and step.kind in ABOUT_THE_CAREGIVER and not step.after_harm:
            # Said once, before the next question about a caregiver who harmed: the rest is the person's choice.
            current.harm_noted = current.harm_choice_open = True
            messages.insert(0, _say("after_harm_choice", current, rng))
        return _reply(current, messages, question=question)

    def _question(self, current: NarrativeState, step: Step) -> str:
        text = step.after_harm if current.harmed and step.after_harm else step.text
        return text.format(caregiver=current.caregiver or words().unnamed_caregiver)

    def _mark_harm(self, current: NarrativeState) -> None:
        current.harmed = True
        keeping.save(current.person_id, NAME, current.progress())

    def answer(self, state: State, text: str, rng: random.Random, question: str = "") -> Reply:
        current = NarrativeState.from_dict(state)
        step, text = current.step, text or ""
        if step is None:
            return _reply(current, [])
        if current.choosing:
            return self._choice(current, step, text, rng)
        if current.harm_choice_open and len(text.split()) <= CHOICE_MAX_WORDS and find(text, lexicon().another_caregiver):
            leaving = _say("another_caregiver", current, rng)  # said before the switch: it names who is left
            current.another_caregiver(time.time())
            keeping.save(current.person_id, NAME, current.progress())
            return _reply(current, [leaving], annotation=Annotation(NAME, step.id, result={"choice": "another_caregiver"}))
        current.harm_choice_open = False
        rating = _rating(text) if current.suds_open or step.kind == "suds" else None
        if rating is not None:
            return self._rated(current, step, rating, rng)
        if current.suds_open:  # words instead of the rating asked after a memory: passed by, on we go
            rated = _rated_step(current, step)
            current.suds_open = False
            return _reply(current, [_say("suds_passed", current, rng)],
                          annotation=Annotation(NAME, rated, result={"suds": None, "rating_passed": True}))
        if step.kind == "suds":  # words instead of a number at the end: thanked, and closed
            current.advance()
            keeping.save(current.person_id, NAME, None)
            return _reply(current, [_say("end_thanks", current, rng)],
                          annotation=Annotation(NAME, step.id, result={"suds": None}))
        return self._answered(current, step, text, rng)

    def _answered(self, current: NarrativeState, step: Step, text: str, rng: random.Random) -> Reply:
        reading = read(text, step.kind, lexicon())
        key = reflection_key(reading, step.kind, current.mind_seen, optional_view=bool(step.after_harm),
                             invites_example=step.invites_example)
        if current.follow_up and key in INVITATIONS:  # invited once already: taken as it is, and on we go
            key = "going_on" if reading.words < SPARSE_WORDS else "acknowledge_memory"
        if step.kind == "caregiver":
            current.caregiver = caregiver_label(text, lexicon(), words().unnamed_caregiver)
        if step.kind == "choose":
            current.memory_choice = _memory_named(text)
        current.mind_seen = current.mind_seen or key == "caregiver_mind_noticed"
        messages = [_say(key, current, rng)]
        # An invitation (an example for a bare word, the meaning of a flood) keeps the step open once.
        inviting = key in INVITATIONS and not current.follow_up
        if inviting:
            current.follow_up, current.prompted = True, True
        else:
            current.advance()
            if step.kind == "memory":  # the rating is a step of its own: the next question waits for it
                current.suds_open = current.prompted = True
                messages.append(_say("suds_offer", current, rng))
        keeping.save(current.person_id, NAME, current.progress() if not current.completed else None)
        annotation = Annotation(
            NAME, step.id, evidence=[m.evidence() for m in reading.markers],
            scores={COHERENCE_SCORE: float(len(reading.notes)), MIND_SCORE: float(reading.count("caregiver_mind"))},
            result={"kind": step.kind, "notes": reading.notes, "reflection": key, "words": reading.words,
                    "flooding": reading.flooding, "lack_of_recall": reading.cant_remember,
                    "declined_their_side": key == "not_their_side", "harm_told": current.harmed,
                    "memory_choice": current.memory_choice if step.kind == "choose" else None})
        return _reply(current, messages, annotation=annotation)

    def _rated(self, current: NarrativeState, step: Step, rating: float, rng: random.Random) -> Reply:
        decision = after_rating(current.curve, rating)
        current.curve.append(rating)
        rated = _rated_step(current, step)
        current.suds_open = False
        annotation = Annotation(NAME, rated, scores={SUDS_SCORE: rating},
                                result={"suds": rating, "pace": decision.pace.value, "reason": decision.reason})
        if step.kind == "suds":
            current.high_at_end = decision.pace is not Pace.GO_ON
            current.advance()
            keeping.save(current.person_id, NAME, None)
            return _reply(current, [_say("end_thanks", current, rng)], annotation=annotation)
        if decision.pace is Pace.STOP:
            current.stopped = True  # the closing says so, and contains (pacing.ending)
            keeping.save(current.person_id, NAME, current.progress())
            return _reply(current, [], annotation=annotation)
        keeping.save(current.person_id, NAME, current.progress())
        if decision.pace is Pace.GROUND:
            current.choosing = current.prompted = True
            return _reply(current, [_say("grounding_choice", current, rng)], annotation=annotation)
        return _reply(current, [_say("suds_thanks", current, rng)], annotation=annotation)

    def rated_at_start(self, state: State, rating: float, rng: random.Random) -> Reply | None:
        """The check-in's rating before the first question, read by this exercise's pacing: at 8 or
        more, or sharply up since the last rating (a sitting before), stop before any memory opens."""
        current = NarrativeState.from_dict(state)
        step = current.step
        if step is None:
            return None
        decision = after_rating(current.curve, rating)
        current.curve.append(rating)
        # The check-in stores the rating itself (a SUDS reading); an annotation says what pacing did with it.
        annotation = None if decision.pace is Pace.GO_ON else Annotation(
            NAME, step.id, scores={SUDS_SCORE: rating},
            result={"suds": rating, "pace": decision.pace.value, "reason": decision.reason, "at_start": True})
        if decision.pace is Pace.STOP:
            current.stopped = current.stopped_at_start = current.high_at_end = True
        keeping.save(current.person_id, NAME, current.progress())
        return _reply(current, [], annotation=annotation)

    def _choice(self, current: NarrativeState, step: Step, text: str, rng: random.Random) -> Reply:
        current.choosing = False
        stop = wants_to_stop(text, lexicon())
        annotation = Annotation(NAME, step.id, result={"choice": "stop" if stop else "go_on"})
        if stop:
            current.stopped = True
            return _reply(current, [], annotation=annotation)
        return _reply(current, [_say("going_on", current, rng)], annotation=annotation)

    def skip(self, state: State, rng: random.Random) -> Reply:
        current = NarrativeState.from_dict(state)
        if current.step is None:
            return _reply(current, [])
        current.prompted = False
        if current.suds_open:  # "skip" to the rating after a memory: on to the next question, not past it
            current.suds_open = False
            return _reply(current, [])
        current.advance()
        keeping.save(current.person_id, NAME, current.progress() if not current.completed else None)
        return _reply(current, [])

    def resume(self, state: State) -> State:
        current = NarrativeState.from_dict(state)
        # Back from a pause: ask afresh (the question, not the rating that was waiting).
        current.prompted = current.follow_up = current.choosing = current.suds_open = False
        return current.to_dict()

    def close(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
              rng: random.Random) -> Closing:
        current = NarrativeState.from_dict(state)
        messages = []
        if current.completed:
            retold = any(t.annotation.step == "adult_to_child" and "notes" in t.annotation.result for t in turns)
            messages.append(_say("closing_complete" if retold else "closing_looked_back", current, rng))
        elif not current.stopped:
            messages.append(_say("closing_partial", current, rng))
        messages += [_say(key, current, rng)
                     for key in ending(current.stopped, current.high_at_end, current.stopped_at_start)]
        return Closing(messages, self._profile_after(profile, current))

    def stopped(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
                rng: random.Random) -> Closing | None:
        """"Stop" part-way: never left on a memory; the place is kept for next time."""
        current = NarrativeState.from_dict(state)
        keeping.save(current.person_id, NAME, current.progress() if not current.completed else None)
        return Closing([_say("closing_partial", current, rng), _say("containment", current, rng)],
                       self._profile_after(profile, current))

    @staticmethod
    def _profile_after(profile: Profile, current: NarrativeState) -> dict:
        # The slot keeps only a count; the progress itself is in the store, keyed by the person.
        sittings = profile.get("sittings", 0) if isinstance(profile, dict) else 0
        return {"sittings": (sittings if isinstance(sittings, int) else 0) + 1,
                "completed": current.completed}

    def summary(self, turns: Sequence[AnsweredTurn], state: State | None = None) -> dict:
        return therapist_view(turns, NarrativeState.from_dict(state) if state else None, MAXIMS)
