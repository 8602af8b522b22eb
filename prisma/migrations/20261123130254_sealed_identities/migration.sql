-- AlterTable
ALTER TABLE "Petitioner" ADD COLUMN     "sealedIdentity" TEXT;

-- CreateTable
CREATE TABLE "IdentityAccess" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityAccess_petitionId_idx" ON "IdentityAccess"("petitionId");
