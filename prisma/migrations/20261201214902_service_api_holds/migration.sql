-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED');

-- CreateTable
CREATE TABLE "CreditHold" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "HoldStatus" NOT NULL DEFAULT 'ACTIVE',
    "capturedAmount" INTEGER,
    "captureEntryId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "reason" TEXT,
    "reference" TEXT,
    "metadata" JSONB,
    "apiKeyId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditHold_idempotencyKey_key" ON "CreditHold"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CreditHold_status_expiresAt_idx" ON "CreditHold"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "CreditHold_userId_status_idx" ON "CreditHold"("userId", "status");


-- Written by hand (Prisma's schema cannot say it): a hold reserves something, and a capture never takes more than it held.
ALTER TABLE "CreditHold" ADD CONSTRAINT "CreditHold_amounts_check"
  CHECK (amount > 0 AND ("capturedAmount" IS NULL OR ("capturedAmount" >= 0 AND "capturedAmount" <= amount)));
