-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "NotificationAttempt" (
    "id" TEXT NOT NULL,
    "notificationKey" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT NOT NULL,
    "error" TEXT,

    CONSTRAINT "NotificationAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationAttempt_notificationKey_idx" ON "NotificationAttempt"("notificationKey");

-- AddForeignKey
ALTER TABLE "NotificationAttempt" ADD CONSTRAINT "NotificationAttempt_notificationKey_fkey" FOREIGN KEY ("notificationKey") REFERENCES "Notification"("key") ON DELETE CASCADE ON UPDATE CASCADE;
