#!/usr/bin/env bash
# `make run`: start the action server in the background, chat in the terminal, stop it on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/serve.sh start-actions
trap 'scripts/serve.sh stop-actions' EXIT
# Libraries' deprecation notices are noise for someone who came to chat.
PYTHONWARNINGS=ignore .venv/bin/python -W ignore -m rasa shell --model models --endpoints endpoints.yml \
  --interface "${ATTUNE_BIND:-127.0.0.1}" --port "${ATTUNE_RASA_PORT:-5005}" --quiet
