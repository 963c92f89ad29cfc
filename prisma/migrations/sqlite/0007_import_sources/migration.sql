-- Where an imported pool came from (the files, the values supplied, the inputs still missing), so the pool
-- page can ask for the missing inputs and import again with them.
CREATE TABLE "ImportSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "poolId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "files" TEXT NOT NULL,
    "region" TEXT,
    "inputValues" TEXT NOT NULL DEFAULT '{}',
    "unresolved" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportSource_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ImportSource_poolId_key" ON "ImportSource"("poolId");
