-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "isMass" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "IdentityAccess" ADD COLUMN     "documentId" TEXT;

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sealedName" TEXT,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sealed" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'uploading',
    "storage" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlobChunk" (
    "key" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "BlobChunk_pkey" PRIMARY KEY ("key","index")
);

-- CreateTable
CREATE TABLE "PetitionNote" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentionIds" TEXT[],
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_petitionId_idx" ON "Document"("petitionId");

-- CreateIndex
CREATE INDEX "PetitionNote_petitionId_createdAt_idx" ON "PetitionNote"("petitionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionNote_authorId_idempotencyKey_key" ON "PetitionNote"("authorId", "idempotencyKey");

-- Scans and photos are already compressed: keep BlobChunk rows out of TOAST compression.
ALTER TABLE "BlobChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
