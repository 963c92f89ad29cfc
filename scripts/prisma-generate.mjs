#!/usr/bin/env node
// Generates the two Prisma clients (SQLite and PostgreSQL) from prisma/schema.prisma.
// A Prisma client is bound to one provider, and the studio runs on either; the PostgreSQL schema is
// derived here (provider and output swapped), never edited by hand, so the models cannot drift.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const pgDir = path.join(root, "generated/schema/postgresql");
mkdirSync(pgDir, { recursive: true });
const pgSchema = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output   = "../generated/prisma/sqlite"', `output   = "${path.join(root, "generated/prisma/postgresql")}"`);
if (pgSchema === source) throw new Error("prisma-generate: could not derive the PostgreSQL schema");
writeFileSync(path.join(pgDir, "schema.prisma"), pgSchema);

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "prisma/no-schema-engine.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
for (const schema of ["prisma/schema.prisma", path.join(pgDir, "schema.prisma")]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}
console.log("prisma-generate: generated clients for sqlite and postgresql");
