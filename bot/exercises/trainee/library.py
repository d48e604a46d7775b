"""Trainee practice's data files, read and validated once per process."""
from __future__ import annotations

import functools
from pathlib import Path

from bot.content import ContentError, load_document, parse_document, parse_entries, read_yaml
from bot.exercises.trainee.schema import Client, ClientLibrary, FeedbackCatalogue, Session

HERE = Path(__file__).parent
CLIENTS_FILE = HERE / "clients.yml"
FEEDBACK_FILE = HERE / "feedback.yml"


def parse_client_library(raw: object, source: str = CLIENTS_FILE.name) -> tuple[Session, list[Client]]:
    """Validate a client file's contents: the session settings and every client."""
    library = parse_document(raw, ClientLibrary, source=source)
    return library.session, parse_entries(library.clients, Client, source=source)


@functools.lru_cache(maxsize=None)
def _library() -> tuple[Session, tuple[Client, ...]]:
    session, clients = parse_client_library(read_yaml(CLIENTS_FILE))
    return session, tuple(clients)


def clients() -> tuple[Client, ...]:
    return _library()[1]


def session_rules() -> Session:
    return _library()[0]


def client_by_id(client_id: str) -> Client:
    for client in clients():
        if client.id == client_id:
            return client
    raise ContentError(f"{CLIENTS_FILE.name}: no client with id {client_id!r}")


@functools.lru_cache(maxsize=None)
def feedback_catalogue() -> FeedbackCatalogue:
    return load_document(FEEDBACK_FILE, FeedbackCatalogue)


PRONOUNS = {
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "her", "herself"),
    "they": ("they", "them", "their", "themselves"),
}


def client_fields(client: Client) -> dict[str, str]:
    """Template fields naming the client."""
    they, them, their, themselves = PRONOUNS[client.pronoun]
    return {"name": client.name, "they": they, "They": they.capitalize(), "them": them,
            "their": their, "themselves": themselves}
