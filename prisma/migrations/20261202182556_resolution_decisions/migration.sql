-- CreateTable
CREATE TABLE "PetitionResolution" (
    "eventId" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "signer" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionResolution_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "PetitionResolution_petitionId_idx" ON "PetitionResolution"("petitionId");

-- AddForeignKey
ALTER TABLE "PetitionResolution" ADD CONSTRAINT "PetitionResolution_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "PetitionEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
