// `prisma dev` (Prisma's local Postgres server) is the only importer of this package,
// and Nhắc Việc uses a real PostgreSQL instead. Fail loudly if that ever changes.
throw new Error('@prisma/streams-local is replaced by a placeholder in Nhắc Việc: `prisma dev` is not supported here (see README, Node.js version)');
