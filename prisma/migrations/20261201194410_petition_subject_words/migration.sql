-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "subjectWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Petition_subjectWords_idx" ON "Petition" USING GIN ("subjectWords");
