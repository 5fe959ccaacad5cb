import type { SandboxNotify } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { faultsSchema, type Faults } from "@/lib/sandbox/faults";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { releaseHeldNotifies } from "@/lib/sandbox/notify-queue";
import { sandboxProtocols } from "@/lib/sandbox/protocols";
import type { NotifyContent, SandboxProtocol } from "@/lib/sandbox/types";

export interface DispatchOptions {
  /** Divides the providers' retry intervals (tests run the 25-hour schedule in seconds). */
  timeScale: number;
  now?: Date;
  limit?: number;
  timeoutMs?: number;
}

// A claimed notify is leased this long; if the instance dies mid-send, another one retries it.
const leaseSeconds = 30;

/** Takes up to `limit` due notifies for this instance; others skip the rows it locked. */
async function claimDue(now: Date, limit: number): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "SandboxNotify" SET "nextAttemptAt" = ${new Date(now.getTime() + leaseSeconds * 1000)}, "updatedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "SandboxNotify"
      WHERE state = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((row) => row.id);
}

async function send(url: string, content: NotifyContent, timeoutMs: number): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: content.headers,
    body: content.body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "manual",
  });
  return { status: response.status, body: await response.text() };
}

function dropped(faults: Faults, attempt: number): boolean {
  return faults.dropNotifies === "all" || (typeof faults.dropNotifies === "number" && attempt <= faults.dropNotifies);
}

async function deliver(
  notify: SandboxNotify,
  now: Date,
  options: Required<Omit<DispatchOptions, "now">>,
): Promise<void> {
  const prisma = await getPrisma();
  const trade = await prisma.sandboxTrade.findUniqueOrThrow({
    where: { id: notify.tradeId },
    include: { merchant: true },
  });
  const protocol: SandboxProtocol = sandboxProtocols[trade.merchant.provider];
  const keys = merchantKeys(trade.merchant);
  const faults = faultsSchema.parse(notify.faults);
  const attempt = notify.attempts + 1;

  let outcome: { status: number; body: string } | { error: string };
  if (dropped(faults, attempt)) {
    outcome = { error: "dropped (fault injection)" };
  } else {
    const notifyOptions = { wrongAmount: Boolean(faults.wrongAmount), badSignature: Boolean(faults.badSignature), now };
    let content: NotifyContent;
    if (notify.kind === "PAYMENT") {
      content = protocol.paymentNotify(keys, trade, notifyOptions);
    } else {
      const refund = await prisma.sandboxRefund.findUniqueOrThrow({ where: { id: notify.refundId ?? "" } });
      content = protocol.refundNotify(keys, trade, refund, notifyOptions);
    }
    try {
      if (faults.signatureProbe)
        await send(notify.url, protocol.signatureProbe(keys, trade, now), options.timeoutMs).catch(() => null);
      const copies = 1 + (faults.duplicateNotifies ?? 0);
      const results = await Promise.allSettled(
        Array.from({ length: copies }, () => send(notify.url, content, options.timeoutMs)),
      );
      const first = results[0]!;
      outcome = first.status === "fulfilled" ? first.value : { error: String(first.reason) };
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const acknowledged = "status" in outcome && protocol.acknowledged(outcome.status, outcome.body);
  const schedule = protocol.retryScheduleSeconds;
  const gaveUp = !acknowledged && (faults.dropNotifies === "all" || attempt > schedule.length);
  const delaySeconds = schedule[Math.min(attempt - 1, schedule.length - 1)] ?? 0;
  await prisma.$transaction(async (tx) => {
    await tx.sandboxNotify.update({
      where: { id: notify.id },
      data: {
        attempts: attempt,
        state: acknowledged
          ? "DELIVERED"
          : gaveUp
            ? faults.dropNotifies === "all"
              ? "DROPPED"
              : "GAVE_UP"
            : "PENDING",
        nextAttemptAt: new Date(now.getTime() + (delaySeconds * 1000) / options.timeScale),
        lastStatus: "status" in outcome ? outcome.status : null,
        lastError: "error" in outcome ? outcome.error.slice(0, 500) : acknowledged ? null : outcome.body.slice(0, 500),
      },
    });
    if (acknowledged && notify.kind === "REFUND") await releaseHeldNotifies(tx, notify.tradeId, now);
  });
}

/** Sends every due notify once (one attempt each) and returns how many it handled. */
export async function dispatchDueNotifies(options: DispatchOptions): Promise<number> {
  const now = options.now ?? new Date();
  const settings = { timeScale: options.timeScale, limit: options.limit ?? 20, timeoutMs: options.timeoutMs ?? 5_000 };
  const ids = await claimDue(now, settings.limit);
  if (ids.length === 0) return 0;
  const prisma = await getPrisma();
  const notifies = await prisma.sandboxNotify.findMany({ where: { id: { in: ids } } });
  await Promise.all(
    notifies.map((notify) =>
      deliver(notify, now, settings).catch((error: unknown) =>
        logger.error("sandbox notify failed", { notifyId: notify.id, error }),
      ),
    ),
  );
  return notifies.length;
}
