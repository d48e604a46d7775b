"""`attune` against a real store: what a therapist or supervisor sees, what they may not see, and
that every read is audited."""
from __future__ import annotations

import re

import pytest

from bot.review.errors import EXIT_INVALID, EXIT_NOT_ALLOWED
from bot.store import repository

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def audited(admin, actor, action, target_type, target_id=None):
    return [a for a in repository.audit_log(admin, limit=1000, actor_id=actor.id)
            if a.action == action and a.target_type == target_type
            and (target_id is None or a.target_id == target_id)]


def test_people_lists_only_linked_clients_and_trainees(world, attune):
    out = attune.sign_in(world.tess)("people").output
    assert world.ann.display_name in out and world.bob.display_name not in out
    out = attune.sign_in(world.sue)("people").output
    assert world.tina.display_name in out and world.ann.display_name not in out
    out = attune.sign_in(world.admin)("people", "--role", "therapist").output
    assert "Dr Tess" in out and "Dr Otto" in out and world.ann.display_name not in out


def test_sessions_filters(world, attune):
    attune.sign_in(world.tess)

    def ids(*args):
        result = attune("sessions", *args)
        assert result.exit_code == 0, result.output
        rows = [line for line in result.output.splitlines() if re.match(r"^\W*\d+\s", line)]
        return [int(re.search(r"\d+", row).group()) for row in rows]

    assert ids() == [world.ann_second, world.ann_first]  # newest first, only her linked client
    assert ids("--flagged") == [world.ann_first]
    assert ids("--exercise", "repair") == [world.ann_second]
    assert ids("--since", "2026-03-05") == [world.ann_second]
    assert ids("--until", "2026-03-02") == [world.ann_first]  # --until is inclusive of that day
    assert ids("--person", world.ann.id) == [world.ann_second, world.ann_first]
    assert attune("sessions", "--since", "2026-03-09", "--until", "2026-03-01").exit_code == EXIT_INVALID
    assert attune("sessions", "--since", "March").exit_code == 2  # click's usage error


def test_show_prints_turns_in_order_with_scores_markers_risks(world, attune):
    result = attune.sign_in(world.tess)("show", world.ann_first)
    assert result.exit_code == 0, result.output
    out = result.output
    transcript = repository.get_transcript(world.tess, world.ann_first)
    starts = [out.index(turn.text[:30].replace("\x1b", "")) for turn in transcript.turns[:-1]]
    assert starts == sorted(starts)
    assert "RF-style estimate" in out and "SUDS 6" in out
    assert all(f"turn {turn.id}" in out for turn in transcript.turns)  # the ids `note` takes
    assert "mentalizing / self_mind" in out
    assert 'self_mind: "I thought"' in out or "I thought" in out
    assert re.search(r"RISK #\d+: self_harm / high / explicit: \"hurt myself\"", out)
    # The hostile message is shown as text: rich markup and terminal escapes are not obeyed.
    assert "[red]not red[/red]" in out and "<script>alert(1)</script>" in out
    assert "\x1b" not in out and "[31mansi" in out


def test_show_highlights_markers_and_risk_in_colour(world, attune):
    out = attune.sign_in(world.tess)("show", world.ann_first, color=True).output
    # "I thought" is a self_mind marker: drawn in that family's style (bold cyan), "maybe" too.
    assert "\x1b[1;36mI " in out and "\x1b[1;36mthought" in out  # self_mind: bold cyan
    assert "\x1b[1;32mmaybe\x1b[0m" in out  # opacity: bold green
    assert "\x1b[1;35mshe was " in out  # other_mind: bold magenta
    assert re.search(r"\x1b\[1;31m\s*RISK #", out)  # risk events in red
    assert "\x1b[1;31mhurt myself\x1b[0m" in out  # and the words that raised them
    assert "\x1b[31mansi" not in out  # the message's own escape sequence was removed
    assert "I thought" in ANSI.sub("", out)


