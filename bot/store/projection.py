"""Project Rasa's stored events into the transcript tables.

Runs after the events are committed (so a failure here never loses them) and is idempotent: each
sender's `projection_state.last_event_id` moves forward in the same transaction as the rows it
produced, and every projected row remembers its source event (unique), so running it twice, or
after a crash, writes nothing twice.

What becomes what:
  user (UserUttered)        -> a user turn (text, intent); parse_data["attune_risk"], when it
                               flags risk, -> a risk event on that turn (source "nlu")
  bot (BotUttered)          -> a bot turn
  slot turn_annotation      -> an annotation of the latest user turn
  slot suds                 -> a SUDS measure (on the latest user turn)
  slot risk_event           -> a risk event on the latest user turn (source "dialogue"; one per turn)
  slot consent_given        -> consent given / withdrawn (see bot.store.consent)
  slot exercise, exercise_step -> the exercise and step of the following turns
Slots that Rasa re-sets when it carries them over into a new session (the SlotSet events between
`session_started` and the first message) only restore the exercise and step: they are not new
measurements or decisions.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.analysis.urgency import most_urgent
from bot.store import consent as consent_ops
from bot.store.models import (
    AnnotationRow,
    Conversation,
    ProjectionState,
    RasaEvent,
    RiskEventRow,
    SudsRow,
    TurnRow,
    utcnow,
)
from bot.store.people import person_for_sender, sender_has_consent

log = logging.getLogger(__name__)

USER, BOT, SLOT, SESSION_STARTED = "user", "bot", "slot", "session_started"
NOT_FLAGGED_LEVELS = {"", "none", "no_risk", "no risk", "0"}


@dataclass
class _Walk:
    """Per-run context: the state row plus whether we are in a session's carry-over preamble."""

    state: ProjectionState
    preamble: bool = False


def _when(data: dict) -> datetime:
    stamp = data.get("timestamp")
    if isinstance(stamp, (int, float)):
        return datetime.fromtimestamp(stamp, tz=timezone.utc)
    return utcnow()


def _state(session: Session, sender_id: str) -> ProjectionState:
    state = session.get(ProjectionState, sender_id)
    if state is None:
        state = ProjectionState(sender_id=sender_id, last_event_id=0, session_consented=False)
        session.add(state)
        session.flush()
    return state


def project_sender(session: Session, sender_id: str) -> int:
    """Project the sender's events not yet projected; returns how many events were walked."""
    state = _state(session, sender_id)
    rows = session.execute(
        sa.select(RasaEvent).where(RasaEvent.sender_id == sender_id, RasaEvent.id > state.last_event_id)
        .order_by(RasaEvent.id)
    ).scalars().all()
    walk = _Walk(state)
    for row in rows:
        data = json.loads(row.data)
        if state.session_start_event_id is None:
            _begin_session(session, walk, row.id)
        _step(session, walk, row.id, data)
        state.last_event_id = row.id
        state.last_event_at = _when(data)
    return len(rows)


def lagging_senders(session: Session) -> list[str]:
    """Senders with stored events not yet projected (a projection that failed and was not retried
    because the person has not written since)."""
    newest = (sa.select(RasaEvent.sender_id, sa.func.max(RasaEvent.id).label("newest"))
              .group_by(RasaEvent.sender_id).subquery())
    return list(session.execute(
        sa.select(newest.c.sender_id)
        .outerjoin(ProjectionState, ProjectionState.sender_id == newest.c.sender_id)
        .where(sa.or_(ProjectionState.sender_id.is_(None), ProjectionState.last_event_id < newest.c.newest))
    ).scalars())


def _step(session: Session, walk: _Walk, event_id: int, data: dict) -> None:
    kind = data.get("event")
    if kind == SESSION_STARTED:
        _end_session(session, walk, event_id)
        _begin_session(session, walk, event_id)
        walk.preamble = True
        return
    if kind == SLOT:
        _slot(session, walk, event_id, data)
        return
    walk.preamble = False  # the carried-over SlotSets come right after session_started, nothing else
    if walk.state.session_consented:
        _project_message(session, walk.state, event_id, data)


def _begin_session(session: Session, walk: _Walk, event_id: int) -> None:
    state = walk.state
    state.session_start_event_id = event_id
    state.conversation_id = None
    state.last_user_turn_id = None
    # A new session starts with no exercise running (actions/frame.py carries over only the person's
    # slots): an exercise left open by the last session must not label this one's turns, least of
    # all a simulated one, which would open the session to a supervisor (bot/store/access.py).
    state.exercise = state.step = None
    state.session_consented = sender_has_consent(session, state.sender_id)


def _end_session(session: Session, walk: _Walk, next_start_id: int) -> None:
    state = walk.state
    if not state.session_consented and state.session_start_event_id is not None:
        consent_ops.purge_session(session, state, before_id=next_start_id)


