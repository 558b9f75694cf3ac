#!/usr/bin/env bash
# The project's two commands, each installing what it needs on a fresh Debian
# machine with Python 3.11:
#   scripts/dev.sh build [build.py options]   build the site into site/
#   scripts/dev.sh test  [pytest options]     build once and run every test
# Both use a virtual environment in .venv, installed from the hash-locked
# requirements files (reinstalled only when they change).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

need_venv() {
  local stamp="$VENV/.installed-$1" sum
  sum=$(cat requirements.txt ${2:-} | sha256sum | cut -c1-16)
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
      as_root apt-get install -y -q python3-venv >/dev/null
      "$PYTHON" -m venv "$VENV"
    fi
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    echo "Installing Python packages (locked, hash-checked)…"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r requirements.txt ${2:+-r $2}
    echo "$sum" > "$stamp"
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

need_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests…"
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q chromium >/dev/null
  fi
}

cmd=${1:-}
shift || true
case "$cmd" in
  build)
    need_venv build
    exec "$VENV/bin/python" scripts/build.py "$@"
    ;;
  test)
    need_venv test requirements-dev.txt
    need_chromium
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh build [--out DIR] [--site-url URL] | scripts/dev.sh test [pytest args]" >&2
    exit 2
    ;;
esac
