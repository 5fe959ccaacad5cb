import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";

export interface SetLowBalanceThresholdOptions {
  /** Null: no balance.low events. */
  threshold: number | null;
  actorId: string;
}

/** balance.low is sent once each time a debit takes a balance from at least this to below it. */
export async function setLowBalanceThreshold({ threshold, actorId }: SetLowBalanceThresholdOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await tx.walletSettings.findUnique({ where: { id: 1 } });
    await tx.walletSettings.upsert({
      where: { id: 1 },
      create: { id: 1, lowBalanceThreshold: threshold },
      update: { lowBalanceThreshold: threshold },
    });
    await recordAudit(tx, {
      actorId,
      action: "wallet_settings.low_balance_threshold",
      before: { lowBalanceThreshold: before?.lowBalanceThreshold ?? null },
      after: { lowBalanceThreshold: threshold },
    });
  });
}
