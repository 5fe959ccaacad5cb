-- CreateIndex
CREATE INDEX "CreditLot_entryId_idx" ON "CreditLot"("entryId");

