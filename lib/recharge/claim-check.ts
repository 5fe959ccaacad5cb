import { getPrisma } from "@/lib/db";

/** At most one provider query per order in this window, whoever asks ("I have paid", an unverified notify). */
export const checkThrottleMs = 5_000;

/** Claims the order's next provider query: only one caller per window gets it (a conditional write). */
export async function claimCheck(orderId: string, now: Date): Promise<boolean> {
  const prisma = await getPrisma();
  const claimed = await prisma.rechargeOrder.updateMany({
    where: {
      id: orderId,
      OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: new Date(now.getTime() - checkThrottleMs) } }],
    },
    data: { lastCheckedAt: now },
  });
  return claimed.count === 1;
}