def _slot(session: Session, walk: _Walk, event_id: int, data: dict) -> None:
    state, name, value = walk.state, data.get("name"), data.get("value")
    if name == "exercise":
        state.exercise = _short(value)
    elif name == "exercise_step":
        state.step = _short(value)
    elif walk.preamble:
        return  # carried over from the last session: not a new decision or measurement
    elif name == "consent_given":
        _consent(session, walk, event_id, data)
    elif state.session_consented and name == "suds":
        _suds(session, state, event_id, data)
    elif state.session_consented and name == "turn_annotation":
        _annotation(session, state, event_id, data)
    elif state.session_consented and name == "risk_event":
        if isinstance(value, dict) and state.last_user_turn_id is not None:
            _risk(session, state, state.last_user_turn_id, event_id, value, "dialogue", _when(data))


def _short(value) -> str | None:
    return None if value is None else str(value)[:64]


def _consent(session: Session, walk: _Walk, event_id: int, data: dict) -> None:
    state, value, when = walk.state, data.get("value"), _when(data)
    if value is True or (isinstance(value, str) and value.strip().lower() in {"true", "yes"}):
        consent_ops.give_consent(session, state.sender_id, when=when)
        if not state.session_consented:
            _replay_session(session, walk, until_id=event_id)
    elif value is False or (isinstance(value, str) and value.strip().lower() in {"false", "no"}):
        consent_ops.decline_or_withdraw(session, state.sender_id, when=when)
        state.session_consented = False
        state.conversation_id = None
        state.last_user_turn_id = None


def _replay_session(session: Session, walk: _Walk, until_id: int) -> None:
    """Consent given mid-session covers the session so far: project its earlier events now."""
    state = walk.state
    state.session_consented = True
    exercise, step = state.exercise, state.step
    state.exercise = state.step = None
    rows = session.execute(
        sa.select(RasaEvent).where(RasaEvent.sender_id == state.sender_id,
                                   RasaEvent.id >= state.session_start_event_id,
                                   RasaEvent.id < until_id).order_by(RasaEvent.id)
    ).scalars().all()
    replay = _Walk(state)
    for row in rows:
        data = json.loads(row.data)
        if data.get("event") == SLOT and data.get("name") == "consent_given":
            continue  # an earlier "no" in this session is superseded by this "yes"
        if data.get("event") != SESSION_STARTED:
            _step(session, replay, row.id, data)
        else:
            replay.preamble = True
    state.exercise, state.step = exercise, step


def _conversation(session: Session, state: ProjectionState, when: datetime) -> Conversation:
    if state.conversation_id is not None:
        conversation = session.get(Conversation, state.conversation_id)
        if conversation is not None:
            return conversation
    person = person_for_sender(session, state.sender_id)
    if person is None:  # consent creates the person, and only consented sessions are projected
        raise LookupError(f"no person for a consented sender (projection state {state.sender_id!r})")
    conversation = Conversation(person_id=person.id, sender_id=state.sender_id,
                                session_start_event_id=state.session_start_event_id,
                                started_at=when, last_activity_at=when)
    session.add(conversation)
    session.flush()
    state.conversation_id = conversation.id
    return conversation


def _project_message(session: Session, state: ProjectionState, event_id: int, data: dict) -> None:
    kind = data.get("event")
    if kind not in (USER, BOT):
        return
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return  # e.g. a bot message with only buttons or an image: nothing to read
    when = _when(data)
    conversation = _conversation(session, state, when)
    parse = data.get("parse_data") or {}
    turn = TurnRow(conversation_id=conversation.id, seq=_next_seq(session, conversation.id), speaker=kind,
                   text=text, intent=(parse.get("intent") or {}).get("name") if kind == USER else None,
                   exercise=state.exercise, step=state.step, created_at=when, source_event_id=event_id)
    session.add(turn)
    conversation.last_activity_at = max(conversation.last_activity_at, when)
    if kind == USER:
        session.flush()  # the turn's id: annotations, SUDS and risk events that follow point at it
        state.last_user_turn_id = turn.id
        risk = parse.get("attune_risk")
        if isinstance(risk, dict) and _flagged(risk):
            _risk(session, state, turn.id, event_id, risk, "nlu", when)


def _next_seq(session: Session, conversation_id: int) -> int:
    """The conversation's next turn number. Asked of the database once per transaction, then
    counted here: every writer of a sender's turns holds the sender's lock for its transaction
    (rasa_log.lock_senders), so no other turn can be numbered meanwhile."""
    numbers: dict[int, int] = session.info.setdefault("projection_next_seq", {})
    if conversation_id not in numbers:
        numbers[conversation_id] = (session.execute(sa.select(sa.func.max(TurnRow.seq))
                                                    .where(TurnRow.conversation_id == conversation_id)).scalar() or 0) + 1
    seq = numbers[conversation_id]
    numbers[conversation_id] = seq + 1
    return seq


