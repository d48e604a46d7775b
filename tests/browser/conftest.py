"""Browser tests: headless Chromium (Debian's package) driven by Playwright, against the real servers.

The setup installs what it needs and says so: Chromium with apt when it is missing (as root, the
way CI runs), the web chat's npm packages (rasa-webchat, axe-core) from web/package-lock.json.
The only thing skipped is the whole suite when the `playwright` package is not importable, with
that reason printed (it is listed for the lock; `pip install playwright` installs it).
One server set (Rasa, actions, web) per module, with its own data dir and free ports.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

pytest.importorskip("playwright.sync_api", reason="the `playwright` Python package is not installed "
                    "(pip install playwright; it drives the system Chromium, no browser download)")
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

# The bot answers from two busy shared cores; a slow answer is not a failure, a missing one is.
expect.set_options(timeout=90_000)

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "results" / "browser"
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
STAFF_PASSWORD = "a long test password"


def _load_e2e_servers():
    """The end-to-end suite's server helper (tests/ is not a package, so load it by path)."""
    spec = importlib.util.spec_from_file_location("attune_e2e_conftest", REPO / "tests" / "e2e" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


e2e = _load_e2e_servers()


def chromium_path() -> str:
    """Debian's Chromium, installed with apt when missing and we are root (CI); else a clear failure."""
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.fail("Chromium is not installed: run `sudo apt-get install -y chromium` (the browser tests need it).")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)
        result = subprocess.run(install, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        assert result.returncode == 0, f"apt-get install chromium failed:\n{result.stdout}\n{result.stderr}"
    found = shutil.which("chromium")
    assert found, "apt-get installed chromium but it is not on PATH"
    return found


def npm_packages() -> None:
    result = subprocess.run(["scripts/web.sh", "npm"], cwd=REPO, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=900)
    assert result.returncode == 0, f"npm packages for the web chat:\n{result.stdout}\n{result.stderr}"
    assert AXE.is_file(), "axe-core is missing from web/node_modules"


@dataclass
class Web:
    servers: object  # tests/e2e's Servers: serve(), store(), the Rasa URL
    url: str  # the web server, e.g. http://127.0.0.1:PORT
    admin: object
    tess: object  # a therapist: links with the client in the chat
    otto: object  # another therapist, linked with nobody

    def store(self):
        return self.servers.store()


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    while process.poll() is None:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"the web server exited:\n{log.read_text()}")


@pytest.fixture(scope="module")
def web(tmp_path_factory) -> Web:
    if not e2e.trained_model_exists():
        pytest.fail("No trained model in models/: run `make train` (make test trains before pytest).")
    npm_packages()
    data_dir = tmp_path_factory.mktemp("attune-web")
    rasa_port, actions_port, web_port = e2e.free_port(), e2e.free_port(), e2e.free_port()
    env = {**os.environ,
           "ATTUNE_DATA_DIR": str(data_dir), "ATTUNE_DATABASE_URL": f"sqlite:///{data_dir / 'attune.db'}",
           "ATTUNE_RASA_PORT": str(rasa_port), "ATTUNE_ACTIONS_PORT": str(actions_port),
           "ATTUNE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook", "ATTUNE_BIND": "127.0.0.1",
           "ATTUNE_API_TOKEN": "", "ATTUNE_WEB_PORT": str(web_port), "PYTHONWARNINGS": "ignore",
           "ATTUNE_RASA_WORKERS": "1"}  # as `make web` runs it: socket.io sessions live in one process
    env.pop("ATTUNE_WEB_ORIGINS", None)
    env.pop("ATTUNE_LOCALE", None)  # no locale: the page shows the international entry
    servers = e2e.Servers(env=env, rasa_url=f"http://127.0.0.1:{rasa_port}", data_dir=data_dir)
    servers.serve("start")
    log = data_dir / "web.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([str(REPO / ".venv/bin/python"), "-m", "bot.web", "--port", str(web_port),
                                    "--rasa-port", str(rasa_port), "--no-admin-prompt"],
                                   cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{web_port}"
        _wait_for(f"{url}/healthz", process, log)
        from bot.store import repository
        from bot.store.views import Role

        with servers.store():
            admin = repository.bootstrap_admin("admin", STAFF_PASSWORD)
            tess = repository.create_person(admin, Role.THERAPIST, "Tess Therapist", "tess", STAFF_PASSWORD)
            otto = repository.create_person(admin, Role.THERAPIST, "Otto Other", "otto", STAFF_PASSWORD)
        yield Web(servers, url, admin, tess, otto)
    finally:
        process.terminate()
        process.wait(timeout=30)
        servers.serve("stop")


@pytest.fixture(scope="module")
def browser() -> Browser:
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Browser, **options) -> Page:
    """A page in a fresh context (its own cookies and storage) with axe-core available to tests."""
    context = browser.new_context(accept_downloads=True, **options)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(90_000)  # the bot answers from two busy shared cores
    return page


def serious_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now (WCAG 2.x A and AA)."""
    found = page.evaluate("""async () => (await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        resultTypes: ['violations']})).violations""")
    serious = [v for v in found if v["impact"] in ("serious", "critical")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9]+", "_", page.url.split("//", 1)[-1].split("/", 1)[-1]).strip("_") or "root"
    (RESULTS / f"axe-{name}.json").write_text(json.dumps(found, indent=1))
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in serious]


def screenshot(page: Page, name: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@dataclass
class Tools:
    browser: Browser

    def page(self, **options) -> Page:
        return new_page(self.browser, **options)

    axe = staticmethod(serious_violations)
    screenshot = staticmethod(screenshot)


@pytest.fixture(scope="module")
def tools(browser) -> Tools:
    return Tools(browser)
