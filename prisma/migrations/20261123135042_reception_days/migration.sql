-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "post" TEXT;

-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "receptionSessionId" TEXT;

-- CreateTable
CREATE TABLE "ReceptionSchedule" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "deputyId" TEXT,
    "rule" JSONB NOT NULL,
    "startTime" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 240,
    "location" TEXT NOT NULL,
    "registrationCutoffDays" INTEGER,
    "announceDaysBefore" INTEGER NOT NULL DEFAULT 7,
    "jointUnitIds" TEXT[],
    "startsFrom" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionSession" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "nominalDay" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "receivingLeaderId" TEXT NOT NULL,
    "jointUnitIds" TEXT[],
    "location" TEXT NOT NULL,
    "attendeeCount" INTEGER,
    "minutes" TEXT,
    "closedAt" TIMESTAMP(3),
    "stateVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionEvent" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionRegistration" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "topic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionMatter" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "citizenName" TEXT,
    "summary" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "answer" TEXT,
    "petitionId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionMatter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "sessionId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceptionSchedule_unitId_idx" ON "ReceptionSchedule"("unitId");

-- CreateIndex
CREATE INDEX "ReceptionSession_unitId_day_idx" ON "ReceptionSession"("unitId", "day");

-- CreateIndex
CREATE INDEX "ReceptionSession_receivingLeaderId_day_idx" ON "ReceptionSession"("receivingLeaderId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionEvent_key_key" ON "ReceptionEvent"("key");

-- CreateIndex
CREATE INDEX "ReceptionEvent_sessionId_at_idx" ON "ReceptionEvent"("sessionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PublicNotice_key_key" ON "PublicNotice"("key");

-- CreateIndex
CREATE INDEX "PublicNotice_unitId_publishedAt_idx" ON "PublicNotice"("unitId", "publishedAt");

-- AddForeignKey
ALTER TABLE "ReceptionEvent" ADD CONSTRAINT "ReceptionEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionRegistration" ADD CONSTRAINT "ReceptionRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionMatter" ADD CONSTRAINT "ReceptionMatter_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
