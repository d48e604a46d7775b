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

# With arguments (`scripts/test.sh tests/unit/x.py -k y`), only pytest runs, with those arguments.
if [ $# -gt 0 ]; then
  echo "== 4/5 pytest $*"
  exec "$PY" -m pytest "$@"
fi

# Tests that start the real servers (end-to-end, browser) run last, in one pytest run, so they share
# one server pair; everything else runs first. The Rasa test stories and those other tests are both
# single-threaded and independent: on two or more CPUs they run side by side (the stories' output is
# shown when both are done).
server_tests=()
for dir in tests/e2e tests/browser; do [ -d "$dir" ] && server_tests+=("$dir"); done
ignore=("${server_tests[@]/#/--ignore=}")
echo "== 4/5 Rasa test stories (any prediction error fails) beside pytest: all but the server tests"
mkdir -p results
"$PY" -m rasa test core --model models --stories tests/stories --out results/core \
  --fail-on-prediction-errors --quiet >results/stories.log 2>&1 &
stories=$!
unit_status=0
"$PY" -m pytest tests "${ignore[@]}" || unit_status=$?
stories_status=0
wait "$stories" || stories_status=$?
if [ "$stories_status" -ne 0 ]; then
  tail -n 60 results/stories.log
  echo "Rasa test stories failed (results/core/failed_test_stories.yml, full log: results/stories.log)" >&2
else
  echo "Rasa test stories: $(head -n 1 results/core/failed_test_stories.yml 2>/dev/null | sed 's/^# //')"
fi
if [ "$unit_status" -ne 0 ] || [ "$stories_status" -ne 0 ]; then exit 1; fi

echo "== 5/5 pytest: end-to-end and browser tests against the real servers"
if [ ${#server_tests[@]} -gt 0 ]; then "$PY" -m pytest "${server_tests[@]}"; fi
