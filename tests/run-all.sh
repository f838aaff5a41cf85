#!/usr/bin/env bash
# The whole test suite, as the README's test command runs it: typecheck, unit, integration
# (PGlite always; PostgreSQL too when DATABASE_URL is set; S3 against s3rver), then e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

# The e2e tests drive Debian's Chromium (with CJK fonts for Chinese pages), the media tests run ffmpeg
# and PDF thumbnails come from poppler's pdftoppm. (fc-list is asked by name: grep -q in a pipeline
# would trip pipefail.)
if ! command -v chromium >/dev/null || ! command -v ffmpeg >/dev/null || ! command -v pdftoppm >/dev/null || [ -z "$(fc-list 'Noto Sans CJK SC' 2>/dev/null)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing chromium, fonts-noto-cjk, ffmpeg and poppler-utils (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk ffmpeg poppler-utils >/dev/null
  else
    echo "The tests need Chromium, Noto CJK fonts, ffmpeg and poppler-utils. Install them once with:" >&2
    echo "  sudo apt-get install chromium fonts-noto-cjk ffmpeg poppler-utils" >&2
    exit 1
  fi
fi

echo "== typecheck"
npx tsc -p .
echo "== unit and integration tests"
if [ -n "${DATABASE_URL:-}" ]; then echo "   (integration runs on PGlite and on PostgreSQL at DATABASE_URL)"; else echo "   (integration runs on PGlite; set DATABASE_URL to add PostgreSQL)"; fi
npx vitest run
echo "== end-to-end tests (Chromium)"
npx playwright test
