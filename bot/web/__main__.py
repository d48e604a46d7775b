"""`python -m bot.web`: serve the web chat and the web review (scripts/web.sh starts it)."""
from __future__ import annotations

import argparse
import logging
import sys

from bot.web.app import WebConfig, create_app
from bot.web.setup import ensure_admin
from bot.web.signin import WebSessionLimits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback only)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-port", type=int, default=5005, help="the Rasa server's port, as the browser reaches it")
    parser.add_argument("--rasa-url", default="", help="the Rasa server's URL as the browser reaches it "
                        "(behind a proxy); default: this page's host name on --rasa-port")
    parser.add_argument("--secure-cookies", action="store_true", help="mark cookies Secure (serve over HTTPS)")
    parser.add_argument("--idle-minutes", type=float, default=30.0, help="sign-out after this long idle")
    parser.add_argument("--max-hours", type=float, default=12.0, help="sign-out after this long in any case")
    parser.add_argument("--no-admin-prompt", action="store_true", help="never ask for a first administrator")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    admin = ensure_admin(False if args.no_admin_prompt else None)
    if admin == "missing":
        print("No administrator yet: run `.venv/bin/attune init-admin` (or set ATTUNE_ADMIN_USERNAME and "
              "ATTUNE_ADMIN_PASSWORD) before anyone can sign in to the review.", file=sys.stderr)
    config = WebConfig(rasa_port=args.rasa_port, rasa_url=args.rasa_url, secure_cookies=args.secure_cookies,
                       limits=WebSessionLimits(idle_seconds=args.idle_minutes * 60,
                                               absolute_seconds=args.max_hours * 3600))
    app = create_app(config)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, debug=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
