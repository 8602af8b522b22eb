-- CreateTable
CREATE TABLE "NationalRecord" (
    "petitionId" TEXT NOT NULL,
    "scopeUnitId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "sentVersion" INTEGER,
    "sentAt" TIMESTAMP(3),
    "rejectedVersion" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NationalRecord_pkey" PRIMARY KEY ("petitionId")
);

-- CreateTable
CREATE TABLE "NationalSyncRun" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "found" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NationalSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NationalSyncDelivery" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT,
    "deliveredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NationalSyncDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NationalRecord_scopeUnitId_checkedAt_idx" ON "NationalRecord"("scopeUnitId", "checkedAt");

-- CreateIndex
CREATE INDEX "NationalSyncRun_unitId_startedAt_idx" ON "NationalSyncRun"("unitId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NationalSyncDelivery_idempotencyKey_key" ON "NationalSyncDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "NationalSyncDelivery_runId_idx" ON "NationalSyncDelivery"("runId");

-- CreateIndex
CREATE INDEX "NationalSyncDelivery_petitionId_idx" ON "NationalSyncDelivery"("petitionId");

-- AddForeignKey
ALTER TABLE "NationalSyncDelivery" ADD CONSTRAINT "NationalSyncDelivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "NationalSyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
