#!/usr/bin/env bash
# Lint and types over the product code: the first rung of `make test` (settings in pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv/bin
"$VENV/ruff" check bot actions attune_rasa
"$VENV/mypy" bot actions attune_rasa
