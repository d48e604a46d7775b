#!/usr/bin/env bash
# Start or stop Attune's servers in the background.
#   scripts/serve.sh start          Rasa server (REST channel) + action server, returns once both answer
#   scripts/serve.sh start-actions  only the action server (used by `make run` before `rasa shell`)
#   scripts/serve.sh stop           stop both (start-rasa / stop-rasa / stop-actions: one of them)
# Ports: ATTUNE_RASA_PORT (5005), ATTUNE_ACTIONS_PORT (5055); address: ATTUNE_BIND (127.0.0.1).
# The model: the newest archive in ATTUNE_MODELS_DIR (models). Action-server worker processes:
# ATTUNE_ACTIONS_WORKERS (default: one per CPU, at most 4).
# Starting waits for as long as a server is alive and progressing (scripts/wait_http.py), printing
# progress, not for a fixed time; ATTUNE_START_LIMIT (seconds) adds a hard limit.
# Rasa server worker processes: ATTUNE_RASA_WORKERS (default auto: one per CPU, at most 4, when Redis
# answers at ATTUNE_REDIS_URL, default redis://127.0.0.1:6379/0, else 1; scripts/rasa_workers.py).
# More than one shares a Redis lock store, so that one conversation's messages still run one at a time,
# and serves the REST channel only: the web chat's socket.io sessions live in one process (its
# long-polling requests would reach workers that do not know them), so `make web` runs one worker.
# Rasa's HTTP API (which can read and rewrite any conversation) is enabled only when ATTUNE_API_TOKEN
# is set, and then only behind that token.
# Transcript rows are projected from the stored events by a process of its own (bot/store/projector.py),
# started and stopped with the Rasa server, so the Rasa server only stores events:
# ATTUNE_PROJECTION=inline keeps the projection in the Rasa server's save instead.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
: "${ATTUNE_RASA_PORT:=5005}" "${ATTUNE_ACTIONS_PORT:=5055}" "${ATTUNE_BIND:=127.0.0.1}"
export ATTUNE_ACTIONS_URL="${ATTUNE_ACTIONS_URL:-http://127.0.0.1:${ATTUNE_ACTIONS_PORT}/webhook}"
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
MODELS="${ATTUNE_MODELS_DIR:-models}"
cpus=$(nproc 2>/dev/null || echo 1)
WORKERS="${ATTUNE_ACTIONS_WORKERS:-$(( cpus < 4 ? cpus : 4 ))}"
# Rasa waits up to 5 minutes for an action (its own limit); Sanic's default 60 s request and
# response time-outs made a busy action server drop connections Rasa was still writing to
# ("Can not write request body"), losing the action's events. Both servers read these.
export SANIC_REQUEST_TIMEOUT="${SANIC_REQUEST_TIMEOUT:-300}" SANIC_RESPONSE_TIMEOUT="${SANIC_RESPONSE_TIMEOUT:-300}"
RUN_DIR="${ATTUNE_DATA_DIR:-var}/run"
export ATTUNE_PROJECTION="${ATTUNE_PROJECTION:-deferred}"
mkdir -p "$RUN_DIR"

