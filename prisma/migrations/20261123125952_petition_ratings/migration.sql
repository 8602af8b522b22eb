-- CreateTable
CREATE TABLE "PetitionRating" (
    "petitionId" TEXT NOT NULL,
    "satisfied" BOOLEAN NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionRating_pkey" PRIMARY KEY ("petitionId")
);
