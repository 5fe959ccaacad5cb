-- CreateEnum
CREATE TYPE "AlipayDesktop" AS ENUM ('PRECREATE', 'PAGE_EMBEDDED', 'PAGE_REDIRECT');

-- AlterTable
ALTER TABLE "PaymentConfig" ADD COLUMN     "alipayDesktop" "AlipayDesktop" NOT NULL DEFAULT 'PRECREATE';

