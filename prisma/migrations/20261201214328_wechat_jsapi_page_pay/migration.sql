-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentChannel" ADD VALUE 'JSAPI';
ALTER TYPE "PaymentChannel" ADD VALUE 'PAGE';

-- AlterTable
ALTER TABLE "PaymentConfig" ADD COLUMN     "oauthBaseUrl" TEXT;

-- CreateTable
CREATE TABLE "WechatOAuthState" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatOAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatOpenId" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WechatOpenId_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxOAuthCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxOAuthCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WechatOAuthState_stateHash_key" ON "WechatOAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "WechatOAuthState_expiresAt_idx" ON "WechatOAuthState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "WechatOpenId_userId_appId_key" ON "WechatOpenId"("userId", "appId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxOAuthCode_codeHash_key" ON "SandboxOAuthCode"("codeHash");

-- CreateIndex
CREATE INDEX "SandboxOAuthCode_appId_openid_idx" ON "SandboxOAuthCode"("appId", "openid");

