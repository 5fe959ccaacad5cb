-- CreateTable
CREATE TABLE "UnverifiedNotifyTally" (
    "configId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UnverifiedNotifyTally_pkey" PRIMARY KEY ("configId","minute")
);

