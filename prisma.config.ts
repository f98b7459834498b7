// Prisma CLI configuration (Prisma 7). The service itself never runs the CLI:
// it generates the client at install (scripts/prisma-generate.mjs) and applies
// prisma/migrations with its own runner (src/db/migrate.ts). Users who can
// reach Prisma's engine downloads may still run `npx prisma migrate deploy`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/nhacviec',
  },
});
