-- Per-environment values of a target (callback and logout URLs per app client, the domain), applied to
-- the design when planning for that target (lib/cognito/environments); JSON text.
ALTER TABLE "Target" ADD COLUMN "environmentValues" TEXT NOT NULL DEFAULT '{}';

-- A change request opened by promoting another one to the next target: which one (no foreign key, so
-- deleting the earlier request keeps the later one).
ALTER TABLE "ChangeRequest" ADD COLUMN "promotedFromId" TEXT;
