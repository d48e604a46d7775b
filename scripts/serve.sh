#!/usr/bin/env bash
# Start or stop Attune's servers in the background.
#   scripts/serve.sh start          Rasa server (REST channel) + action server, returns once both answer
#   scripts/serve.sh start-actions  only the action server (used by `make run` before `rasa shell`)
#   scripts/serve.sh stop           stop both (start-rasa / stop-rasa / stop-actions: one of them)
# Ports: ATTUNE_RASA_PORT (5005), ATTUNE_ACTIONS_PORT (5055); address: ATTUNE_BIND (127.0.0.1).
# Rasa's HTTP API (which can read and rewrite any conversation) is enabled only when ATTUNE_API_TOKEN
# is set, and then only behind that token.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
: "${ATTUNE_RASA_PORT:=5005}" "${ATTUNE_ACTIONS_PORT:=5055}" "${ATTUNE_BIND:=127.0.0.1}"
export ATTUNE_ACTIONS_URL="${ATTUNE_ACTIONS_URL:-http://127.0.0.1:${ATTUNE_ACTIONS_PORT}/webhook}"
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
RUN_DIR="${ATTUNE_DATA_DIR:-var}/run"
mkdir -p "$RUN_DIR"

start_actions() {
  if [ -f "$RUN_DIR/actions.pid" ] && kill -0 "$(cat "$RUN_DIR/actions.pid")" 2>/dev/null; then
    echo "Action server already running (pid $(cat "$RUN_DIR/actions.pid"))."; return 0
  fi
  SANIC_HOST="$ATTUNE_BIND" nohup "$PY" -m rasa_sdk --actions actions --port "$ATTUNE_ACTIONS_PORT" \
    >"$RUN_DIR/actions.log" 2>&1 &
  echo $! >"$RUN_DIR/actions.pid"
  if ! "$PY" scripts/wait_http.py "http://127.0.0.1:$ATTUNE_ACTIONS_PORT/health" 120 "$(cat "$RUN_DIR/actions.pid")"; then
    tail -n 30 "$RUN_DIR/actions.log" >&2; exit 1
  fi
  echo "Action server answering on $ATTUNE_BIND:$ATTUNE_ACTIONS_PORT (log: $RUN_DIR/actions.log)."
}

start_rasa() {
  if [ -f "$RUN_DIR/rasa.pid" ] && kill -0 "$(cat "$RUN_DIR/rasa.pid")" 2>/dev/null; then
    echo "Rasa server already running (pid $(cat "$RUN_DIR/rasa.pid"))."; return 0
  fi
  local api=()
  if [ -n "${ATTUNE_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$ATTUNE_API_TOKEN"); fi
  nohup "$PY" -m rasa run --model models --endpoints endpoints.yml --credentials credentials.yml \
    --interface "$ATTUNE_BIND" --port "$ATTUNE_RASA_PORT" "${api[@]}" >"$RUN_DIR/rasa.log" 2>&1 &
  echo $! >"$RUN_DIR/rasa.pid"
  if ! "$PY" scripts/wait_http.py "http://127.0.0.1:$ATTUNE_RASA_PORT/" 300 "$(cat "$RUN_DIR/rasa.pid")"; then
    tail -n 30 "$RUN_DIR/rasa.log" >&2; exit 1
  fi
  echo "Rasa server answering on $ATTUNE_BIND:$ATTUNE_RASA_PORT (REST: /webhooks/rest/webhook; log: $RUN_DIR/rasa.log)."
}

stop_one() {
  local pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    echo "Stopped the $1 server."
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start_actions; start_rasa ;;
  start-actions) start_actions ;;
  start-rasa) start_rasa ;;
  stop) stop_one rasa; stop_one actions ;;
  stop-actions) stop_one actions ;;
  stop-rasa) stop_one rasa ;;
  *) echo "usage: $0 start|start-actions|start-rasa|stop|stop-actions|stop-rasa" >&2; exit 2 ;;
esac
