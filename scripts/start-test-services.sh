#!/usr/bin/env bash
# Starts the services the PostgreSQL and S3 tests run against, on loopback (idempotent):
#   - a PostgreSQL server (Debian's `postgresql` package), initdb into a temp folder, pg_ctl on 127.0.0.1:55432;
#   - an S3-compatible endpoint (moto_server) on 127.0.0.1:55000.
# Writes the connection settings to $LABELPORT_TEST_SERVICES_DIR/services.env (the tests read it when the
# LABELPORT_TEST_* variables are not set).
#
#   bash scripts/start-test-services.sh --install   only installs PostgreSQL when initdb is missing
#   bash scripts/start-test-services.sh             starts both (or finds them running); logs go to stderr
#   eval "$(bash scripts/start-test-services.sh --env)"   the same, then exports the settings in the caller's shell
# Stop them with scripts/stop-test-services.sh.
set -euo pipefail

mode="${1:-start}"
state="${LABELPORT_TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/labelport-test-services}"
pg_port="${LABELPORT_TEST_PG_PORT:-55432}"
s3_port="${LABELPORT_TEST_S3_PORT:-55000}"
pg_user="labelport"
pg_database="labelport_test"

log() { echo "test-services: $*" >&2; }
fail() { echo "test-services: ERROR: $*" >&2; exit 1; }

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

install_postgres() {
  if ! find_pg_bin >/dev/null; then
    [ "$(id -u)" = 0 ] || fail "PostgreSQL is not installed and this is not root: apt-get install postgresql"
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  find_pg_bin >/dev/null || fail "initdb not found after installing postgresql"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a command as the PostgreSQL owner: the `postgres` system user when we are root (postgres refuses root).
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin data
  bin="$(find_pg_bin)"
  data="$state/pgdata"
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir "$state" --shell /usr/sbin/nologin postgres
  fi
  mkdir -p "$state"
  chmod 755 "$state"
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    log "initdb into $data"
    as_pg_owner "$bin/initdb" -D "$data" -U "$pg_user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; fail "initdb failed"; }
  fi
  if as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$pg_port"
  else
    port_open "$pg_port" && fail "port $pg_port is taken by another process"
    log "starting PostgreSQL on 127.0.0.1:$pg_port"
    touch "$state/postgres.log"
    [ "$(id -u)" = 0 ] && chown postgres: "$state/postgres.log"
    # fsync off: a throw-away test cluster; max_connections for parallel test classes and two server instances.
    as_pg_owner "$bin/pg_ctl" -D "$data" -l "$state/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories='$data' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start </dev/null >&2 || { tail -n 30 "$state/postgres.log" >&2; fail "pg_ctl start failed"; }
  fi
  "$bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null || fail "PostgreSQL does not answer on 127.0.0.1:$pg_port"
  if ! "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$pg_database'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" "$pg_database"
  fi
}

start_moto() {
  local moto
  moto="$(command -v moto_server || true)"
  [ -z "$moto" ] && [ -x /root/.pyenv/shims/moto_server ] && moto=/root/.pyenv/shims/moto_server
  if port_open "$s3_port"; then
    log "S3 endpoint already listening on 127.0.0.1:$s3_port"
    return 0
  fi
  [ -n "$moto" ] || fail "moto_server not found (pip install 'moto[server]'); the S3 tests need it"
  log "starting moto_server on 127.0.0.1:$s3_port"
  # Detached from our stdout/stderr so a caller that waits for end of output is not held open.
  setsid "$moto" -H 127.0.0.1 -p "$s3_port" </dev/null >"$state/moto.log" 2>&1 &
  echo $! >"$state/moto.pid"
  for _ in $(seq 1 100); do
    port_open "$s3_port" && return 0
    kill -0 "$(cat "$state/moto.pid")" 2>/dev/null || { cat "$state/moto.log" >&2; fail "moto_server exited"; }
    sleep 0.2
  done
  cat "$state/moto.log" >&2
  fail "moto_server does not listen on 127.0.0.1:$s3_port"
}

write_settings() {
  cat >"$state/services.env" <<EOF
LABELPORT_TEST_POSTGRES=Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=$pg_database
LABELPORT_TEST_S3_ENDPOINT=http://127.0.0.1:$s3_port
LABELPORT_TEST_S3_ACCESS_KEY=test
LABELPORT_TEST_S3_SECRET_KEY=test
LABELPORT_TEST_S3_REGION=us-east-1
EOF
}

case "$mode" in
  --install) install_postgres ;;
  start|--env)
    install_postgres
    start_postgres
    start_moto
    write_settings
    log "settings in $state/services.env"
    if [ "$mode" = --env ]; then
      echo "export LABELPORT_TEST_SERVICES_FILE='$state/services.env'"
      while IFS= read -r line; do printf "export %s='%s'\n" "${line%%=*}" "${line#*=}"; done <"$state/services.env"
    fi
    ;;
  *) fail "unknown argument $mode (use --install or --env)" ;;
esac
