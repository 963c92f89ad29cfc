import { startTestPostgres } from "@/test/support/postgres";
import { reviewApplySuite } from "@/test/support/review-apply/suite";

// The same review flow with the PostgreSQL client (the apply lock's primary key on a real server).
reviewApplySuite("PostgreSQL", async () => {
  const postgres = await startTestPostgres();
  return { url: await postgres.createDatabase("studio_review"), stop: () => postgres.stop() };
});
