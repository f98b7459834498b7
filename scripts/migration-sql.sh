#!/usr/bin/env bash
# Prints the SQL of a new migration, offline, without Prisma 7's native schema engine.
#   scripts/migration-sql.sh                      # SQL for an empty database
#   scripts/migration-sql.sh <git-rev>            # SQL from the schema at <git-rev> to the current one
# Save the output as prisma/migrations/<YYYYMMDDhhmmss>_<name>/migration.sql.
# It uses Prisma 6.19's WebAssembly schema engine in a scratch folder (never a
# project dependency) and needs a reachable PostgreSQL (DIFF_DATABASE_URL) to run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${PRISMA6_DIR:-${TMPDIR:-/tmp}/nhacviec-prisma6}
db=${DIFF_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
mkdir -p "$scratch"
if [ ! -d "$scratch/node_modules/prisma" ]; then
  (cd "$scratch" && echo '{"private":true}' > package.json &&
    npm install --silent --save-exact prisma@6.19.3 @prisma/adapter-pg@7.10.1 pg >/dev/null)
fi
cat > "$scratch/p6.config.ts" <<CFG
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: '$db' }),
} as any);
CFG
# Prisma 6 wants a datasource url and a generator it knows.
as_prisma6() {
  sed 's/provider = "postgresql"/provider = "postgresql"\n  url = env("DATABASE_URL")/' |
    sed '/^generator client {/,/^}/c generator client {\n  provider = "prisma-client-js"\n}'
}
as_prisma6 < "$root/prisma/schema.prisma" > "$scratch/new.prisma"
export DATABASE_URL=$db PRISMA_QUERY_ENGINE_LIBRARY=$(command -v node) PRISMA_SCHEMA_ENGINE_BINARY=$(command -v node)
cd "$scratch"
if [ $# -ge 1 ]; then
  git -C "$root" show "$1:prisma/schema.prisma" | as_prisma6 > old.prisma
  npx prisma migrate diff --config p6.config.ts --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script
else
  npx prisma migrate diff --config p6.config.ts --from-empty --to-schema-datamodel new.prisma --script
fi
