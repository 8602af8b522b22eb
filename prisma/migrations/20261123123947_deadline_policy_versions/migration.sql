-- CreateTable
CREATE TABLE "DeadlinePolicyVersion" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "unitId" TEXT,
    "document" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlinePolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadlinePolicyVersion_version_key" ON "DeadlinePolicyVersion"("version");

-- CreateIndex
CREATE INDEX "DeadlinePolicyVersion_effectiveFrom_idx" ON "DeadlinePolicyVersion"("effectiveFrom");
