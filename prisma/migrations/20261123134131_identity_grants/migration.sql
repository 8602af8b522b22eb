-- CreateTable
CREATE TABLE "IdentityGrant" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "petitionId" TEXT,
    "unitId" TEXT,
    "reason" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "IdentityGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityGrant_personId_idx" ON "IdentityGrant"("personId");