def test_cross_access_is_refused_for_every_command_and_audited(world, attune, tmp_path):
    attune.sign_in(world.tess)
    bob_turn = repository.get_transcript(world.otto, world.bob_session).turns[-1].id
    bob_out = tmp_path / "bob.json"
    refused = {
        "show": ["show", world.bob_session],
        "show (trainee)": ["show", world.tina_session],
        "sessions": ["sessions", "--person", world.bob.id],
        "note": ["note", bob_turn, "peeking"],
        "risks": ["risks", "--person", world.bob.id],
        "export": ["export", world.bob_session, "--format", "json", "--out", bob_out],
        "export person": ["export", "--person", world.bob.id, "--format", "csv", "--out", bob_out],
        "export-data": ["export-data", "--person", world.ann.id, "--out", bob_out],
        "audit of others": ["audit", "--actor", world.otto.id],
        "admin": ["admin", "create-person", "--role", "client", "--name", "X"],
        "erase": ["erase", "--person", world.ann.id, "--yes"],
        "rotate-key": ["rotate-key", "--old", "x", "--new", "y"],
    }
    for name, args in refused.items():
        result = attune(*args)
        assert result.exit_code == EXIT_NOT_ALLOWED, (name, result.output)
        assert "not allowed" in result.output and "Traceback" not in result.output, name
    assert not bob_out.exists()
    assert audited(world.admin, world.tess, "denied", "conversation", world.bob_session)
    assert "Bob's private words" not in "".join(attune(*args).output for args in refused.values())


def test_every_read_leaves_an_audit_row(world, attune):
    attune.sign_in(world.tess)
    attune("people")
    attune("sessions")
    attune("show", world.ann_first)
    attune("risks")
    assert audited(world.admin, world.tess, "list", "person")
    assert audited(world.admin, world.tess, "list", "conversation")
    assert audited(world.admin, world.tess, "view", "conversation", world.ann_first)
    assert audited(world.admin, world.tess, "list", "risk_event")


def test_notes_are_added_and_shown(world, attune):
    attune.sign_in(world.tess)
    turn = repository.get_transcript(world.tess, world.ann_first).turns[3]
    result = attune("note", turn.id, "Notices her own guess; explore what she felt.")
    assert result.exit_code == 0 and re.search(r"Note #\d+ added to turn", result.output)
    assert "Notices her own guess; explore what she felt." in attune("show", world.ann_first).output
    assert attune("note", turn.id, "   ").exit_code == EXIT_INVALID
    assert audited(world.admin, world.tess, "note", "turn", turn.id)


def test_risks_newest_first_and_acknowledgement(world, attune):
    attune.sign_in(world.tess)
    (event,) = repository.list_risk_events(world.tess)
    out = attune("risks", "--open").output
    assert f"{event.id}" in out and "OPEN" in out and "self_harm / high / explicit" in out
    assert attune.sign_in(world.otto)("ack", event.id).exit_code == EXIT_NOT_ALLOWED
    attune.sign_in(world.tess)
    result = attune("ack", event.id, "--note", "Called her; safety plan in place.")
    assert result.exit_code == 0 and f"Risk event #{event.id} acknowledged" in result.output
    assert "self_harm" not in attune("risks", "--open").output
    assert "acknowledged by Dr Tess" in attune("risks").output
    assert "(Called her; safety plan in place.)" in attune("show", world.ann_first).output


def test_pair_issues_a_code_that_links_a_client(world, attune):
    result = attune.sign_in(world.tess)("pair", "--hours", "2")
    code = re.search(r"Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})", result.output).group(1)
    assert repository.redeem_pairing_code(code, "chat-new-client").ok
    assert attune.sign_in(world.admin)("pair").exit_code == EXIT_NOT_ALLOWED


def test_audit_for_admin_and_own_actions(world, attune):
    attune.sign_in(world.tess)("show", world.ann_first)
    own = attune("audit", "--limit", "500").output
    assert "therapist:" in own and "view" in own and "admin:" not in own
    everyone = attune.sign_in(world.admin)("audit", "--limit", "500", "--target-type", "conversation").output
    assert f"conversation {world.ann_first}" in everyone


