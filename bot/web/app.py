"""The web server: the chat page for clients and trainees, and the review for therapists (Sanic).

One app, two parts: `/chat` (a page with the rasa-webchat widget, served from local files, talking
socket.io to the Rasa server) and `/review/...` (server-rendered pages over the transcript store,
`bot.web.review`). Every response carries security headers: a Content-Security-Policy without
inline script, no framing, no sniffing, no referrer.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.safety.resources import load_resources, resources_for
from bot.settings import REPO_ROOT, get_settings
from bot.web.signin import SignIns, WebSessionLimits

TEMPLATES = Path(__file__).with_name("templates")
WEB_DIR = REPO_ROOT / "web"
STATIC_DIR = WEB_DIR / "static"
WEBCHAT_BUNDLE = WEB_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
HOST_NAME = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})$")
CATEGORY_TITLES = {
    "abuse_or_danger": "If someone is hurting you, or you are in danger",
    "harm_to_others": "If you are afraid you might hurt someone",
    "someone_close": "If you are worried about a child, or an adult you look after",
    "someone_else": "If you are worried about someone else's safety",
}


@dataclass(frozen=True)
class WebConfig:
    """How the web server runs. `rasa_url`: the Rasa server as the browser reaches it; empty means
    the page's own host name on `rasa_port`."""

    rasa_port: int = 5005
    rasa_url: str = ""
    secure_cookies: bool = False
    limits: WebSessionLimits = field(default_factory=WebSessionLimits)


@functools.lru_cache(maxsize=None)
def templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, status: int = 200, headers: dict | None = None, **context) -> HTTPResponse:
    return response.html(templates().get_template(name).render(**context), status=status, headers=headers)


def rasa_origin(request: Request, config: WebConfig) -> str:
    if config.rasa_url:
        parts = urlsplit(config.rasa_url)
        return f"{parts.scheme}://{parts.netloc}"
    host = request.host.rsplit(":", 1)[0] if not request.host.endswith("]") else request.host
    if not HOST_NAME.match(host):  # the Host header goes into a header and the page: names only
        host = "127.0.0.1"
    scheme = "https" if request.scheme == "https" else "http"
    return f"{scheme}://{host}:{config.rasa_port}"


def security_headers(request: Request, resp: HTTPResponse, config: WebConfig) -> None:
    connect = "'self'"
    style = "'self'"
    if request.path == "/chat":
        origin = rasa_origin(request, config)
        ws = origin.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
        connect = f"'self' {origin} {ws}"
        style = "'self' 'unsafe-inline'"  # the widget injects its own style elements; never scripts
    resp.headers.setdefault("Content-Security-Policy", "; ".join([
        "default-src 'none'", "script-src 'self'", f"style-src {style}", "img-src 'self' data:",
        f"connect-src {connect}", "font-src 'self' data:", "form-action 'self'", "base-uri 'none'",
        "frame-ancestors 'none'", "object-src 'none'",
    ]))
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "no-referrer"
    resp.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    resp.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
    if request.path.startswith("/review"):
        resp.headers["Cache-Control"] = "no-store"


def crisis_context(locale: str | None) -> dict:
    """The chat page's crisis resources: the installation's locale, else the international entry;
    then every other listed region, each named, for people elsewhere."""
    here = resources_for(locale)
    key = locale if locale in load_resources().locales else "default"
    others = [resources for name, resources in load_resources().locales.items()
              if name not in (key, "default")]
    return {"here": here, "international": key == "default", "others": others,
            "category_titles": CATEGORY_TITLES}


def create_app(config: WebConfig = WebConfig(), name: str = "attune_web") -> Sanic:
    from bot.web.review import review_blueprint

    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = 256 * 1024  # sign-in forms and notes; nothing bigger is ever posted
    app.ctx.config = config
    app.ctx.signins = SignIns(config.limits)

    @app.middleware("response")
    async def add_headers(request: Request, resp: HTTPResponse) -> None:
        security_headers(request, resp, config)

    @app.get("/")
    async def home(_: Request) -> HTTPResponse:
        return response.redirect("/chat")

    @app.get("/favicon.ico")
    async def favicon(_: Request) -> HTTPResponse:
        return response.empty()

    @app.get("/healthz")
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @app.get("/chat")
    async def chat(request: Request) -> HTTPResponse:
        return page("chat.html.j2", rasa=rasa_origin(request, config), widget=WEBCHAT_BUNDLE.is_file(),
                    **crisis_context(get_settings().locale or None))

    @app.get("/vendor/rasa-webchat.js")
    async def webchat_bundle(_: Request) -> HTTPResponse:
        if not WEBCHAT_BUNDLE.is_file():
            return response.text("The chat widget is not installed: run `make web` (npm ci in web/).", status=503)
        return await response.file(WEBCHAT_BUNDLE, mime_type="text/javascript",
                                   headers={"Cache-Control": "public, max-age=3600"})

    app.static("/static", str(STATIC_DIR), name="static")
    app.blueprint(review_blueprint())
    return app
