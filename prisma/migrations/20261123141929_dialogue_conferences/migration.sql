-- CreateTable
CREATE TABLE "Conference" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "chairId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attendeeCount" INTEGER,
    "minutes" TEXT,
    "heldAt" TIMESTAMP(3),
    "resultsDueAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "resultsSummary" TEXT,
    "proposalId" TEXT,
    "createdById" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceEvent" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConferenceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceOpinion" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "participantName" TEXT,
    "participantEmail" TEXT,
    "field" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "answer" TEXT,
    "referredToUnitId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "description" TEXT NOT NULL,
    "promisedBy" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "fulfilledAt" TIMESTAMP(3),
    "stateVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentEvent" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceProposal" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "petitionIds" TEXT[],
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Conference_unitId_startsAt_idx" ON "Conference"("unitId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConferenceEvent_key_key" ON "ConferenceEvent"("key");

-- CreateIndex
CREATE INDEX "ConferenceEvent_conferenceId_at_idx" ON "ConferenceEvent"("conferenceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_opinionId_key" ON "Commitment"("opinionId");

-- CreateIndex
CREATE INDEX "Commitment_unitId_status_idx" ON "Commitment"("unitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentEvent_key_key" ON "CommitmentEvent"("key");

-- CreateIndex
CREATE INDEX "CommitmentEvent_commitmentId_at_idx" ON "CommitmentEvent"("commitmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ConferenceProposal_key_key" ON "ConferenceProposal"("key");

-- AddForeignKey
ALTER TABLE "ConferenceEvent" ADD CONSTRAINT "ConferenceEvent_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceOpinion" ADD CONSTRAINT "ConferenceOpinion_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentEvent" ADD CONSTRAINT "CommitmentEvent_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
