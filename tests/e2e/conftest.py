"""Start the real Rasa server and action server on free loopback ports, with their own data dir.

One server pair serves the whole session (every e2e test uses its own sender ids, so the tests stay
independent). Starting waits for as long as the servers are alive and progressing (scripts/serve.sh,
scripts/wait_http.py), not for a fixed time; a reply may take as long as Rasa gives an action (300 s).
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
REPLY_TIMEOUT = 300.0  # Rasa's own limit for an action call; not a performance expectation


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Servers:
    env: dict[str, str]
    rasa_url: str
    data_dir: Path
    _admin: Any = None

    def admin(self) -> Any:
        """The store's administrator, created on first use: the servers (and their store) are shared by
        the whole run, and a store has one first administrator. Call inside `store()`."""
        from bot.store import repository

        if self._admin is None:
            self._admin = repository.bootstrap_admin("admin-e2e", "a-long-admin-password")
        return self._admin

    def serve(self, command: str) -> None:
        result = subprocess.run(["scripts/serve.sh", command], cwd=REPO, env=self.env,
                                capture_output=True, text=True)
        assert result.returncode == 0, f"serve.sh {command} failed:\n{result.stdout}\n{result.stderr}"

    def say(self, sender: str, text, timeout: float = REPLY_TIMEOUT) -> list[dict]:
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=timeout)
        assert response.status_code == 200, response.text
        return response.json()

    def texts(self, sender: str, text, timeout: float = REPLY_TIMEOUT) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, text, timeout))

    @contextlib.contextmanager
    def store(self):
        """Run store calls in this process against the servers' database and key file."""
        from bot.settings import get_settings
        from bot.store import db

        saved = dict(os.environ)
        os.environ.update({k: self.env[k] for k in ("ATTUNE_DATA_DIR", "ATTUNE_DATABASE_URL")})
        os.environ.pop("ATTUNE_ENCRYPTION_KEY", None)  # the servers use the key file in their data dir
        get_settings.cache_clear()
        db.reset_caches()
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)
            get_settings.cache_clear()
            db.reset_caches()

    def log(self, name: str) -> str:
        path = self.data_dir / "run" / f"{name}.log"
        return path.read_text() if path.exists() else ""


def trained_model_exists() -> bool:
    # The same folder scripts/serve.sh loads from (ATTUNE_MODELS_DIR, else models/).
    return any((REPO / os.environ.get("ATTUNE_MODELS_DIR", "models")).glob("*.tar.gz"))


def server_env(data_dir: Path, rasa_port: int, actions_port: int, **extra: str) -> dict[str, str]:
    """The environment scripts/serve.sh starts a pair with: its own data dir, database and ports."""
    return {
        **os.environ,
        "ATTUNE_DATA_DIR": str(data_dir),
        "ATTUNE_DATABASE_URL": f"sqlite:///{data_dir / 'attune.db'}",
        "ATTUNE_RASA_PORT": str(rasa_port),
        "ATTUNE_ACTIONS_PORT": str(actions_port),
        "ATTUNE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "ATTUNE_BIND": "127.0.0.1",
        "ATTUNE_API_TOKEN": "",
        # One Rasa worker unless a test asks for more (test_load_concurrent.py runs two): `make
        # serve`'s default depends on the machine's CPUs and on whether Redis answers.
        "ATTUNE_RASA_WORKERS": "1",
        **extra,
    }


def start_pair(data_dir: Path, kind: type[Servers] = Servers, **extra_env: str) -> Any:
    """A Rasa server and an action server of their own on free ports, started (stop with
    `.serve("stop")`); `extra_env` sets more of scripts/serve.sh's settings."""
    if not trained_model_exists():
        pytest.fail("No trained model in models/: run `make train` (make test trains before pytest).")
    rasa_port, actions_port = free_port(), free_port()
    pair = kind(env=server_env(data_dir, rasa_port, actions_port, **extra_env),
                rasa_url=f"http://127.0.0.1:{rasa_port}", data_dir=data_dir)
    pair.serve("start")
    return pair


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    servers = start_pair(tmp_path_factory.mktemp("attune-data"))
    yield servers
    servers.serve("stop")


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"
