-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorAddress" TEXT,
ADD COLUMN     "actorUserAgent" TEXT;

