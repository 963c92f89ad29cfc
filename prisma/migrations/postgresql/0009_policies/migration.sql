-- Policies as code: a workspace's own rules (CEL over the pool and its target), versioned, and the written
-- reasons admins give to apply a plan that breaks a blocking one.
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "when" TEXT,
    "each" TEXT,
    "require" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Policy_workspaceId_key_key" ON "Policy"("workspaceId", "key");
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PolicyOverride" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "policyKeys" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "overriddenBy" TEXT NOT NULL,
    "overriddenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PolicyOverride_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PolicyOverride_changeRequestId_planVersion_idx" ON "PolicyOverride"("changeRequestId", "planVersion");
ALTER TABLE "PolicyOverride" ADD CONSTRAINT "PolicyOverride_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
