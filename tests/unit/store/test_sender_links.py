"""A new chat sender met by several processes at once (the action server redeeming a pairing code
while the projector records the consent) gets one person and one link, never a unique-key error."""
from __future__ import annotations

import threading

import sqlalchemy as sa

from bot.store import db
from bot.store.models import PersonRow, SenderLink
from bot.store.people import ensure_person_for_sender, link_sender_unless_linked
from bot.store.views import Role


def _links(sender_id: str) -> list[SenderLink]:
    with db.unit_of_work() as session:
        return list(session.execute(sa.select(SenderLink).where(SenderLink.sender_id == sender_id)).scalars())


def _people() -> int:
    with db.unit_of_work() as session:
        return len(session.execute(sa.select(PersonRow.id)).all())


def test_a_sender_already_linked_is_left_as_it_is(store_url):
    with db.unit_of_work() as session:
        first = ensure_person_for_sender(session, "chat-linked").id
    with db.unit_of_work() as session:
        other = PersonRow(role=Role.CLIENT.value, display_name="someone else", active=True)
        session.add(other)
        session.flush()
        assert link_sender_unless_linked(session, "chat-linked", other.id) is False
        assert link_sender_unless_linked(session, "chat-new", other.id) is True
    assert [link.person_id for link in _links("chat-linked")] == [first]
    assert [link.person_id for link in _links("chat-new")] != [first]


def test_processes_meeting_a_new_sender_at_once_share_one_person(store_url):
    start = threading.Barrier(6)
    found: list[int] = []
    errors: list[BaseException] = []

    def meet() -> None:
        try:
            start.wait()
            with db.unit_of_work() as session:
                found.append(ensure_person_for_sender(session, "chat-race").id)
        except BaseException as error:  # collected: an assertion in a thread would be lost
            errors.append(error)

    threads = [threading.Thread(target=meet) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(found)) == 1 and len(found) == 6
    assert [link.person_id for link in _links("chat-race")] == found[:1]
    assert _people() == 1, "the losers' people are removed (the database starts empty)"
