import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { policyParitySuite } from "@/test/support/policy-parity";

policyParitySuite("SQLite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-policy-parity-"));
  return { url: `file:${path.join(dir, "studio.db")}`, stop: async () => rmSync(dir, { recursive: true, force: true }) };
});
