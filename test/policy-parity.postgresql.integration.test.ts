import { startTestPostgres } from "@/test/support/postgres";
import { policyParitySuite } from "@/test/support/policy-parity";

// The same parity on the PostgreSQL client: the stored policies and documents read back from a real server.
policyParitySuite("PostgreSQL", async () => {
  const postgres = await startTestPostgres();
  return { url: await postgres.createDatabase("studio_policy_parity"), stop: () => postgres.stop() };
});
