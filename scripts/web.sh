#!/usr/bin/env bash
# `make web`: the web chat and the web review, with the Rasa and action servers.
#   scripts/web.sh start   npm packages when needed, first administrator when there is none (asks
#                          in a terminal, or ATTUNE_ADMIN_USERNAME/ATTUNE_ADMIN_PASSWORD), both Rasa
#                          servers (scripts/serve.sh), then the web server; prints the addresses
#   scripts/web.sh stop    the web server only (`make stop` stops everything)
#   scripts/web.sh npm     only install the npm packages of web/ (when package-lock.json changed)
# Address: ATTUNE_WEB_BIND (default ATTUNE_BIND, 127.0.0.1), port ATTUNE_WEB_PORT (8080). The Rasa
# server accepts the chat's socket.io connections only from ATTUNE_WEB_ORIGINS (default
# http://127.0.0.1:$ATTUNE_WEB_PORT and http://localhost:$ATTUNE_WEB_PORT); set it when people
# open the page under another name. Behind HTTPS set ATTUNE_WEB_SECURE_COOKIES=1.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
: "${ATTUNE_WEB_PORT:=8080}" "${ATTUNE_RASA_PORT:=5005}"
BIND="${ATTUNE_WEB_BIND:-${ATTUNE_BIND:-127.0.0.1}}"
RUN_DIR="${ATTUNE_DATA_DIR:-var}/run"
export ATTUNE_WEB_PORT PYTHONWARNINGS=ignore TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1

npm_packages() {
  local want have
  want=$(sha256sum web/package-lock.json | cut -c1-16)
  have=$(cat web/node_modules/.attune-lock-hash 2>/dev/null || true)
  if [ "$want" != "$have" ] || [ ! -f web/node_modules/rasa-webchat/lib/index.js ]; then
    command -v npm >/dev/null || { echo "error: npm is needed for the web chat widget (apt-get install npm)." >&2; exit 1; }
    echo "Installing the web chat's npm packages (web/package-lock.json)..."
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >web/node_modules/.attune-lock-hash
  fi
}

running() {
  [ -f "$RUN_DIR/web.pid" ] && kill -0 "$(cat "$RUN_DIR/web.pid")" 2>/dev/null
}

start() {
  npm_packages
  mkdir -p "$RUN_DIR"
  if [ -t 0 ]; then
    "$PY" -c 'from bot.web.setup import ensure_admin; ensure_admin(True)'
  fi
  # The chat's socket.io sessions live in one Rasa process (see scripts/serve.sh).
  if [ "${ATTUNE_RASA_WORKERS:-1}" != 1 ]; then
    echo "error: the web chat needs one Rasa worker (ATTUNE_RASA_WORKERS=$ATTUNE_RASA_WORKERS)." >&2; exit 1
  fi
  ATTUNE_RASA_WORKERS=1 scripts/serve.sh start
  local workers
  workers=$(cat "$RUN_DIR/rasa.workers" 2>/dev/null || echo 1)
  if [ "$workers" != 1 ]; then
    echo "error: the Rasa server already running has $workers workers and serves REST only; the web chat" \
      "needs one. Run \`make stop\`, then \`make web\`." >&2; exit 1
  fi
  if running; then
    echo "Web server already running (pid $(cat "$RUN_DIR/web.pid"))."
  else
    local secure=()
    if [ -n "${ATTUNE_WEB_SECURE_COOKIES:-}" ]; then secure=(--secure-cookies); fi
    nohup "$PY" -W ignore -m bot.web --host "$BIND" --port "$ATTUNE_WEB_PORT" --rasa-port "$ATTUNE_RASA_PORT" \
      --rasa-url "${ATTUNE_WEB_RASA_URL:-}" --no-admin-prompt "${secure[@]}" >"$RUN_DIR/web.log" 2>&1 &
    echo $! >"$RUN_DIR/web.pid"
    if ! "$PY" scripts/wait_http.py "http://127.0.0.1:$ATTUNE_WEB_PORT/healthz" "$(cat "$RUN_DIR/web.pid")" \
        --log "$RUN_DIR/web.log" --name "the web server"; then
      tail -n 30 "$RUN_DIR/web.log" >&2; stop; exit 1
    fi
  fi
  local shown=$BIND
  [ "$shown" = "0.0.0.0" ] && shown=127.0.0.1
  echo
  echo "Attune in the browser:"
  echo "  chat    http://$shown:$ATTUNE_WEB_PORT/chat"
  echo "  review  http://$shown:$ATTUNE_WEB_PORT/review/   (therapists and supervisors; accounts: .venv/bin/attune admin)"
  echo "Stop everything with: make stop"
}

stop() {
  local pidfile="$RUN_DIR/web.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    echo "Stopped the web server."
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  npm) npm_packages ;;
  *) echo "usage: $0 start|stop|npm" >&2; exit 2 ;;
esac
