-- AlterTable
ALTER TABLE "Petitioner" ADD COLUMN     "matchKeyedWith" TEXT;

-- Left null on every existing row: the keys need PETITIONER_MATCH_KEY (and, for a sealed identity, the
-- identity key), which SQL does not have. The service keys them at start (match-key-backfill.ts).
