"""JSON export: the transcripts exactly as the store gave them (views' `to_dict()`).

json escapes C0 control characters itself; DEL, C1 controls, bidi marks and line/paragraph
separators are escaped here too, so the file shows them as \\uXXXX instead of acting on a viewer.
Parsing the file gives back the stored text unchanged.
"""
from __future__ import annotations

import json
import re
from typing import Callable, Sequence

from bot.export.practice import is_simulated, report_sections, simulated_note
from bot.store.views import Transcript

Progress = Callable[[Transcript], None]
FORMAT_NAME = "attune.transcripts"
FORMAT_VERSION = 1

_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def render(transcripts: Sequence[Transcript], exported_at: str, progress: Progress | None = None) -> bytes:
    sessions = []
    practice = []  # beside the sessions (which stay the store's views exactly): simulated practice, reports
    for transcript in transcripts:
        sessions.append(transcript.to_dict())
        reports = [{"heading": r.heading, "lines": list(r.lines)} for r in report_sections(transcript)]
        if is_simulated(transcript.conversation) or reports:
            practice.append({"session_id": transcript.conversation.id, "simulated": is_simulated(transcript.conversation),
                             "label": simulated_note(transcript.conversation), "reports": reports})
        if progress:
            progress(transcript)
    return dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": exported_at,
                  "sessions": sessions, "practice": practice})


def dumps(document: dict) -> bytes:
    """UTF-8 JSON with every control or direction character escaped (datetimes as ISO strings)."""
    text = json.dumps(document, ensure_ascii=False, indent=2,
                      default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v))
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")
