"""A client chats in the web page, a therapist reviews it in the web review: real servers, real browser.

The tests run in order and build on each other (one conversation, reviewed afterwards), like a day
of use: chat, reload, help; then sign-in, reading, a note, a download, refusals.
"""
from __future__ import annotations

import re
import time

import requests
from playwright.sync_api import Page, expect

STAFF_PASSWORD = "a long test password"
HOSTILE = ('<script>window.__pwned = 1</script> **loud** [click me](javascript:window.__pwned=2) '
           '<img src=x onerror="window.__pwned=3"> ![pic](http://127.0.0.1:9/x.png)')
ANSWERS = [
    "I felt hurt and a bit embarrassed, like I had done something wrong.",
    "Maybe she was worried about something at work, or she didn't notice because she was tired.",
]
state: dict = {}


# --- the chat ---------------------------------------------------------------------------------------

def bot_texts(page: Page) -> list[str]:
    return page.locator(".rw-response").all_inner_texts()


def wait_for_replies(page: Page, before: int, expected: str | None = None) -> str:
    """The bot's messages after the first `before`, once they stop arriving (they come one by one)."""
    page.wait_for_function("""([n, expected]) => {
        const fresh = [...document.querySelectorAll('.rw-response')].slice(n);
        return fresh.length > 0 && (!expected || fresh.some((m) => m.innerText.includes(expected)));
    }""", arg=[before, expected or ""])
    count, since = -1, time.monotonic()
    while time.monotonic() - since < 2.5:
        now = page.locator(".rw-response").count()
        if now != count:
            count, since = now, time.monotonic()
        time.sleep(0.2)
    return "\n".join(bot_texts(page)[before:])


def say(page: Page, text: str, expected: str | None = None) -> str:
    before = page.locator(".rw-response").count()
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")
    return wait_for_replies(page, before, expected)


def click_reply(page: Page, title: str, expected: str | None = None, keyboard: bool = False) -> str:
    before = page.locator(".rw-response").count()
    button = page.get_by_role("button", name=title).last
    if keyboard:  # quick replies are reachable and usable without a mouse
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()
    return wait_for_replies(page, before, expected)


def test_a_client_starts_in_the_web_chat_and_links_with_their_therapist(web, tools):
    page = tools.page(viewport={"width": 1280, "height": 900})
    state["client"] = page
    page.goto(f"{web.url}/chat")
    expect(page.locator(".rw-response").filter(has_text="keep a record").last).to_be_visible()
    expect(page.locator("#status")).to_contain_text("Connected")
    assert tools.axe(page) == []
    tools.screenshot(page, "chat-desktop-first-visit")

    assert "What would you like to do?" in click_reply(page, "Yes, that's okay", "What would you like to do?",
                                                      keyboard=True)
    from bot.store import repository

    with web.store():
        code = repository.issue_pairing_code(web.tess).code
    say(page, "I have a pairing code", "pairing code")
    assert "linked with Tess Therapist" in say(page, code, "linked with")


def test_the_conversation_is_kept_across_a_reload_and_continues_where_it_was(web, tools):
    page: Page = state["client"]
    opening = click_reply(page, "Reflect on a moment between people", "?")
    assert "?" in opening
    first = say(page, ANSWERS[0], "?")
    assert "keep a record" not in first and "?" in first  # a reply and the next question
    shown_before = bot_texts(page)

    page.reload()
    expect(page.locator("#status")).to_contain_text("Connected")
    expect(page.locator(".rw-client").filter(has_text="embarrassed")).to_be_visible()
    assert bot_texts(page)[:len(shown_before)] == shown_before
    token = page.evaluate("() => JSON.parse(localStorage.getItem('chat_session')).session_id")
    state["token"] = token

    second = say(page, ANSWERS[1], "?")
    assert "keep a record" not in second and "Hi, I'm Attune" not in second  # no fresh start
    assert "tired" in second or "work" in second or "?" in second
    tools.screenshot(page, "chat-desktop-after-reload")


