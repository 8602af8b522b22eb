-- AlterTable
ALTER TABLE "ReceptionMatter" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "ConferenceOpinion" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionMatter_sessionId_idempotencyKey_key" ON "ReceptionMatter"("sessionId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ConferenceOpinion_conferenceId_idempotencyKey_key" ON "ConferenceOpinion"("conferenceId", "idempotencyKey");
