import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI looks for a native schema engine before every command and tries to download it.
// Pointing it at our stub satisfies that check offline; `generate` itself runs on bundled wasm.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/no-schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
});
