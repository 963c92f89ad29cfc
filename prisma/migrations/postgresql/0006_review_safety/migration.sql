-- Who re-planned a change request with new content (JSON text): they may not approve it.
ALTER TABLE "ChangeRequest" ADD COLUMN "contentReplans" TEXT NOT NULL DEFAULT '[]';

-- One apply per live pool (Region + endpoint + user pool id), whichever target names it; taken with the
-- target's lock in one transaction.
CREATE TABLE "LivePoolLock" (
    "poolKey" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LivePoolLock_pkey" PRIMARY KEY ("poolKey")
);