def test_hostile_text_in_the_chat_stays_text(web, tools):
    page: Page = state["client"]
    say(page, HOSTILE)
    expect(page.locator(".rw-client").filter(has_text="window.__pwned = 1")).to_be_visible()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator('.rw-client a[href^="javascript"], .rw-client img[src="x"]').count() == 0


def test_pause_is_visible_and_pauses(web, tools):
    page: Page = state["client"]
    pause = page.get_by_role("button", name="Pause the exercise")
    expect(pause).to_be_visible()
    before = page.locator(".rw-response").count()
    pause.click()
    reply = wait_for_replies(page, before)
    assert re.search(r"paus", reply, re.I), reply
    resumed = click_reply(page, "Resume", "?") if page.get_by_role("button", name="Resume").count() else say(page, "resume", "?")
    assert "?" in resumed


def test_i_need_help_now_shows_the_resources_and_starts_the_safety_check(web, tools):
    page: Page = state["client"]
    before = page.locator(".rw-response").count()
    page.get_by_text("I need help now", exact=True).click()
    resources = page.locator("#help-now .resources")
    expect(resources).to_be_visible()
    expect(resources).to_contain_text("Find a Helpline")  # no locale known: the international entry
    expect(resources).to_contain_text("112")
    reply = wait_for_replies(page, before, "?")
    assert "ending" in reply and "life" in reply, reply  # the direct question of the safety check
    tools.screenshot(page, "chat-desktop-help-now")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator("#status")).to_contain_text("Connected")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert tools.axe(page) == []
    tools.screenshot(page, "chat-phone")


def test_the_help_works_when_the_bot_is_down(web, tools):
    page = tools.page(viewport={"width": 390, "height": 844})
    rasa = web.servers.rasa_url
    page.context.route(re.compile(re.escape(rasa) + ".*"), lambda route: route.abort())
    page.goto(f"{web.url}/chat")
    page.get_by_text("I need help now", exact=True).click()
    resources = page.locator("#help-now .resources")
    expect(resources).to_be_visible()
    expect(resources).to_contain_text("Find a Helpline")
    expect(page.locator("#status")).to_contain_text("not reachable")
    tools.screenshot(page, "chat-phone-bot-down-help")
    page.context.close()


def test_forgetting_the_conversation_on_a_shared_device_starts_afresh(web, tools):
    page = tools.page(viewport={"width": 390, "height": 844})
    page.goto(f"{web.url}/chat")
    expect(page.locator(".rw-response").filter(has_text="keep a record").last).to_be_visible()
    first = page.evaluate("() => JSON.parse(localStorage.getItem('chat_session')).session_id")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Forget this conversation on this device").click()
    consent_question = page.locator(".rw-response").filter(has_text="Is it okay with you that I keep a record")
    expect(consent_question.last).to_be_visible()
    second = page.evaluate("() => JSON.parse(localStorage.getItem('chat_session')).session_id")
    assert second != first
    assert consent_question.count() == 1  # a fresh start
    page.context.close()


def test_the_socket_refuses_other_origins(web):
    # The browser enforces nothing for socket.io's polling requests from another site's page;
    # the server does: an origin that is not the web page's gets no session.
    response = requests.get(f"{web.servers.rasa_url}/socket.io/?EIO=4&transport=polling",
                            headers={"Origin": "http://evil.example"}, timeout=10)
    assert response.status_code == 400
    allowed = requests.get(f"{web.servers.rasa_url}/socket.io/?EIO=4&transport=polling",
                           headers={"Origin": web.url}, timeout=10)
    assert allowed.status_code == 200 and '"sid"' in allowed.text


class SocketClient:
    """A second program on the chat's socket.io channel, as another browser's page would be."""

    def __init__(self, rasa_url: str, origin: str) -> None:
        import socketio

        self.client = socketio.Client()
        self.replies: list[dict] = []
        self.confirmed: list[str] = []
        self.client.on("bot_uttered", self.replies.append)
        self.client.on("session_confirm", self.confirmed.append)
        self.client.connect(rasa_url, headers={"Origin": origin}, transports=["polling"])

    def session(self, proposed) -> str:
        before = len(self.confirmed)
        self.client.emit("session_request", {"session_id": proposed})
        return self.wait(lambda: self.confirmed[before:], "session_confirm")[-1]

    def send(self, body) -> list[dict]:
        before = len(self.replies)
        self.client.emit("user_uttered", body)
        return self.wait(lambda: self.replies[before:], "a reply")

    @staticmethod
    def wait(found, what: str):
        for _ in range(600):
            if found():
                return found()
            time.sleep(0.1)
        raise AssertionError(f"no {what} within a minute")


