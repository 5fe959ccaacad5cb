-- CreateEnum
CREATE TYPE "CreditCategory" AS ENUM ('PAID', 'PROMOTIONAL');

-- CreateEnum
CREATE TYPE "LotSource" AS ENUM ('RECHARGE', 'BONUS', 'GRANT', 'REDEMPTION', 'REVERSAL', 'MIGRATION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerKind" ADD VALUE 'GRANT';
ALTER TYPE "LedgerKind" ADD VALUE 'EXPIRE';
ALTER TYPE "LedgerKind" ADD VALUE 'VOID';
ALTER TYPE "LedgerKind" ADD VALUE 'REDEMPTION';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "heldCredits" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CreditPackage" ADD COLUMN     "bonusValidityDays" INTEGER;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "metadata" JSONB,
ADD COLUMN     "uncovered" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RechargeOrder" ADD COLUMN     "bonusCredits" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bonusValidityDays" INTEGER;

-- CreateTable
CREATE TABLE "CreditLot" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "category" "CreditCategory" NOT NULL,
    "source" "LotSource" NOT NULL,
    "amount" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "priority" INTEGER NOT NULL DEFAULT 50,
    "reference" TEXT,
    "entryId" TEXT,
    "sandbox" BOOLEAN NOT NULL DEFAULT false,
    "expiredAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotDraw" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LotDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "seq" BIGSERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "data" JSONB NOT NULL,
    "position" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "WalletSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lowBalanceThreshold" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WalletSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CreditLot_userId_remaining_idx" ON "CreditLot"("userId", "remaining");

-- CreateIndex
CREATE INDEX "CreditLot_expiresAt_idx" ON "CreditLot"("expiresAt");

-- CreateIndex
CREATE INDEX "CreditLot_reference_idx" ON "CreditLot"("reference");

-- CreateIndex
CREATE INDEX "LotDraw_lotId_idx" ON "LotDraw"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "LotDraw_entryId_lotId_key" ON "LotDraw"("entryId", "lotId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_id_key" ON "Event"("id");

-- CreateIndex
CREATE UNIQUE INDEX "Event_position_key" ON "Event"("position");

-- CreateIndex
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");

-- CreateIndex
CREATE INDEX "LedgerEntry_userId_kind_createdAt_idx" ON "LedgerEntry"("userId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotDraw" ADD CONSTRAINT "LotDraw_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotDraw" ADD CONSTRAINT "LotDraw_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "CreditLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The database itself refuses impossible lots and draws (Prisma cannot describe CHECKs).
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_amounts_check"
    CHECK ("amount" > 0 AND "remaining" >= 0 AND "remaining" <= "amount" AND "priority" BETWEEN 0 AND 100);
ALTER TABLE "LotDraw" ADD CONSTRAINT "LotDraw_amount_check" CHECK ("amount" > 0);
ALTER TABLE "User" ADD CONSTRAINT "User_heldCredits_check" CHECK ("heldCredits" >= 0);

-- Every balance that existed before lots becomes one PAID lot that never expires.
INSERT INTO "CreditLot" ("id", "userId", "category", "source", "amount", "remaining", "priority", "reference")
SELECT 'migrated-' || "id", "id", 'PAID', 'MIGRATION', "balance", "balance", 50, 'balance before lots'
FROM "User" WHERE "balance" > 0;
