# shellcheck shell=bash
# Shared by scripts/run and scripts/test: a project-local virtualenv with givefirst installed.
# Sourced, not run. Re-installs only when pyproject.toml changes.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '%s\n' "$*" >&2; }

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  say "givefirst needs Python 3.11 or newer; install it (Debian: apt-get install python3) and retry."
  exit 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

make_venv() {
  local python
  python="$(find_python)"
  if ! "$python" -m venv "$VENV" 2>/dev/null; then
    say "Installing python3-venv so a virtualenv can be made…"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
}

# ensure_venv [extra]: the virtualenv exists and has givefirst (with the extra, e.g. "test").
ensure_venv() {
  local extra="${1:-}" stamp want target
  [ -x "$VENV/bin/python" ] || make_venv
  stamp="$VENV/.givefirst-installed${extra:+-$extra}"
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    target="$ROOT${extra:+[$extra]}"
    say "Installing givefirst${extra:+ with its $extra tools} into .venv…"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target"
    echo "$want" >"$stamp"
  fi
}
