-- CreateIndex
CREATE INDEX "Petition_receivedAt_idx" ON "Petition"("receivedAt");
