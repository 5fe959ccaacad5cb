#!/usr/bin/env bash
# `npm test`: the whole suite — lint, typecheck, unit, integration (embedded and PostgreSQL)
# and end-to-end in Debian's Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
loud() { printf '\n\033[1;31m*** %s ***\033[0m\n\n' "$*" >&2; }

step "browser and fonts (Debian packages)"
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
# Without CJK fonts the Chinese pages render as boxes in screenshots.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    loud "Missing Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi
echo "chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null | head -1)"

step "prisma client"
node_modules/.bin/prisma generate >/dev/null && echo "generated"

step "lint"
node_modules/.bin/eslint . --max-warnings 0

step "typecheck"
# Route types from an earlier build may name pages that have since moved; the build below
# regenerates and checks them.
rm -rf .next/types .next/dev/types
node_modules/.bin/tsc --noEmit

projects=(--project unit --project integration-embedded)
step "PostgreSQL at ${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
if node -e '
  const { Client } = require("pg");
  const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test", connectionTimeoutMillis: 3000 });
  client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
'; then
  echo "answers"
  projects+=(--project integration-postgres --project reliability)
elif [ "${CI:-}" = "true" ]; then
  loud "PostgreSQL does not answer; integration tests need it. Failing (CI=true)."
  exit 1
else
  loud "PostgreSQL does not answer: the integration-postgres and reliability tests are NOT run. Start it and run npm test again."
fi

step "unit and integration tests"
node_modules/.bin/vitest run "${projects[@]}"

step "production build"
node_modules/.bin/next build

step "end-to-end tests (Playwright, Debian Chromium)"
node_modules/.bin/playwright test