running() {
  [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null
}

launch_actions() {
  if running actions; then
    echo "Action server already running (pid $(cat "$RUN_DIR/actions.pid"))."; return 0
  fi
  SANIC_HOST="$ATTUNE_BIND" ACTION_SERVER_SANIC_WORKERS="$WORKERS" ATTUNE_PRELOAD_ANALYSIS=1 \
    nohup "$PY" -m rasa_sdk --actions actions --port "$ATTUNE_ACTIONS_PORT" >"$RUN_DIR/actions.log" 2>&1 &
  echo $! >"$RUN_DIR/actions.pid"
}

wait_actions() {
  if ! "$PY" scripts/wait_http.py "http://127.0.0.1:$ATTUNE_ACTIONS_PORT/health" "$(cat "$RUN_DIR/actions.pid")" \
      --log "$RUN_DIR/actions.log" --name "the action server"; then
    tail -n 30 "$RUN_DIR/actions.log" >&2; return 1
  fi
  echo "Action server answering on $ATTUNE_BIND:$ATTUNE_ACTIONS_PORT ($WORKERS workers; log: $RUN_DIR/actions.log)."
}

# The Rasa server's settings for its worker count: endpoints.yml and credentials.yml as they are for
# one worker; for several, endpoints.yml plus a Redis lock store (Rasa refuses several workers with
# its in-memory one) and credentials.yml without socket.io.
configure_rasa() {
  RASA_WORKERS=$("$PY" scripts/rasa_workers.py "${ATTUNE_RASA_WORKERS:-auto}")
  ENDPOINTS=endpoints.yml
  CREDENTIALS=credentials.yml
  [ "$RASA_WORKERS" -gt 1 ] || return 0
  local redis_url="${ATTUNE_REDIS_URL:-redis://127.0.0.1:6379/0}" redis_host redis_port redis_db
  read -r redis_host redis_port redis_db < <("$PY" -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(p.hostname or "127.0.0.1", p.port or 6379, (p.path or "/0").strip("/") or 0)' "$redis_url")
  ENDPOINTS="$RUN_DIR/endpoints.yml"
  { cat endpoints.yml
    printf '\n# Added by scripts/serve.sh for %s Rasa workers.\nlock_store:\n  type: redis\n  url: %s\n  port: %s\n  db: %s\n  key_prefix: attune%s\n' \
      "$RASA_WORKERS" "$redis_host" "$redis_port" "$redis_db" "$ATTUNE_RASA_PORT"
  } >"$ENDPOINTS"
  CREDENTIALS="$RUN_DIR/credentials.yml"
  "$PY" -c 'import sys, yaml
channels = yaml.safe_load(open("credentials.yml")) or {}
kept = {name: settings for name, settings in channels.items() if "socketio" not in name.lower()}
print("# Written by scripts/serve.sh for several Rasa workers: credentials.yml without socket.io.")
print(yaml.safe_dump(kept, sort_keys=False), end="")' >"$CREDENTIALS"
  export SANIC_WORKERS="$RASA_WORKERS"
}

launch_rasa() {
  if running rasa; then
    echo "Rasa server already running (pid $(cat "$RUN_DIR/rasa.pid"))."; return 0
  fi
  configure_rasa
  local api=()
  if [ -n "${ATTUNE_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$ATTUNE_API_TOKEN"); fi
  nohup "$PY" -m rasa run --model "$MODELS" --endpoints "$ENDPOINTS" --credentials "$CREDENTIALS" \
    --interface "$ATTUNE_BIND" --port "$ATTUNE_RASA_PORT" "${api[@]}" >"$RUN_DIR/rasa.log" 2>&1 &
  echo $! >"$RUN_DIR/rasa.pid"
  echo "$RASA_WORKERS" >"$RUN_DIR/rasa.workers"
}

launch_projector() {
  [ "$ATTUNE_PROJECTION" = deferred ] || return 0
  if running projector; then
    echo "Projector already running (pid $(cat "$RUN_DIR/projector.pid"))."; return 0
  fi
  nohup "$PY" -m bot.store.projector >"$RUN_DIR/projector.log" 2>&1 &
  echo $! >"$RUN_DIR/projector.pid"
}

wait_rasa() {
  if ! "$PY" scripts/wait_http.py "http://127.0.0.1:$ATTUNE_RASA_PORT/" "$(cat "$RUN_DIR/rasa.pid")" \
      --log "$RUN_DIR/rasa.log" --name "the Rasa server"; then
    tail -n 30 "$RUN_DIR/rasa.log" >&2; return 1
  fi
  local workers
  workers=$(cat "$RUN_DIR/rasa.workers" 2>/dev/null || echo 1)
  echo "Rasa server answering on $ATTUNE_BIND:$ATTUNE_RASA_PORT ($workers worker(s); REST: /webhooks/rest/webhook; log: $RUN_DIR/rasa.log)."
  if [ "$workers" -gt 1 ]; then
    echo "  (REST only: the socket.io web chat needs one worker, as \`make web\` starts it.)"
  fi
}

stop_one() {
  local pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid kids; pid=$(cat "$pidfile")
  kids=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null || true)  # Sanic's worker processes
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    for kid in $kids; do kill -9 "$kid" 2>/dev/null || true; done
    echo "Stopped the $1 process."
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  # Both load at once (the action server's spaCy while Rasa loads its model), then both must answer.
  start) launch_actions; launch_rasa; launch_projector
         wait_actions || { stop_one rasa; stop_one projector; stop_one actions; exit 1; }
         wait_rasa || { stop_one rasa; stop_one projector; stop_one actions; exit 1; } ;;
  start-actions) launch_actions; wait_actions || { stop_one actions; exit 1; } ;;
  start-rasa) launch_rasa; launch_projector; wait_rasa || { stop_one rasa; stop_one projector; exit 1; } ;;
  stop) stop_one rasa; stop_one projector; stop_one actions ;;
  stop-actions) stop_one actions ;;
  stop-rasa) stop_one rasa; stop_one projector ;;
  *) echo "usage: $0 start|start-actions|start-rasa|stop|stop-actions|stop-rasa" >&2; exit 2 ;;
esac
