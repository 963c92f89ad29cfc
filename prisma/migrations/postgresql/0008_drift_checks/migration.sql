-- The result of each drift check of a target (how many settings differ, when, by whom, the plan from what was
-- applied to the live pool), so the pools list and the pool header can say "Drifted" or "In sync".
CREATE TABLE "DriftCheck" (
    "id" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "userPoolId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedBy" TEXT NOT NULL,
    "differences" INTEGER NOT NULL,
    "baseline" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    CONSTRAINT "DriftCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DriftCheck_targetId_checkedAt_idx" ON "DriftCheck"("targetId", "checkedAt");
ALTER TABLE "DriftCheck" ADD CONSTRAINT "DriftCheck_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;
