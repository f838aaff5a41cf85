#!/usr/bin/env bash
# The whole test suite, as the README's test command runs it: typecheck, unit, integration
# (PGlite always; PostgreSQL too when DATABASE_URL is set; S3 against s3rver), then e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

echo "== typecheck"
npx tsc -p .
echo "== unit and integration tests"
if [ -n "${DATABASE_URL:-}" ]; then echo "   (integration runs on PGlite and on PostgreSQL at DATABASE_URL)"; else echo "   (integration runs on PGlite; set DATABASE_URL to add PostgreSQL)"; fi
npx vitest run
echo "== end-to-end tests (Chromium)"
npx playwright test
