-- Users, workspaces and memberships; pools belong to a workspace and carry an environment label;
-- one working draft per pool with a validity flag; immutable revisions; audit events name their pool.
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Membership_userId_workspaceId_key" ON "Membership"("userId", "workspaceId");
CREATE INDEX "Membership_workspaceId_idx" ON "Membership"("workspaceId");

-- SQLite accepts a REFERENCES clause on ADD COLUMN when the column defaults to NULL.
ALTER TABLE "Pool" ADD COLUMN "workspaceId" TEXT REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Pool" ADD COLUMN "environment" TEXT NOT NULL DEFAULT 'dev';
DROP INDEX "Pool_name_key";
CREATE UNIQUE INDEX "Pool_workspaceId_name_key" ON "Pool"("workspaceId", "name");

ALTER TABLE "Draft" ADD COLUMN "valid" BOOLEAN NOT NULL DEFAULT true;
DROP INDEX "Draft_poolId_idx";
CREATE UNIQUE INDEX "Draft_poolId_key" ON "Draft"("poolId");

CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "poolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Revision_poolId_number_key" ON "Revision"("poolId", "number");

ALTER TABLE "AuditEvent" ADD COLUMN "workspaceId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "poolId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "before" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "after" TEXT;
CREATE INDEX "AuditEvent_poolId_idx" ON "AuditEvent"("poolId");
