import type { PrismaClient } from "@prisma/client";
import { expireDueOrders, reconcileOrders } from "@/lib/recharge/sweep-orders";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { heldUntil } from "@/lib/sandbox/notify-queue";

/**
 * The jobs, driven by hand: there are no background loops in tests, so a scenario decides when
 * the provider sends and when our jobs run.
 */

/** Divides the providers' retry intervals: Alipay's 25-hour schedule takes about 9 s. */
export const timeScale = 10_000;
const batch = 500;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A moment `minutes` from now, for jobs that must find orders due. */
export function minutesFromNow(minutes: number): Date {
  return new Date(Date.now() + minutes * 60_000);
}

/** One pass of the sandbox's notify sender: every due notify gets one attempt. */
export function dispatchRound(): Promise<number> {
  return dispatchDueNotifies({ timeScale, limit: batch });
}

/** Notifies the sandbox still means to send (not held back for reordering). */
function notifiesInFlight(prisma: PrismaClient): Promise<number> {
  return prisma.sandboxNotify.count({ where: { state: "PENDING", nextAttemptAt: { lt: heldUntil } } });
}

/** Sends notifies, retries included, until each one was answered, dropped or given up on. */
export async function deliverNotifies(prisma: PrismaClient, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await dispatchRound();
    if ((await notifiesInFlight(prisma)) === 0) return;
    if (Date.now() > deadline) throw new Error(`notifies still in flight after ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** The expiry job, then the reconciliation job, as if it were `at`. */
export async function runJobs(at: Date): Promise<void> {
  await expireDueOrders({ now: at, limit: batch });
  await reconcileOrders({ now: at, limit: batch });
}

/** Rejects when `promise` has not settled within `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