def test_a_socket_gets_only_its_own_session(web):
    from attune_rasa.socketio_channel import NO_SESSION, REFUSALS, sender_for

    client_sender = sender_for(state["token"])
    other = SocketClient(web.servers.rasa_url, web.url)
    try:
        # Naming the client's sender id (which logs and the database hold) is not the client's token.
        token = other.session(client_sender)
        assert sender_for(token) != client_sender
        # A made-up or a REST-style session id is replaced by a new token from the server.
        assert other.session("alice") not in ("alice", token)
        assert other.send({"message": "hi", "session_id": state["token"]}) == [{"text": NO_SESSION}]
        assert other.send({"message": "x" * 20_001})[0]["text"] == REFUSALS[413]
        assert other.send({"message": ["not", "text"]})[0]["text"] == REFUSALS[400]
        assert other.send({"message": "hi", "customData": "not an object"})[0]["text"] == REFUSALS[400]
    finally:
        other.client.disconnect()
    from bot.store import repository

    with web.store():  # nothing the other socket sent reached the client's conversation
        mine = repository.export_person_data(client_sender)
    said = [t["text"] for c in mine["conversations"] for t in c["turns"] if t["speaker"] == "user"]
    assert "hi" not in said and not any(text.startswith("xxx") for text in said)


# --- the review -------------------------------------------------------------------------------------

def sign_in(page: Page, url: str, username: str, password: str = STAFF_PASSWORD) -> None:
    page.goto(f"{url}/review/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def user_turn(page: Page, words: str):
    """The transcript's user turn whose message holds these words (as read on screen: a marked
    phrase's explanation is in the DOM beside it, so a plain text filter would not match)."""
    turn_id = page.evaluate("""(words) => [...document.querySelectorAll('.turn.user')]
        .find((turn) => turn.querySelector('.text').innerText.includes(words)).id""", words)
    return page.locator(f"#{turn_id}")


def test_a_therapist_signs_in_and_finds_the_conversation(web, tools):
    page = tools.page(viewport={"width": 1280, "height": 900})
    state["tess"] = page
    page.goto(f"{web.url}/review/")
    expect(page).to_have_url(re.compile(r"/review/login$"))
    assert tools.axe(page) == []
    tools.screenshot(page, "review-sign-in")
    sign_in(page, web.url, "tess")
    expect(page.get_by_role("heading", name="Hello, Tess Therapist")).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "attune_review")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    assert tools.axe(page) == []  # the home page: linked people, open risk events

    page.get_by_role("link", name="Sessions", exact=True).click()
    page.get_by_label("Only sessions with risk events").check()
    page.get_by_role("button", name="Show").click()
    assert tools.axe(page) == []
    link = page.get_by_role("link", name=re.compile(r"^Session \d+$")).first
    state["session_url"] = f"{web.url}{link.get_attribute('href')}"
    link.click()
    expect(page.locator(".turn.user").first).to_be_visible()
    expect(user_turn(page, ANSWERS[0])).to_be_visible()


