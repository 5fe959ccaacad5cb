-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('WECHAT', 'ALIPAY');

-- CreateEnum
CREATE TYPE "SandboxTradeState" AS ENUM ('PENDING', 'PAID', 'CLOSED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "SandboxRefundState" AS ENUM ('PROCESSING', 'SUCCESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "SandboxNotifyKind" AS ENUM ('PAYMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "SandboxNotifyState" AS ENUM ('PENDING', 'DELIVERED', 'GAVE_UP', 'DROPPED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('QR', 'H5');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PROCESSING', 'SUCCESS', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ledgerSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "negativeAllowed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "seq" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "PaymentConfig" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "name" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "merchantSerialNo" TEXT,
    "providerKeyId" TEXT,
    "gatewayUrl" TEXT NOT NULL,
    "returnUrl" TEXT,
    "sandbox" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "sealedSecrets" TEXT NOT NULL,
    "secretFingerprints" JSONB NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderCall" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "configId" TEXT,
    "operation" TEXT NOT NULL,
    "orderNo" TEXT,
    "request" JSONB NOT NULL,
    "response" JSONB,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxMerchant" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "merchantPublicKeyPem" TEXT NOT NULL,
    "sealedSecrets" TEXT NOT NULL,
    "providerKeyId" TEXT,
    "merchantSerialNo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxMerchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxTrade" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "channel" "PaymentChannel" NOT NULL DEFAULT 'QR',
    "amountFen" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "notifyUrl" TEXT NOT NULL,
    "returnUrl" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "state" "SandboxTradeState" NOT NULL DEFAULT 'PENDING',
    "providerTradeNo" TEXT,
    "paidAmountFen" INTEGER,
    "paidAt" TIMESTAMP(3),
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxTrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxRefund" (
    "id" TEXT NOT NULL,
    "tradeId" TEXT NOT NULL,
    "outRefundNo" TEXT NOT NULL,
    "refundNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "reason" TEXT,
    "notifyUrl" TEXT,
    "state" "SandboxRefundState" NOT NULL DEFAULT 'PROCESSING',
    "succeededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxNotify" (
    "id" TEXT NOT NULL,
    "tradeId" TEXT NOT NULL,
    "kind" "SandboxNotifyKind" NOT NULL,
    "refundId" TEXT,
    "url" TEXT NOT NULL,
    "faults" JSONB NOT NULL,
    "state" "SandboxNotifyState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxNotify_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxFault" (
    "scope" TEXT NOT NULL,
    "faults" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxFault_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "RechargeOrder" (
    "id" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientKey" TEXT,
    "packageId" TEXT NOT NULL,
    "packageName" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "provider" "Provider" NOT NULL,
    "configId" TEXT NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "payUrl" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "paidAmountFen" INTEGER,
    "providerTradeNo" TEXT,
    "clientIp" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "anomaly" TEXT,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "nextCheckAt" TIMESTAMP(3),
    "checkAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RechargeOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentCallback" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "configId" TEXT,
    "kind" TEXT NOT NULL,
    "orderNo" TEXT,
    "headers" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "bodyBytes" INTEGER NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "rejection" TEXT,
    "outcome" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "refundNo" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PROCESSING',
    "providerRefundId" TEXT,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "succeededAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3),
    "checkAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentConfig_provider_enabled_isDefault_idx" ON "PaymentConfig"("provider", "enabled", "isDefault");

-- CreateIndex
CREATE INDEX "ProviderCall_orderNo_createdAt_idx" ON "ProviderCall"("orderNo", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderCall_createdAt_idx" ON "ProviderCall"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxMerchant_provider_appId_merchantId_key" ON "SandboxMerchant"("provider", "appId", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxTrade_providerTradeNo_key" ON "SandboxTrade"("providerTradeNo");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxTrade_merchantId_outTradeNo_key" ON "SandboxTrade"("merchantId", "outTradeNo");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxRefund_refundNo_key" ON "SandboxRefund"("refundNo");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxRefund_tradeId_outRefundNo_key" ON "SandboxRefund"("tradeId", "outRefundNo");

-- CreateIndex
CREATE INDEX "SandboxNotify_state_nextAttemptAt_idx" ON "SandboxNotify"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "RechargeOrder_orderNo_key" ON "RechargeOrder"("orderNo");

-- CreateIndex
CREATE INDEX "RechargeOrder_userId_createdAt_idx" ON "RechargeOrder"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "RechargeOrder_status_nextCheckAt_idx" ON "RechargeOrder"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "RechargeOrder_createdAt_idx" ON "RechargeOrder"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RechargeOrder_userId_clientKey_key" ON "RechargeOrder"("userId", "clientKey");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentCallback_orderNo_createdAt_idx" ON "PaymentCallback"("orderNo", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentCallback_createdAt_idx" ON "PaymentCallback"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_refundNo_key" ON "Refund"("refundNo");

-- CreateIndex
CREATE INDEX "Refund_orderNo_idx" ON "Refund"("orderNo");

-- CreateIndex
CREATE INDEX "Refund_status_nextCheckAt_idx" ON "Refund"("status", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_userId_seq_key" ON "LedgerEntry"("userId", "seq");

-- AddForeignKey
ALTER TABLE "SandboxTrade" ADD CONSTRAINT "SandboxTrade_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "SandboxMerchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxRefund" ADD CONSTRAINT "SandboxRefund_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "SandboxTrade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxNotify" ADD CONSTRAINT "SandboxNotify_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "SandboxTrade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RechargeOrder" ADD CONSTRAINT "RechargeOrder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RechargeOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

