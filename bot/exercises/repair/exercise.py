"""The repair rehearsal on the exercise contract (bot/exercises/contract.py).

The bot plays the other person in a rupture (a persona from personas.yml, or one shaped from the
person's own story, own.py); each message of the person is an attempt at repair, read by the repair
rubric (bot/analysis/repair.py), and the character reacts to how it was made (character.py). The
coach (coach.py) steps in after a blocker, on "time out" (quoting the last attempt), and debriefs at
the end, also after "stop" once an attempt was made. "Rewind" takes the last attempt back: the
character returns to where it was and the person tries other words. "Swap" turns the roles round:
the person plays the character while the bot makes a good repair (the persona's modelled_repair),
then says how it was to hear it.

The profile is the list of persona ids rehearsed, so the next rehearsal starts with someone new.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

from bot.analysis import analyze
from bot.analysis.handover import analysis_of
from bot.analysis.repair import RepairResult
from bot.exercises.contract import AnsweredTurn, Closing, Exercise, Profile, Reply, State
from bot.exercises.repair import coach
from bot.exercises.repair.character import OPEN, Attempt, react, start_level
from bot.exercises.repair.declaration import DECLARATION, OWN_PATH
from bot.exercises.repair.library import coaching, personas
from bot.exercises.repair.own import Shape, describes_abuse, shape_from
from bot.exercises.repair.record import Tried, attempt_annotation, attempts_in, note_annotation, rewind_annotation
from bot.exercises.repair.schema import LEVELS, Persona
from bot.exercises.repair.state import LAST_WORDS_LIMIT, MAX_ATTEMPTS, MAX_REWINDS, RehearsalState, steps_for
from bot.exercises.wording import pick_fresh
from bot.safety.resources import format_resources

HISTORY_LIMIT = 50
SKIPPED = "skipped"  # marks a turn the person skipped in the attempts' history
ABUSE_CATEGORY = "abuse_or_danger"


def _reply(state: RehearsalState, messages: list[str | None], **extra: Any) -> Reply:
    if state.finished:
        state.last_words = ""  # kept only for a time out while rehearsing
    return Reply(state.to_dict(), [m for m in messages if m], step=state.step, finished=state.finished, **extra)


def _says(text: str, phrases: list[str]) -> bool:
    """A short control phrase ("rewind", "time out") said on its own, not inside an attempt."""
    words = re.sub(r"[^\w' ]+", " ", text.lower()).split()
    return 0 < len(words) <= 6 and any(phrase.lower() in " ".join(words) for phrase in phrases)


def _attempt_named(text: str) -> int | None:
    """The attempt a rewind names, by number or ordinal ("rewind to 2", "my first try")."""
    words = re.sub(r"[^\w ]+", " ", text.lower()).split()
    for word in words:
        if word.isdigit() and int(word) >= 1:
            return int(word)
        if word in coaching().ordinals[:MAX_ATTEMPTS]:
            return coaching().ordinals.index(word) + 1
    return None


def _choose(profile: Profile, exclude: list[str], rng: random.Random) -> Persona:
    done = [str(p) for p in profile or [] if isinstance(p, str)]
    pool = [p for p in personas() if p.id not in exclude and p.id not in done]
    pool = pool or [p for p in personas() if p.id not in exclude] or list(personas())
    return rng.choice(pool)


def _shape_of(state: RehearsalState) -> Shape:
    return Shape.from_dict(state.shape)


class RepairExercise(Exercise):
    declaration = DECLARATION

    def steps(self, path: str) -> tuple[str, ...]:
        return steps_for(path)

    def start(self, path: str, profile: Profile, rng: random.Random) -> Reply:
        state = RehearsalState()
        if path == OWN_PATH:
            state.begin_own()
            return _reply(state, [coach.as_coach(pick_fresh(coaching().own_intro, state.seen, rng) or "")])
        return self._begin(state, _choose(profile, [], rng), rng)

    def swap(self, state: State, profile: Profile, rng: random.Random) -> Reply:
        previous = RehearsalState.from_dict(state)
        fresh = RehearsalState(offered=previous.offered, seen=previous.seen)
        return self._begin(fresh, _choose(profile, previous.offered, rng), rng)

    def _begin(self, state: RehearsalState, persona: Persona, rng: random.Random) -> Reply:
        state.begin_persona(persona)
        intro = pick_fresh(coaching().introduce, state.seen, rng, {
            "name": persona.name, "Name": persona.name, "situation": persona.situation,
            "background": persona.background})
        opening = coach.character_line(persona, "opening", state.level, state.seen, rng)
        return _reply(state, [coach.as_coach(intro or persona.situation), opening])

    def ask(self, state: State, rng: random.Random) -> Reply:
        current = RehearsalState.from_dict(state)
        if current.finished or current.prompted:
            return _reply(current, [])
        if not current.rehearsing:
            question = getattr(coaching().own_questions, str(current.step))
            current.prompted = True
            return _reply(current, [coach.as_coach(question)], question=question)
        persona = current.persona()
        back = pick_fresh(coaching().back_from_pause, current.seen, rng, coach.fields_for(persona))
        current.prompted = True
        return _reply(current, [coach.as_coach(back or "")], question="")

    def answer(self, state: State, text: str, rng: random.Random, question: str = "") -> Reply:
        current = RehearsalState.from_dict(state)
        text = text or ""
        if current.finished:
            return _reply(current, [])
        if current.reflecting:
            return self._reflected(current, text, rng)
        if _says(text, coaching().swap_words):
            return self._swap_roles(current, rng)
        if not current.rehearsing:
            return self._describe(current, text, rng)
        if _says(text, coaching().rewind_words):
            return self._rewind(current, text, rng)
        if _says(text, coaching().timeout_words):
            return self._time_out(current, rng)
        return self._attempt(current, text, rng)

    def _describe(self, current: RehearsalState, text: str, rng: random.Random) -> Reply:
        step = str(current.step)
        if describes_abuse(text):
            # Not a rupture to rehearse: repairing it is not this person's job (own.py).
            current.finished_early = True
            refusal = pick_fresh(coaching().abuse_refusal, current.seen, rng)
            return _reply(current, [coach.as_coach(refusal or ""), format_resources(None, ABUSE_CATEGORY)],
                          annotation=note_annotation(step, {"abuse": True}))
        shape = shape_from(_shape_of(current), step, text)
        current.shape = shape.to_dict()
        current.step_index += 1
        current.prompted = False
        annotation = note_annotation(step, {"shape": shape.to_dict()})
        if not current.rehearsing:  # thank them and ask the next question at once
            question = getattr(coaching().own_questions, str(current.step))
            noted = pick_fresh(coaching().noted, current.seen, rng)
            current.prompted = True
            return _reply(current, [coach.as_coach(" ".join(p for p in (noted, question) if p))],
                          question=question, annotation=annotation)
        return _reply(current, self._meet_shaped(current, rng), annotation=annotation)

    def _meet_shaped(self, current: RehearsalState, rng: random.Random) -> list[str | None]:
        persona = current.persona()
        current.level, current.prompted = start_level(persona), True
        intro = pick_fresh(coaching().shaped_intro, current.seen, rng, coach.fields_for(persona))
        return [coach.as_coach(intro or ""), coach.character_line(persona, "opening", current.level, current.seen, rng)]

    def _attempt(self, current: RehearsalState, text: str, rng: random.Random) -> Reply:
        persona, step, number = current.persona(), str(current.step), current.attempt_number
        repair = analysis_of(text, only="repair").repair
        if repair is None:  # the analysis could not run: an attempt with nothing found
            repair = RepairResult()
        attempt = Attempt(frozenset(repair.component_names()), frozenset(repair.blocker_names()),
                          questions=text.count("?"), sentences=max(1, len(re.findall(r"[.!?]+(\s|$)", text))))
        reaction = react(persona, current.level, frozenset(current.met), len(current.history), attempt)
        current.history.append([current.level, sorted(current.met)])
        current.level, current.met = reaction.after, sorted(reaction.met)
        current.last_found = [sorted(attempt.components), sorted(attempt.blockers)]
        current.last_words = text[:LAST_WORDS_LIMIT]
        line = coach.character_line(persona, reaction.kind, reaction.after, current.seen, rng)
        note = (coach.after_blocker(text, repair, persona, reaction.met, current.seen, rng)
                if attempt.blockers else None)
        current.step_index += 1
        if reaction.after == OPEN:
            current.finished_early = True
        current.prompted = True
        annotation = attempt_annotation(step, number, repair, reaction, persona.id, note or "")
        return _reply(current, [line, note], annotation=annotation)

    def _rewind(self, current: RehearsalState, text: str, rng: random.Random) -> Reply:
        persona = current.persona()
        words = coaching()
        if not current.history:
            return _reply(current, [coach.as_coach(pick_fresh(words.nothing_to_rewind, current.seen, rng,
                                                              coach.fields_for(persona)) or "")])
        if current.rewinds >= MAX_REWINDS:
            return _reply(current, [coach.as_coach(pick_fresh(words.no_more_rewinds, current.seen, rng,
                                                              coach.fields_for(persona)) or "")])
        # Back to the attempt named ("rewind to 2", "go back to my first try"), else the last one.
        number = min(_attempt_named(text) or len(current.history), len(current.history))
        taken_back = current.history[number - 1:]
        del current.history[number - 1:]
        level, met = taken_back[0][0], taken_back[0][1]
        current.level, current.met = int(level), [str(n) for n in met]
        current.last_found, current.last_words = None, ""
        current.step_index -= len(taken_back)
        current.rewinds += 1
        current.prompted = True
        said = pick_fresh(words.rewound, current.seen, rng,
                          coach.fields_for(persona, level=words.level_words[LEVELS[current.level]]))
        # Skipped turns left no annotation, so taking back only those records nothing either.
        attempts = [entry for entry in taken_back if SKIPPED not in entry[2:]]
        annotation = rewind_annotation(str(current.step), number, persona.id) if attempts else None
        return _reply(current, [coach.as_coach(said or "")], annotation=annotation)

    def _time_out(self, current: RehearsalState, rng: random.Random) -> Reply:
        # The coach quotes the last attempt: its words are kept (only the last, cut short) and read
        # again by the rubric for the evidence to quote.
        persona = current.persona()
        current.prompted = True
        last = None
        if current.history:
            components, blockers = current.last_found or [[], []]
            words = current.last_words
            repair = analyze(words, only="repair").repair if words else None
            evidence = [e.to_dict() for f in repair.components + repair.blockers for e in f.evidence] if repair else []
            last = Tried(len(current.history), words, evidence, list(components), list(blockers), "", "", "")
        return _reply(current, [coach.time_out(last, persona, current.met, current.seen, rng)])

    def _swap_roles(self, current: RehearsalState, rng: random.Random) -> Reply:
        """The person plays the character; the bot makes a good repair, then asks how it was to hear."""
        if not current.rehearsing:
            return _reply(current, [coach.as_coach(pick_fresh(coaching().swap_not_yet, current.seen, rng) or "")])
        persona = current.persona()
        fields = coach.fields_for(persona)
        current.reflecting = current.swapped = current.prompted = True
        intro = pick_fresh(coaching().swap_intro, current.seen, rng, fields)
        question = pick_fresh(coaching().swap_question, current.seen, rng, fields) or ""
        return _reply(current, [coach.as_coach(intro or ""), coach.as_modelled(persona.modelled_repair),
                                coach.as_coach(question)], question=question)

    def _reflected(self, current: RehearsalState, text: str, rng: random.Random) -> Reply:
        """The person's reflection on hearing the modelled repair: acknowledged, then back to the
        character. Recorded as a note (no scores): it is not an attempt."""
        persona = current.persona()
        current.reflecting, current.prompted = False, True
        thanks = pick_fresh(coaching().swap_thanks, current.seen, rng)
        back = pick_fresh(coaching().back_to_character, current.seen, rng, coach.fields_for(persona))
        annotation = note_annotation(str(current.step), {"swap_reflection": True, "persona": persona.id})
        return _reply(current, [coach.as_coach(" ".join(p for p in (thanks, back) if p))], annotation=annotation)

    def skip(self, state: State, rng: random.Random) -> Reply:
        current = RehearsalState.from_dict(state)
        if current.finished:
            return _reply(current, [])
        if current.rehearsing:
            # Nothing said is a turn too: the character answers the silence, where it is.
            persona = current.persona()
            current.history.append([current.level, sorted(current.met), SKIPPED])
            current.step_index += 1
            current.prompted = True
            current.last_found, current.last_words = None, ""
            if current.finished:
                return _reply(current, [])
            return _reply(current, [coach.character_line(persona, LEVELS[current.level], current.level,
                                                         current.seen, rng)])
        current.step_index += 1
        current.prompted = False
        if current.rehearsing:
            return _reply(current, self._meet_shaped(current, rng))
        return _reply(current, [])

    def help(self, state: State, rng: random.Random) -> Reply:
        """"Help me" during the rehearsal brings the coach, as a time out does."""
        current = RehearsalState.from_dict(state)
        if not current.rehearsing or current.reflecting:
            return self.ask(state, rng)
        reply = self._time_out(current, rng)
        reply.question = ""  # said now, as an ask: the person's turn goes on
        return reply

    def resume(self, state: State) -> State:
        current = RehearsalState.from_dict(state)
        current.prompted = False  # back from a pause: the coach hands the turn back
        return current.to_dict()

    def close(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
              rng: random.Random) -> Closing:
        current = RehearsalState.from_dict(state)
        records = [str(p) for p in profile or [] if isinstance(p, str)]
        if current.persona_id:
            records = (records + [current.persona_id])[-HISTORY_LIMIT:]
        if not current.persona_id and not current.shape:
            return Closing([], records)
        if current.path == OWN_PATH and not any(t.annotation.result.get("attempt") for t in turns) \
                and any(t.annotation.result.get("abuse") for t in turns):
            return Closing([], records)  # the refusal already said what matters
        kept, rewound = attempts_in(turns)
        persona = current.persona()
        reflections = [t.answer for t in turns if t.annotation.result.get("swap_reflection")]
        messages = coach.debrief(kept, rewound, persona, current.level == OPEN, current.met, current.seen, rng,
                                 swap_reflection=reflections[-1] if reflections else None)
        return Closing(messages, records)

    def stopped(self, state: State, turns: Sequence[AnsweredTurn], profile: Profile,
                rng: random.Random) -> Closing | None:
        """Stopped part-way: the debrief still comes once an attempt was made."""
        kept, _ = attempts_in(turns)
        if not kept:
            return None
        return self.close(state, turns, profile, rng)

    def summary(self, turns: Sequence[AnsweredTurn], state: State | None = None) -> dict:
        current = RehearsalState.from_dict(state) if state else None
        kept, rewound = attempts_in(turns)
        view: dict[str, Any] = {
            "attempts": [t.to_dict() for t in kept],
            "rewound": [t.to_dict() for t in rewound],
            "repaired": bool(kept) and kept[-1].after == "open",
            "final_state": kept[-1].after if kept else None,
            "abuse_described": any(t.annotation.result.get("abuse") for t in turns),
            "swap_reflections": [t.answer for t in turns if t.annotation.result.get("swap_reflection")],
        }
        if current and (current.persona_id or current.shape):
            persona = current.persona()
            view["persona"] = {"id": persona.id, "name": persona.name, "relationship": persona.relationship,
                               "attachment": persona.attachment, "hurt": persona.hurt, "needs": persona.needs,
                               "their_side": persona.their_side}
        return view
