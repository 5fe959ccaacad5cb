-- CreateTable
CREATE TABLE "RedemptionBatch" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "CreditCategory" NOT NULL,
    "creditsPerCode" INTEGER NOT NULL,
    "codeCount" INTEGER NOT NULL,
    "redeemBy" TIMESTAMP(3) NOT NULL,
    "creditValidityDays" INTEGER,
    "perUserLimit" INTEGER NOT NULL,
    "redeemedCount" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "sealedCodes" TEXT,
    "codesDownloadedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RedemptionBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedemptionCode" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedemptionCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "entryId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedemptionUsage" (
    "batchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RedemptionUsage_pkey" PRIMARY KEY ("batchId","userId")
);

-- CreateIndex
CREATE INDEX "RedemptionBatch_createdAt_idx" ON "RedemptionBatch"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RedemptionCode_codeHash_key" ON "RedemptionCode"("codeHash");

-- CreateIndex
CREATE INDEX "RedemptionCode_batchId_idx" ON "RedemptionCode"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_codeId_key" ON "Redemption"("codeId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_entryId_key" ON "Redemption"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_lotId_key" ON "Redemption"("lotId");

-- CreateIndex
CREATE INDEX "Redemption_userId_createdAt_idx" ON "Redemption"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_batchId_userId_slot_key" ON "Redemption"("batchId", "userId", "slot");

-- AddForeignKey
ALTER TABLE "RedemptionCode" ADD CONSTRAINT "RedemptionCode_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "RedemptionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "RedemptionCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "RedemptionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

