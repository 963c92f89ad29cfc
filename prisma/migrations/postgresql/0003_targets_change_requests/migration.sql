-- Targets (environments) of a pool, change requests with comments and approvals, apply runs, and the
-- per-target apply lock (team review and apply).
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "endpoint" TEXT,
    "roleArn" TEXT,
    "userPoolId" TEXT,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Target_poolId_name_key" ON "Target"("poolId", "name");
ALTER TABLE "Target" ADD CONSTRAINT "Target_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "revisionNumber" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "planUserPoolId" TEXT,
    "planFingerprint" TEXT,
    "planVersion" INTEGER NOT NULL DEFAULT 1,
    "plannedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ChangeRequest_poolId_idx" ON "ChangeRequest"("poolId");
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "path" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Comment_changeRequestId_idx" ON "Comment"("changeRequestId");
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "approver" TEXT NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Approval_changeRequestId_approver_planVersion_key" ON "Approval"("changeRequestId", "approver", "planVersion");
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ApplyRun" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "appliedBy" TEXT NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" TEXT NOT NULL DEFAULT '[]',
    "steps" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "userPoolId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ApplyRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ApplyRun_changeRequestId_idx" ON "ApplyRun"("changeRequestId");
ALTER TABLE "ApplyRun" ADD CONSTRAINT "ApplyRun_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApplyRun" ADD CONSTRAINT "ApplyRun_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ApplyLock" (
    "targetId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ApplyLock_pkey" PRIMARY KEY ("targetId")
);
