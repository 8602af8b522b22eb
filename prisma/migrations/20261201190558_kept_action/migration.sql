-- CreateTable
CREATE TABLE "KeptAction" (
    "updateId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "updateName" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeptAction_pkey" PRIMARY KEY ("updateId")
);

-- CreateIndex
CREATE INDEX "KeptAction_nextTryAt_idx" ON "KeptAction"("nextTryAt");
