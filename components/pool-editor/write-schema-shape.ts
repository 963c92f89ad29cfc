/** Rewrites `schema-shape.json` from the spec's schema: `npx tsx components/pool-editor/write-schema-shape.ts`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchemaShape } from "./schema-shape-build";

writeFileSync(fileURLToPath(new URL("./schema-shape.json", import.meta.url)), `${JSON.stringify(buildSchemaShape(), null, 2)}\n`);
