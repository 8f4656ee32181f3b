#!/usr/bin/env bash
# Maatwerk developer entry point. Two commands, both work on a fresh machine:
#   ./dev.sh demo   set up and run the main job (the demo on its embedded defaults)
#   ./dev.sh test   set up and run every test (SQLite, then the whole suite again on PostgreSQL)
# Everything the project needs is installed by this script: a virtualenv from PyPI, and (as root) the
# Debian packages chromium (browser tests) and postgresql (the production database).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY=${PYTHON:-python3}

say() { printf '==> %s\n' "$*" >&2; }

python_ok() {
  "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null
}

setup_python() {
  python_ok || { echo "Python 3.11 of nieuwer is nodig (gevonden: $($PY --version 2>&1))" >&2; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "virtualenv maken in .venv"
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.maatwerk-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "Python-pakketten installeren"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    touch "$stamp"
  fi
}

apt_install() {
  # Install Debian packages that are missing; only possible as root.
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    say "niet geïnstalleerd en geen root: ${missing[*]}"
    return 1
  fi
  say "Debian-pakketten installeren: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PG_DIR=""
PG_PORT=${MAATWERK_PG_PORT:-54329}
start_postgres() {
  apt_install postgresql || return 1
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/maatwerk-pg.XXXXXX)
  chown postgres "$PG_DIR"
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres >/dev/null"
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
  su postgres -s /bin/sh -c "'$bin/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres maatwerk"
  trap stop_postgres EXIT
  export PG_BIN="$bin"
}
stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w stop >/dev/null" || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

cmd_test() {
  setup_python
  apt_install chromium || say "chromium ontbreekt: browsertests worden overgeslagen"
  say "alle tests op SQLite"
  "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
  if start_postgres; then
    say "alle tests opnieuw op PostgreSQL"
    DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/maatwerk" \
      "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
  elif [ "${CI:-}" = true ]; then
    echo "PostgreSQL kon niet worden gestart; in CI is dat een fout." >&2
    exit 1
  else
    say "PostgreSQL niet beschikbaar (geen root): alleen SQLite getest"
  fi
}

cmd_demo() {
  setup_python
  exec "$VENV/bin/maatwerk" demo "$@"
}

case "${1:-}" in
  test) shift; cmd_test "$@" ;;
  demo) shift; cmd_demo "$@" ;;
  *) echo "gebruik: ./dev.sh demo | ./dev.sh test" >&2; exit 2 ;;
esac
