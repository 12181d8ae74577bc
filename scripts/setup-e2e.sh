#!/usr/bin/env bash
# Installs what the browser tests need on a fresh Debian machine (idempotent): Debian's Chromium,
# Node.js + npm, and tests/e2e's pinned playwright-core (no browser download: it drives /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
