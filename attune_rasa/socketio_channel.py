"""The socket.io channel for the web chat, with the REST channel's input checks and a session token.

Rasa's own SocketIOInput trusts the `session_id` a browser sends: with session persistence, any
browser that names another's session id speaks as that person and receives their replies. (With the
python-socketio in our lock it also never joins the room it sends replies to: `enter_room` became a
coroutine that Rasa does not await.) This channel instead:
- treats the session id as a secret token: the server creates it (a browser may only bring back one
  of the right shape), and the Rasa sender id is `web-` + a hash of it, so knowing a sender id (in
  logs or the database) does not let anyone speak or listen as that person, and a browser cannot
  pick a REST sender's id;
- binds each socket to the sender of its own `session_request`; a message naming another session is
  refused, and replies go only to the sockets that proved the token;
- checks every message like the REST channel does (`rest_channel.parse_body`): a JSON object with a
  string message of at most MAX_MESSAGE_CHARS characters, metadata an object, control characters
  removed; socket.io frames over MAX_FRAME_BYTES are dropped by the server itself;
- accepts connections only from the web chat's origins (`allowed_origins`, else ATTUNE_WEB_ORIGINS,
  else the web server's default address);
- answers with an apology when handling a message produced no reply, so failure is never silent.
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from typing import Any, Awaitable, Callable, Iterable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from attune_rasa.rest_channel import MAX_MESSAGE_CHARS, BadRequest, parse_body
from bot.messages import message
from bot.store.people import hash_secret

logger = logging.getLogger(__name__)

# A socket.io frame carries one message plus its JSON envelope; anything much bigger is refused
# by the engine before it reaches Python code.
MAX_FRAME_BYTES = 4 * MAX_MESSAGE_CHARS + 16_384
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
DEFAULT_WEB_PORT = 8080

REFUSALS = {
    400: "I could not read that message (it was not in the shape I expect). Please try again.",
    413: f"That message is too long for me (at most {MAX_MESSAGE_CHARS:,} characters). "
         "Could you send it in shorter parts?",
}
NO_SESSION = "This page lost its connection to me. Please reload the page; your conversation is kept."


def new_token() -> str:
    return secrets.token_urlsafe(32)


def sender_for(token: str) -> str:
    """The Rasa sender id of a session token (the token itself is never stored)."""
    return "web-" + hash_secret(token)[:40]


def default_origins() -> list[str]:
    """Where the web chat page is served from: ATTUNE_WEB_ORIGINS (comma-separated), else the web
    server's own address on loopback."""
    configured = os.environ.get("ATTUNE_WEB_ORIGINS", "").strip()
    if configured:
        return [origin.strip().rstrip("/") for origin in configured.split(",") if origin.strip()]
    port = os.environ.get("ATTUNE_WEB_PORT", "").strip() or str(DEFAULT_WEB_PORT)
    return [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]


class _CountingOutput(SocketIOOutput):
    """Rasa's socket.io output that remembers whether anything was sent."""

    sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)


class AttuneSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "AttuneSocketIOInput":
        credentials = credentials or {}
        channel = cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            True,  # sessions always persist: the token is what binds a browser to its sender
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "customData"),
        )
        channel.allowed_origins = list(credentials.get("allowed_origins") or default_origins())
        return channel

    allowed_origins: list[str] = []

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        origins: Iterable[str] = self.allowed_origins or default_origins()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=list(origins),
                          max_http_buffer_size=MAX_FRAME_BYTES)
        webhook = SocketBlueprint(sio, self.socketio_path, "attune_socketio_webhook", __name__)
        self.sio = sio
        senders: dict[str, str] = {}  # socket id -> the sender its session token proved

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            if not self.jwt_key:  # optional, as in Rasa's channel: a JWT in the connect auth
                return True
            import rasa.core.channels.channel as channel

            token = auth.get("token") if isinstance(auth, dict) else None
            return bool(token and channel.decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            senders.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            proposed = data.get("session_id") if isinstance(data, dict) else None
            token = proposed if isinstance(proposed, str) and TOKEN_SHAPE.match(proposed) else new_token()
            sender = sender_for(token)
            previous = senders.get(sid)
            if previous and previous != sender:
                await sio.leave_room(sid, previous, namespace=self.namespace)
            senders[sid] = sender
            await sio.enter_room(sid, sender, namespace=self.namespace)
            await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            sender = senders.get(sid)
            if sender is None or (isinstance(data, dict) and data.get("session_id") is not None
                                  and sender_for(str(data.get("session_id"))) != sender):
                logger.warning("A socket.io message without this socket's own session was refused.")
                await sio.emit(self.bot_message_evt, {"text": NO_SESSION}, room=sid, namespace=self.namespace)
                return
            try:
                incoming = parse_body(self._body(sender, data))
            except BadRequest as error:
                await sio.emit(self.bot_message_evt, {"text": REFUSALS.get(error.status, REFUSALS[400])},
                               room=sid, namespace=self.namespace)
                return
            output = _CountingOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(incoming.text, output, sender, input_channel=self.name(),
                                                 metadata=incoming.metadata))
            except Exception:  # a failing part must not leave the person without an answer
                logger.exception("Handling a socket.io message failed.")
            if not output.sent:
                await output._send_message(sender, {"text": message("frame", "no_reply").text})

        return webhook

    def _body(self, sender: str, data: Any) -> Any:
        """The socket message in the REST body's shape, so one function checks both channels."""
        if not isinstance(data, dict):
            return data
        metadata = data.get(self.metadata_key)
        if metadata == {}:
            metadata = None
        return {"sender": sender, "message": data.get("message"), "metadata": metadata}
