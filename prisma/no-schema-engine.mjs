#!/usr/bin/env node
// Stands in for Prisma's native schema engine, which cannot be downloaded on our machines.
// `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY exists; the commands that would
// really start the engine (migrate, db push) are not used by this project: migrations are plain SQL
// applied by scripts/db-migrate.mjs. If something starts us anyway, say so instead of hanging.
process.stderr.write(
  "cognito-studio: Prisma's schema engine is not used here. Apply migrations with `npm run db:migrate`; " +
    "write new ones as SQL under prisma/migrations/<provider>/ (see README, 'Database migrations').\n",
);
process.exit(1);
