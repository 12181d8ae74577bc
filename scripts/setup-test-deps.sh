#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
bash scripts/start-test-services.sh --install   # PostgreSQL for the PostgreSQL/S3 tests
dotnet restore Labelport.slnx -nologo -v:q
bash scripts/setup-e2e.sh
