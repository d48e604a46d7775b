"""The web review: the `attune` command's reading, notes, acknowledgements and exports, in a browser.

Every route goes through `bot.store.repository` as the signed-in person, exactly as the command line
does: the store checks role and links and audits each read (and each refusal); exports are audited
twice, as the read ("export") and as the file handed out ("export_file", with channel "web").
Stored text reaches the page only through Jinja2's autoescape, never as markup.
"""
from __future__ import annotations

import asyncio
import functools
from datetime import datetime, time, timezone
from typing import Any, Callable, Coroutine

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.exercises.registry import declarations
from bot.export import FORMATS, render
from bot.export.audience import for_reader, sees_scores
from bot.export.facts import scores_in
from bot.export.labels import all_labels
from bot.export.practice import is_simulated, report_sections, simulated_note
from bot.store import exercise_access, repository
from bot.store.views import Person, Role, SessionFilter, Transcript
from bot.web import pages
from bot.web.app import page
from bot.web.signin import COOKIE, csrf_ok

CARERS = {Role.THERAPIST, Role.SUPERVISOR}
CONTENT_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
                 "pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
                 "json": "application/json"}
# Sanic's route decorators take coroutine functions (Coroutine, not just any Awaitable).
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


async def store(fn, *args, **kwargs):
    """Store calls block (database, bcrypt): run them off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(fn, *args, **kwargs))


def client_address(request: Request) -> str:
    return request.ip or "?"


def render_page(request: Request, name: str, status: int = 200, **context) -> HTTPResponse:
    return page(name, status=status, me=getattr(request.ctx, "person", None),
                csrf=getattr(request.ctx, "csrf", ""), labels=all_labels(),
                scores_in=scores_in, is_simulated=is_simulated, **context)


def signed_in(handler: Handler) -> Handler:
    """Resolve the session cookie to a person (else sign-in page or 401); check CSRF on posts."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args, **kwargs) -> HTTPResponse:
        found = await store(request.app.ctx.signins.resume, request.cookies.get(COOKIE))
        if found is None:
            if request.method == "GET":
                resp = response.redirect("/review/login")
            else:
                resp = render_page(request, "error.html.j2", status=401, title="Signed out",
                                   message="Your session has ended. Please sign in again.")
            resp.cookies[COOKIE] = ""
            resp.cookies[COOKIE]["max-age"] = 0
            return resp
        request.ctx.person, request.ctx.csrf = found
        if request.method == "POST" and not csrf_ok(request.ctx.csrf, request.form.get("csrf")):
            await store(repository.record_audit, request.ctx.person, "denied", "form", None,
                        {"reason": "csrf", "path": request.path[:100]})
            return render_page(request, "error.html.j2", status=403, title="Form refused",
                               message="This form was not sent from the review page (a missing or wrong "
                                       "security token). Go back, reload the page and try again.")
        try:
            return await handler(request, *args, **kwargs)
        except repository.AccessDenied as error:
            return render_page(request, "error.html.j2", status=403, title="Not allowed", message=str(error))
        except repository.NotFound as error:
            return render_page(request, "error.html.j2", status=404, title="Not found", message=str(error))
        except repository.InvalidInput as error:
            return render_page(request, "error.html.j2", status=400, title="Cannot do that", message=str(error))

    return wrapper


def _date(value: str | None, end: bool = False) -> datetime | None:
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise repository.InvalidInput("Dates are written YYYY-MM-DD.") from None
    return datetime.combine(day, time.max if end else time.min, timezone.utc)


