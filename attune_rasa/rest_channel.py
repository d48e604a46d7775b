"""The REST channel with Attune's input checks: bad bodies get a 4xx, failures never go silent.

Rasa's own RestInput answers a JSON body that is not an object with a 500, and answers with an empty
list when handling a message fails (for example while the action server is down). This channel keeps
the same URL (/webhooks/rest/webhook) and request format, and instead:
- refuses a body that is not {"sender": str, "message": str, "metadata": object?} with a 400;
- refuses a message longer than MAX_MESSAGE_CHARS with a 413;
- removes control characters that databases cannot store (NUL and the other C0 codes but tab and
  newline) before the message goes anywhere;
- answers with an apology when the bot produced no reply, so a failure is never silent.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.messages import message
from bot.text import storable

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 20_000
MAX_SENDER_CHARS = 128


class BadRequest(ValueError):
    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class IncomingMessage:
    sender: str
    text: str
    metadata: dict[str, Any] | None


def parse_body(body: Any) -> IncomingMessage:
    """Check a REST body and return the message it carries, or raise BadRequest saying what is wrong."""
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object like {\"sender\": \"...\", \"message\": \"...\"}")
    sender = body.get("sender", "default")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    text = body.get("message", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise BadRequest("'message' must be a string")
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadRequest(f"'message' is longer than {MAX_MESSAGE_CHARS} characters", status=413)
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest("'metadata' must be a JSON object")
    return IncomingMessage(sender=storable(sender), text=storable(text), metadata=metadata)


class AttuneRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", type(self).__module__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                incoming = parse_body(request.json)
            except SanicException:
                return response.json({"error": "the body is not valid JSON"}, status=400)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=error.status)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(incoming.text, collector, incoming.sender,
                                input_channel=self.name(), metadata=incoming.metadata)
                )
            except Exception:  # a failing part must not leave the person without an answer
                logger.exception("Handling a REST message failed.")
            if not collector.messages:
                collector.messages.append({"recipient_id": incoming.sender,
                                           "text": message("frame", "no_reply").text})
            return response.json(collector.messages)

        return webhook
