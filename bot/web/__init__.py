"""Attune in a browser: the web chat page and the therapists' web review (`python -m bot.web`).

- `app`      the Sanic app: chat page, static files, security headers
- `review`   the review's routes, all through `bot.store.repository` (roles, links, audit)
- `signin`   browser sessions on store tokens: expiry, CSRF, sign-in throttling
- `pages`    transcript pages shaped from the exports' helpers (`bot.export`)
- `setup`    first-run administrator, as `attune init-admin` does
Templates are in `templates/`; the page's scripts and styles, and the npm packages, in `web/`.
"""
