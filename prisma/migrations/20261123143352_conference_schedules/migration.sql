-- AlterTable
ALTER TABLE "ReceptionSchedule" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'reception';
