-- CreateEnum
CREATE TYPE "ReconciliationStatus" AS ENUM ('PENDING', 'RUNNING', 'NOT_READY', 'FAILED', 'DONE');

-- CreateEnum
CREATE TYPE "DifferenceStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateTable
CREATE TABLE "ProviderBill" (
    "id" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "billDate" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderBill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "billDate" TEXT NOT NULL,
    "status" "ReconciliationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "billId" TEXT,
    "stated" JSONB,
    "counted" JSONB,
    "billLines" INTEGER NOT NULL DEFAULT 0,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "differences" INTEGER NOT NULL DEFAULT 0,
    "detail" TEXT,
    "lastTrigger" TEXT,
    "lastActorId" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationDifference" (
    "id" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "billDate" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "orderNo" TEXT,
    "refundNo" TEXT,
    "providerTradeNo" TEXT,
    "billFen" INTEGER,
    "ourFen" INTEGER,
    "detail" TEXT NOT NULL,
    "status" "DifferenceStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReconciliationDifference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderBill_configId_billDate_sha256_key" ON "ProviderBill"("configId", "billDate", "sha256");

-- CreateIndex
CREATE INDEX "ReconciliationRun_status_nextAttemptAt_idx" ON "ReconciliationRun"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationRun_configId_billDate_key" ON "ReconciliationRun"("configId", "billDate");

-- CreateIndex
CREATE INDEX "ReconciliationDifference_status_createdAt_idx" ON "ReconciliationDifference"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReconciliationDifference_billDate_idx" ON "ReconciliationDifference"("billDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationDifference_configId_billDate_key_key" ON "ReconciliationDifference"("configId", "billDate", "key");

