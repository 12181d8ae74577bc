#!/usr/bin/env bash
# The test command of README.md: builds everything and runs every test suite.
# Needs what scripts/setup-test-deps.sh installs (CI runs it first).
set -euo pipefail
cd "$(dirname "$0")/.."
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
services="$(bash scripts/start-test-services.sh --env)" || exit 1; eval "$services"   # PostgreSQL + S3 (moto) on loopback
dotnet build Labelport.slnx -c Release -nologo -v:q || exit 1
dotnet test Labelport.slnx -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" || status=$?
LABELPORT_E2E_NO_BUILD=1 bash scripts/e2e.sh || status=$?
[ "${CI:-}" = true ] && bash scripts/stop-test-services.sh   # CI: leave no server running behind

# One closing line for the whole run: "N passed, N failed".
python3 - "$results" <<'PY' || true
import glob, re, sys
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*>', text)
    if not m: continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
# node --test (browser tests, scripts/e2e.sh) writes a TAP summary: "# pass N", "# fail N", …
for f in glob.glob(sys.argv[1] + "/*.tap"):
    tap = dict(re.findall(r'^# (pass|fail|cancelled|skipped|todo) (\d+)$', open(f, encoding="utf-8").read(), re.M))
    passed += int(tap.get("pass", 0)); failed += int(tap.get("fail", 0)) + int(tap.get("cancelled", 0))
    skipped += int(tap.get("skipped", 0)) + int(tap.get("todo", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