def test_unknown_session_is_a_clear_error(world, attune):
    result = attune.sign_in(world.tess)("show", 9999)
    assert result.exit_code in (3, 4) and "Error:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["show", "abc"], ["note"], ["export", "--format", "md", "--out", "x"]])
def test_usage_errors(world, attune, args):
    result = attune.sign_in(world.tess)(*args)
    assert result.exit_code in (2, EXIT_INVALID) and "Traceback" not in result.output


def test_odd_notes_get_clear_answers(world, attune):
    attune.sign_in(world.tess)
    turn = repository.get_transcript(world.tess, world.ann_first).turns[3]
    too_long = attune("note", turn.id, "x" * 20_000)
    assert too_long.exit_code == EXIT_INVALID and "too long" in too_long.output
    for odd in ("😢🙏", "我觉得她生气了", "<b>bold</b> [red]x[/red] \x1b[2J", "=cmd()"):
        assert attune("note", turn.id, odd).exit_code == 0, odd
    shown = attune("show", world.ann_first).output
    assert "😢🙏" in shown and "我觉得她生气了" in shown and "<b>bold</b> [red]x[/red]" in shown
    assert "\x1b" not in shown


def test_show_through_the_pager(world, attune):
    result = attune.sign_in(world.tess)("show", world.ann_first, "--pager")
    assert result.exit_code == 0 and "went quiet" in result.output


def test_consent_history_and_unlink(world, attune):
    attune.sign_in(world.tess)
    shown = attune("consent", "--person", world.ann.id)
    assert shown.exit_code == 0 and "given" in shown.output and "2026-03-02" in shown.output
    assert attune("consent", "--person", world.bob.id).exit_code == EXIT_NOT_ALLOWED
    assert attune("unlink", "--person", world.ann.id, input="n\n").exit_code == 1  # asked, declined
    assert attune("unlink", "--person", world.ann.id, "--yes").exit_code == 0
    assert attune("show", world.ann_first).exit_code == EXIT_NOT_ALLOWED  # no longer hers to see
    assert world.ann.display_name not in attune("people").output


def test_token_for_scripts_is_shown_once_and_works(world, attune):
    out = attune.sign_in(world.sue)("token").output
    issued = re.search(r"keep it secret\): (\S+)", out).group(1)
    assert repository.authenticate_token(issued).id == world.sue.id


def test_a_client_reading_their_own_session_gets_words_not_scores(world, attune, tmp_path):
    from bot.review import auth

    auth.save_token(repository.issue_token(world.admin, world.ann.id))
    shown = attune("show", world.ann_first)
    assert shown.exit_code == 0, shown.output
    assert "went quiet" in shown.output and 'opacity: "maybe"' in shown.output  # the words stay
    assert "RF-style" not in shown.output and "SUDS 6" in shown.output  # her own rating stays
    out = tmp_path / "mine.json"
    assert attune("export", world.ann_first, "--format", "json", "--out", out).exit_code == 0
    mine = out.read_text()
    assert '"rf_estimate"' not in mine and "RF-style" not in mine and '"rf_band"' not in mine
    assert '"text": "maybe"' in mine  # the evidence is hers to read
    assert attune("risks").exit_code == EXIT_NOT_ALLOWED  # risk review is for carers
    therapist_view = attune.sign_in(world.tess)("show", world.ann_first).output
    assert "RF-style estimate" in therapist_view


def test_events_stored_but_not_projected_show_up(world, attune):
    """A crash between storing Rasa's events and projecting them must not hide a turn from review."""
    from bot.store import db, rasa_log
    from bot.store.testing import bot, user

    later = 1773050000.0  # 2026-03-09
    with db.unit_of_work() as session:
        rasa_log.append_events(session, "chat-ann", [bot("Shall we go on?", later),
                                                      user("I was scared she would leave.", "inform", later + 1)])
    shown = attune.sign_in(world.tess)("show", world.ann_second).output
    assert "I was scared she would leave." in shown
