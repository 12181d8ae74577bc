#!/usr/bin/env bash
# Stops what scripts/start-test-services.sh started (PostgreSQL via pg_ctl, moto_server by its recorded pid).
# The data folder stays; pass --clean to remove it too.
set -euo pipefail
state="${LABELPORT_TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/labelport-test-services}"
[ -d "$state" ] || exit 0

if [ -f "$state/pgdata/PG_VERSION" ]; then
  bin=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$dir/pg_ctl" ] && { bin="$dir"; break; }; done
  [ -z "$bin" ] && command -v pg_ctl >/dev/null && bin="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
  if [ -n "$bin" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$state/pgdata" -m fast -w stop >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$state/pgdata" -m fast -w stop >/dev/null 2>&1 || true
    fi
  fi
fi

if [ -f "$state/moto.pid" ]; then
  pid="$(cat "$state/moto.pid")"
  # setsid made moto_server a process-group leader: end its group (the pyenv shim execs, so the pid is moto's).
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  rm -f "$state/moto.pid"
fi

if [ "${1:-}" = --clean ]; then rm -rf "$state"; fi
echo "test-services: stopped" >&2