def _int(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        raise repository.InvalidInput("That is not a number.")
    return int(value)


def _cookie(resp: HTTPResponse, token: str, secure: bool) -> None:
    resp.cookies[COOKIE] = token
    cookie = resp.cookies[COOKIE]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/"
    if secure:
        cookie["secure"] = True


def review_blueprint() -> Blueprint:
    bp = Blueprint("review", url_prefix="/review")

    @bp.get("/login")
    async def login_form(request: Request) -> HTTPResponse:
        if await store(request.app.ctx.signins.resume, request.cookies.get(COOKIE)):
            return response.redirect("/review/")
        return render_page(request, "login.html.j2", error=None, username="")

    @bp.post("/login")
    async def login(request: Request) -> HTTPResponse:
        signins = request.app.ctx.signins
        username = (request.form.get("username") or "")[:120]
        password = (request.form.get("password") or "")[:1000]
        address = client_address(request)
        wait = signins.wait_seconds(username, address)
        if wait > 0:
            await store(repository.record_audit, None, "sign_in_throttled", "person", None,
                        {"wait_seconds": round(wait)})
            return render_page(request, "login.html.j2", status=429, username=username,
                               error=f"Too many failed sign-ins. Please wait {int(wait) + 1} seconds "
                                     "and try again.",
                               headers={"Retry-After": str(int(wait) + 1)})
        person = await store(repository.authenticate, username, password)
        if person is None:
            signins.failed(username, address)
            return render_page(request, "login.html.j2", status=401, username=username,
                               error="Wrong username or password.")
        signins.succeeded(username, address)
        token, _ = await store(signins.start, person)
        resp = response.redirect("/review/")
        _cookie(resp, token, request.app.ctx.config.secure_cookies)
        return resp

    @bp.post("/logout")
    @signed_in
    async def logout(request: Request) -> HTTPResponse:
        await store(request.app.ctx.signins.end, request.cookies.get(COOKIE), request.ctx.person)
        resp = response.redirect("/review/login")
        resp.cookies[COOKIE] = ""
        resp.cookies[COOKIE]["max-age"] = 0
        return resp

    @bp.get("/")
    @signed_in
    async def home(request: Request) -> HTTPResponse:
        me: Person = request.ctx.person
        people = await store(repository.list_people, me)
        risks = await store(repository.list_risk_events, me, True) if me.role in CARERS else []
        return render_page(request, "home.html.j2", people=[p for p in people if p.id != me.id],
                           risks=[(e, pages.risk_line(e)) for e in risks])

    @bp.post("/pair")
    @signed_in
    async def pair(request: Request) -> HTTPResponse:
        code = await store(repository.issue_pairing_code, request.ctx.person)
        return render_page(request, "paired.html.j2", code=code)

    @bp.get("/sessions")
    @signed_in
    async def sessions(request: Request) -> HTTPResponse:
        args = request.args
        filters = SessionFilter(person_id=_int(args.get("person")), since=_date(args.get("since")),
                                until=_date(args.get("until"), end=True),
                                exercise=(args.get("exercise") or "").strip()[:64] or None,
                                flagged_only=args.get("flagged") == "1")
        if filters.since and filters.until and filters.since > filters.until:
            raise repository.InvalidInput("'From' is after 'to'.")
        found = await store(repository.list_conversations, request.ctx.person, filters)
        people = await store(repository.list_people, request.ctx.person)
        return render_page(request, "sessions.html.j2", sessions=found, people=people, spread=pages.spread,
                           scores=sees_scores(request.ctx.person),
                           chosen={k: args.get(k) or "" for k in ("person", "since", "until", "exercise", "flagged")})

    @bp.get("/sessions/<conversation_id:int>")
    @signed_in
    async def transcript(request: Request, conversation_id: int) -> HTTPResponse:
        me: Person = request.ctx.person
        shown = for_reader(await store(repository.get_transcript, me, conversation_id), me)
        chart = await store(pages.chart, [shown]) if sees_scores(me) else None
        simulated = is_simulated(shown.conversation)
        return render_page(request, "transcript.html.j2", transcript=shown, facts=pages.session_facts(shown),
                           turns=[pages.turn_page(t, simulated) for t in shown.turns], chart=chart,
                           carer=me.role in CARERS, formats=FORMATS, simulated=simulated_note(shown.conversation),
                           reports=report_sections(shown))

    @bp.get("/people/<person_id:int>")
    @signed_in
    async def person(request: Request, person_id: int) -> HTTPResponse:
        me: Person = request.ctx.person
        history = [for_reader(t, me) for t in await store(repository.person_history, me, person_id)]
        someone = await store(repository.get_person, me, person_id)
        chart = await store(pages.chart, history) if sees_scores(me) else None
        openable = await _openable(me, person_id)
        return render_page(request, "person.html.j2", person=someone, history=list(reversed(history)),
                           chart=chart, formats=FORMATS, spread=pages.spread, scores=sees_scores(me),
                           openable=openable)

    @bp.post("/people/<person_id:int>/exercises/<name>")
    @signed_in
    async def open_exercise(request: Request, person_id: int, name: str) -> HTTPResponse:
        """A therapist opens (or closes) an exercise that needs them, for a client of theirs."""
        if not any(d.opened_by_therapist and d.name == name for d in declarations().values()):
            raise repository.InvalidInput("That is not an exercise a therapist opens.")
        await store(exercise_access.set_enabled, request.ctx.person, person_id, name, request.form.get("open") == "1")
        return response.redirect(f"/review/people/{person_id}")

    @bp.get("/sessions/<conversation_id:int>/export/<fmt>")
    @signed_in
    async def export_session(request: Request, conversation_id: int, fmt: str) -> HTTPResponse:
        return await _export(request, fmt, "conversation", conversation_id, lambda me: [
            repository.get_transcript(me, conversation_id, purpose="export")])

    @bp.get("/people/<person_id:int>/export/<fmt>")
    @signed_in
    async def export_person(request: Request, person_id: int, fmt: str) -> HTTPResponse:
        return await _export(request, fmt, "person", person_id, lambda me: repository.person_history(
            me, person_id, purpose="export"))

    @bp.post("/turns/<turn_id:int>/notes")
    @signed_in
    async def add_note(request: Request, turn_id: int) -> HTTPResponse:
        note = await store(repository.add_note, request.ctx.person, turn_id, request.form.get("text") or "")
        return response.redirect(f"{_back(request)}#turn-{note.turn_id}")

    @bp.get("/risks")
    @signed_in
    async def risks(request: Request) -> HTTPResponse:
        me: Person = request.ctx.person
        if me.role not in CARERS:
            raise repository.AccessDenied("Risk events are for therapists and supervisors.")
        open_only = request.args.get("open") == "1"
        events = await store(repository.list_risk_events, me, open_only)
        return render_page(request, "risks.html.j2", events=events, lines=[pages.risk_line(e) for e in events],
                           open_only=open_only)

    @bp.post("/risks/<event_id:int>/ack")
    @signed_in
    async def acknowledge(request: Request, event_id: int) -> HTTPResponse:
        note = (request.form.get("note") or "").strip() or None
        await store(repository.acknowledge_risk_event, request.ctx.person, event_id, note)
        return response.redirect(_back(request))

    return bp


async def _openable(me: Person, person_id: int) -> list[tuple[str, str, bool]]:
    """For a therapist: (name, title, open now) of each exercise they may open for this client."""
    if me.role is not Role.THERAPIST:
        return []
    opened = set(await store(exercise_access.enabled_exercises, me, person_id))
    return [(d.name, d.title, d.name in opened) for d in declarations().values() if d.opened_by_therapist]


def _back(request: Request) -> str:
    """Where a form came from (only paths inside the review, never another site)."""
    target = request.form.get("back") or "/review/"
    return target if target.startswith("/review/") and "//" not in target and "\\" not in target else "/review/"


async def _export(request: Request, fmt: str, kind: str, target_id: int,
                  read: Callable[[Person], list[Transcript]]) -> HTTPResponse:
    """A download in one of the five formats, read as the signed-in person (the store audits the
    read as "export"); the file handed out is audited too, as the command line does."""
    me: Person = request.ctx.person
    if fmt not in FORMATS:
        raise repository.InvalidInput(f"Unknown format; choose one of {', '.join(FORMATS)}.")
    transcripts = [for_reader(t, me) for t in await store(read, me)]
    data = await store(render, transcripts, fmt)
    await store(repository.record_audit, me, "export_file", kind, target_id, {"format": fmt, "channel": "web"})
    name = "session" if kind == "conversation" else kind
    return response.raw(data, content_type=CONTENT_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="attune-{name}-{target_id}.{fmt}"',
        "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    })
