import { expect, test } from "vitest";
import { checkRecorded, listMigrations } from "../prisma/migrate.mjs";

type Migration = { name: string; checksum: string };

function migration(kind: "sqlite" | "postgresql", name: string): Migration {
  const found = (listMigrations(kind) as Migration[]).find((m) => m.name === name);
  if (!found) throw new Error(`no migration ${name}`);
  return found;
}

test("a migration changed after it was applied is refused; one never applied is not", () => {
  const m = migration("sqlite", "0001_init");
  expect(checkRecorded(m, undefined)).toBe(false);
  expect(checkRecorded(m, m.checksum)).toBe(true);
  expect(() => checkRecorded(m, "0".repeat(64))).toThrow(/was changed after it was applied/);
});

test("0003, whose header comment was reworded, still accepts what databases migrated before recorded", () => {
  for (const kind of ["sqlite", "postgresql"] as const) {
    const m = migration(kind, "0003_targets_change_requests");
    expect(checkRecorded(m, m.checksum)).toBe(true);
  }
  expect(checkRecorded(migration("sqlite", "0003_targets_change_requests"), "b952ef31dfe74777d4a8cc43717fb147dc6438168b1be91a0d2213320007b62a")).toBe(true);
  expect(checkRecorded(migration("postgresql", "0003_targets_change_requests"), "3fa1324e8f596156a7f7b528fec6529f9984cb99eab354e2e04b9ca5fab57e99")).toBe(true);
  // The earlier texts are accepted for 0003 only.
  expect(() => checkRecorded(migration("sqlite", "0001_init"), "b952ef31dfe74777d4a8cc43717fb147dc6438168b1be91a0d2213320007b62a")).toThrow();
});
