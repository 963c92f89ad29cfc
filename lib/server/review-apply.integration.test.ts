import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { reviewApplySuite } from "@/test/support/review-apply/suite";

reviewApplySuite("SQLite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-review-moto-"));
  return { url: `file:${path.join(dir, "studio.db")}`, stop: async () => rmSync(dir, { recursive: true, force: true }) };
});
