-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "appealOfId" TEXT,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_appealOfId_fkey" FOREIGN KEY ("appealOfId") REFERENCES "Petition"("id") ON DELETE SET NULL ON UPDATE CASCADE;
