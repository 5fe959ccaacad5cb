#!/usr/bin/env bash
# `npm run db:migration -- <name> [git-ref]`: writes prisma/migrations/<timestamp>_<name>/migration.sql
# with the SQL that takes the schema at <git-ref> (default HEAD) to the working prisma/schema.prisma.
# A datamodel-to-datamodel diff needs no database and no shadow database, so it works offline.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:migration -- <name> [git-ref]}"
ref="${2:-HEAD}"
export CHECKPOINT_DISABLE=1
previous="$(mktemp --suffix=.prisma)"
trap 'rm -f "$previous"' EXIT
git show "$ref:prisma/schema.prisma" >"$previous"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
node_modules/.bin/prisma migrate diff --from-schema-datamodel "$previous" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql"
echo "wrote $dir/migration.sql — review it, then run the drift test: npm run test:integration"