def _flagged(risk: dict) -> bool:
    if "flagged" in risk:
        return bool(risk["flagged"])
    level = str(risk.get("level") or "").strip().lower()
    return level not in NOT_FLAGGED_LEVELS


def _evidence(value) -> list[dict]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _risk_fields(risk: dict) -> tuple[dict, list[dict]]:
    """Category, severity, level and evidence from either shape: the `risk_event` slot (flat) or
    the NLU's full result (`findings`): the most urgent finding wins. The slot's way in ("ask", "past"),
    the other person's kind of risk for a worry about someone else, and the safety check's outcome are
    kept in the level's text for the therapist ("high; check: urgent", "concern; via: worry; risk:
    self_harm")."""
    findings = [f for f in risk.get("findings") or [] if isinstance(f, dict)]
    top = most_urgent(findings) or {}
    level = risk.get("level", top.get("level"))
    course = [f"{name}: {risk[key]}" for key, name in (("kind", "via"), ("concern", "risk"), ("outcome", "check"))
              if risk.get(key)]
    if course:
        level = "; ".join([str(level or "?"), *course])
    fields = {
        "category": _short(risk.get("category", top.get("category"))),
        "severity": _short(risk.get("severity", top.get("severity"))),
        "level": _short(level),
    }
    evidence = _evidence(risk.get("evidence"))
    for finding in findings:
        evidence.extend(_evidence(finding.get("evidence")))
    return fields, evidence


def _risk(session: Session, state: ProjectionState, turn_id: int, event_id: int, risk: dict,
          source: str, when: datetime) -> None:
    """One risk event per disclosure: the dialogue's `risk_event` refines the NLU's flag on the same
    turn, and the event's later course (the check's outcome, turns later, under the same "id") refines
    that event rather than adding another."""
    key = _short(risk.get("id")) if source == "dialogue" else None
    conversation = _conversation(session, state, when)
    existing = None
    if key:
        existing = session.execute(sa.select(RiskEventRow).where(
            RiskEventRow.conversation_id == conversation.id, RiskEventRow.event_key == key)).scalars().first()
    if existing is None:
        existing = session.execute(sa.select(RiskEventRow).where(RiskEventRow.turn_id == turn_id)).scalar_one_or_none()
    fields, evidence = _risk_fields(risk)
    if existing is None:
        session.add(RiskEventRow(conversation_id=conversation.id, turn_id=turn_id, source=source, event_key=key,
                                 evidence=json.dumps(evidence, ensure_ascii=False), created_at=when,
                                 source_event_id=event_id, **fields))
        session.flush()
        return
    if source == "dialogue":
        existing.source = "dialogue"
        existing.event_key = existing.event_key or key
        for key, value in fields.items():
            if value is not None:
                setattr(existing, key, value)
        if evidence:
            existing.evidence = json.dumps(evidence, ensure_ascii=False)


def _suds(session: Session, state: ProjectionState, event_id: int, data: dict) -> None:
    try:
        value = float(data.get("value"))  # type: ignore[arg-type]  # None or junk: caught below
    except (TypeError, ValueError):
        return  # a reset (None) or something unreadable is not a measurement
    if not 0 <= value <= 10:
        log.warning("Ignored a SUDS value outside 0-10: %r", value)
        return
    when = _when(data)
    conversation = _conversation(session, state, when)
    session.add(SudsRow(conversation_id=conversation.id, turn_id=state.last_user_turn_id, value=value,
                        exercise=state.exercise, step=state.step, measured_at=when,
                        source_event_id=event_id))
    session.flush()


def scores_of(result: dict) -> dict:
    """The numeric top-level fields of an analysis result (no text), for charts and filters."""
    return {key: value for key, value in result.items()
            if isinstance(value, (int, float)) and not isinstance(value, bool)}


def declared_scores(annotation: dict, result: dict) -> dict:
    """The annotation's named scores (bot/exercises/contract.py); an annotation from before the
    contract had none, and its numeric top-level fields were its scores."""
    declared = annotation.get("scores")
    return scores_of(declared) if isinstance(declared, dict) else scores_of(result)


def _annotation(session: Session, state: ProjectionState, event_id: int, data: dict) -> None:
    value = data.get("value")
    if not isinstance(value, dict) or state.last_user_turn_id is None:
        return
    raw = value.get("result")
    result: dict = raw if isinstance(raw, dict) else {}
    evidence = value.get("evidence")
    if isinstance(evidence, list) and evidence:
        result = {**result, "evidence": _evidence(evidence)}  # where the views look for spans
    session.add(AnnotationRow(turn_id=state.last_user_turn_id, kind=_short(value.get("kind")) or "unknown",
                              result=json.dumps(result, ensure_ascii=False), scores=declared_scores(value, result),
                              created_at=_when(data), source_event_id=event_id))
    session.flush()
