#!/usr/bin/env bash
# Browser tests: builds the labelport executable (Release), starts `labelport serve --demo` on a free
# 127.0.0.1 port with a fresh data folder and known admin credentials, waits for /health, runs the
# tests in tests/e2e (Debian's Chromium through playwright-core), and always stops the server.
# Needs what scripts/setup-e2e.sh installs. Results: artifacts/test-results/e2e.tap; screenshots and
# downloaded files: artifacts/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
results="$root/artifacts/test-results"
artifacts="$root/artifacts/e2e"
mkdir -p "$results"
rm -rf "$artifacts" && mkdir -p "$artifacts"

if [ "${LABELPORT_E2E_NO_BUILD:-}" != "1" ]; then
  dotnet build src/Labelport -c Release -nologo -v:q
fi
exe="$(find src/Labelport/bin/Release -name labelport.dll -path '*net10.0*' | head -n 1)"
[ -n "$exe" ] || { echo "e2e: labelport.dll not found under src/Labelport/bin/Release" >&2; printf '# pass 0\n# fail 1\n' >"$results/e2e.tap"; exit 1; }

data="$(mktemp -d -t labelport-e2e.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
export LABELPORT_ADMIN_EMAIL="${LABELPORT_ADMIN_EMAIL:-admin@e2e.labelport.test}"
export LABELPORT_ADMIN_PASSWORD="${LABELPORT_ADMIN_PASSWORD:-e2e-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')}"
export LABELPORT_E2E_URL="$url" LABELPORT_E2E_ARTIFACTS="$artifacts" LABELPORT_E2E_DATA="$data"

log="$artifacts/server.log"
# A run that cannot start the server still counts in test.sh's closing line, as one failure.
startup_failed() { printf '# pass 0\n# fail 1\n' >"$results/e2e.tap"; exit 1; }
dotnet "$exe" serve --demo --data "$data" --urls "$url" >"$log" 2>&1 &
server_pid=$!
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap stop_server EXIT

for _ in $(seq 1 120); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited before it was healthy; its log:" >&2
    cat "$log" >&2
    startup_failed
  fi
  sleep 0.5
done
curl -fsS "$url/health" >/dev/null || { echo "e2e: $url/health did not answer in 60 s; server log:" >&2; cat "$log" >&2; startup_failed; }
# /health answers before the demo is seeded; the server announces the demo sign-in when it is done.
for _ in $(seq 1 120); do
  grep -q "Demo sign-in" "$log" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "e2e: the server exited while seeding the demo; its log:" >&2; cat "$log" >&2; startup_failed; }
  sleep 0.5
done
echo "e2e: labelport serve --demo is up at $url"

cd tests/e2e
status=0
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/e2e.tap" \
  tests/ || status=$?
if [ $status -ne 0 ]; then
  echo "e2e: failed; server log at $log (last lines below)" >&2
  tail -n 40 "$log" >&2
fi
exit $status
