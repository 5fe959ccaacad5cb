import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { beijingDayBounds, beijingYesterday, readyAt } from "./beijing-day";
import { BILL_READY_HOUR, reconcileDay } from "./reconcile-day";

export interface ReconcileDueOptions {
  now?: Date;
}

/**
 * The daily job: yesterday's bill of every payment config once it is ready (WeChat after
 * 10:00, Alipay after 09:00 Beijing time), and earlier days still waiting for a retry. Every
 * instance runs it; reconcileDay's claim lets exactly one of them do each day.
 */
export async function reconcileDueDays({ now = new Date() }: ReconcileDueOptions = {}): Promise<number> {
  const prisma = await getPrisma();
  const yesterday = beijingYesterday(now);
  const [configs, retries] = await Promise.all([
    prisma.paymentConfig.findMany({
      where: { deletedAt: null, createdAt: { lt: beijingDayBounds(yesterday).end } },
      select: { id: true, provider: true },
    }),
    prisma.reconciliationRun.findMany({
      where: { status: { in: ["NOT_READY", "FAILED"] }, nextAttemptAt: { lte: now }, billDate: { lt: yesterday } },
      select: { configId: true, billDate: true },
      take: 20,
    }),
  ]);
  const due = [
    ...configs
      .filter((config) => now >= readyAt(yesterday, BILL_READY_HOUR[config.provider]))
      .map((config) => ({ configId: config.id, billDate: yesterday })),
    ...retries,
  ];
  let done = 0;
  for (const day of due) {
    try {
      const result = await reconcileDay({ ...day, trigger: "job", now });
      if (result.status !== "BUSY") done += 1;
    } catch (error) {
      logger.error("reconciliation job failed for a day", { ...day, error });
    }
  }
  return done;
}