def test_markers_are_highlighted_and_explained_on_hover_and_keyboard_focus(web, tools):
    page: Page = state["tess"]
    marks = page.locator("mark.m")
    assert marks.count() > 0
    first = marks.first
    tip = page.locator(f"#{first.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    first.hover()
    expect(tip).to_be_visible()
    assert ":" in tip.inner_text()  # "marker: why it counted"
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()

    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "MARK":
            break
    focused = page.locator("mark:focus")
    expect(focused).to_have_count(1)
    expect(page.locator(f"#{focused.get_attribute('aria-describedby')}")).to_be_visible()
    assert page.locator(".scores dt", has_text="RF-style estimate").count() > 0  # scores beside turns
    assert page.locator("figure.chart img").count() == 1
    assert tools.axe(page) == []
    tools.screenshot(page, "review-transcript")


def test_hostile_transcript_text_renders_inert(web, tools):
    page: Page = state["tess"]
    turn = user_turn(page, "window.__pwned = 1")
    assert page.evaluate("() => window.__pwned") is None
    assert turn.locator("a, img, script, strong").count() == 0
    assert "[click me](javascript:window.__pwned=2)" in turn.inner_text()


def test_a_note_is_added_and_a_form_without_the_csrf_token_is_refused(web, tools):
    page: Page = state["tess"]
    page.keyboard.press("Escape")  # the focused marker's explanation closes
    expect(page.locator(".tip:visible")).to_have_count(0)
    turn = user_turn(page, ANSWERS[0])
    turn.get_by_text("Add a note").click()
    turn.get_by_label(re.compile("Note on turn")).fill("Ask about the embarrassment next time.")
    turn.get_by_role("button", name="Save note").click()
    expect(page.locator(".note").filter(has_text="Ask about the embarrassment")).to_be_visible()

    turn_id = turn.get_attribute("id").split("-")[1]
    forged = page.request.post(f"{web.url}/review/turns/{turn_id}/notes",
                               form={"text": "forged note", "back": "/review/"}, max_redirects=0)
    assert forged.status == 403
    page.reload()
    expect(page.locator(".note").filter(has_text="forged note")).to_have_count(0)


def test_the_pdf_downloads_and_the_risk_event_is_acknowledged(web, tools):
    page: Page = state["tess"]
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    assert open(path, "rb").read(5) == b"%PDF-"

    open_event = page.locator(".risk-event.open").first
    expect(open_event).to_be_visible()
    open_event.get_by_label("What you did (optional)").fill("Called the client.")
    open_event.get_by_role("button", name=re.compile("Acknowledge")).click()
    expect(page.locator(".risk-event.open")).to_have_count(0)
    expect(page.locator(".risk-event").first).to_contain_text("Called the client.")

    page.get_by_role("link", name="Risk events").click()
    expect(page.get_by_role("heading", name="Risk events")).to_be_visible()
    assert tools.axe(page) == []


def test_another_therapist_cannot_reach_it_by_url_and_the_refusal_is_audited(web, tools):
    page = tools.page()
    sign_in(page, web.url, "otto")
    expect(page.get_by_role("heading", name="Hello, Otto Other")).to_be_visible()
    page.get_by_role("button", name="Make a pairing code").click()  # how a therapist links a client
    expect(page.locator("#pairing-code")).to_have_text(re.compile(r"^[2-9A-Z]{4}-[2-9A-Z]{4}$"))
    response = page.goto(state["session_url"])
    assert response.status == 403
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    assert page.goto(state["session_url"] + "/export/pdf").status == 403
    from bot.store import repository

    conversation_id = int(state["session_url"].rsplit("/", 1)[1])
    with web.store():
        denied = [a for a in repository.audit_log(web.admin, limit=500)
                  if a.actor_id == web.otto.id and a.action == "denied" and a.target_id == conversation_id]
        viewed = [a for a in repository.audit_log(web.admin, limit=500)
                  if a.actor_id == web.tess.id and a.action in ("view", "export") and a.target_id == conversation_id]
    assert len(denied) >= 2
    assert {a.action for a in viewed} == {"view", "export"}
    page.context.close()


def test_signing_out_ends_the_session(web, tools):
    page: Page = state["tess"]
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/review/login$"))
    assert page.goto(state["session_url"]).url.endswith("/review/login")


def test_five_wrong_passwords_slow_down_the_next_attempt(web, tools):
    page = tools.page()
    for _ in range(5):
        sign_in(page, web.url, "otto", "not the password")
        expect(page.get_by_role("alert")).to_contain_text("Wrong username or password")
    sign_in(page, web.url, "otto")  # even the right password waits now
    expect(page.get_by_role("alert")).to_contain_text("Too many failed sign-ins")
    expect(page.get_by_role("heading", name="Hello, Otto Other")).to_have_count(0)
    page.context.close()
