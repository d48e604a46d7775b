#!/usr/bin/env bash
# Train only when the training inputs changed.
# Rasa 3.6 packages a new model archive on every `rasa train`, even when its fingerprinting finds
# nothing to retrain (then it only reuses its cache in .rasa/). So we stamp the hash of the inputs
# (domain, config, training data, the dependency lock) next to the model and skip `rasa train`
# entirely while the stamp matches; when something changed, Rasa's own cache still retrains only
# the components that need it. Old archives are removed: Rasa loads the newest one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
MODELS="${ATTUNE_MODELS_DIR:-models}"
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1

inputs_hash() {
  { echo domain.yml; echo config.yml; echo requirements.lock; find data -type f -name '*.yml' | sort; } \
    | xargs sha256sum | sha256sum | cut -c1-32
}

want=$(inputs_hash)
newest=$(ls -t "$MODELS"/*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -n "$newest" ] && [ "$(cat "$MODELS/.inputs-hash" 2>/dev/null)" = "$want" ]; then
  echo "Model up to date ($(basename "$newest")): domain, config and data unchanged, not retraining."
  exit 0
fi

echo "Training the model (domain, config or data changed)..."
PYTHONWARNINGS=ignore "$PY" -W ignore -m rasa train --domain domain.yml --config config.yml --data data --out "$MODELS" --quiet
newest=$(ls -t "$MODELS"/*.tar.gz | head -n 1)
ls -t "$MODELS"/*.tar.gz | tail -n +2 | xargs -r rm --
echo "$want" >"$MODELS/.inputs-hash"
echo "Model ready: $newest"
