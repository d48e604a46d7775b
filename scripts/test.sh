#!/usr/bin/env bash
# `make test`: the whole suite, cheapest checks first, stopping at the first failing rung.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1

echo "== 1/5 Lint and types (ruff, mypy)"
scripts/lint.sh

echo "== 2/5 Rasa data validation (warnings fail)"
"$PY" -m rasa data validate --domain domain.yml --data data --config config.yml --fail-on-warnings --quiet

echo "== 3/5 Training (skipped when domain, config and data are unchanged)"
scripts/train.sh

echo "== 4/5 Rasa test stories (any prediction error fails)"
"$PY" -m rasa test core --model models --stories tests/stories --out results/core \
  --fail-on-prediction-errors --quiet

echo "== 5/5 pytest: unit, integration and end-to-end"
"$PY" -m pytest tests "$@"
