import type { Prisma, SandboxNotifyKind, SandboxRefund, SandboxTrade } from "@prisma/client";
import type { Faults } from "@/lib/sandbox/faults";

/** Far enough ahead to mean "held until released" (reordered payment notifies). */
export const heldUntil = new Date("9999-01-01T00:00:00Z");

interface EnqueueInput {
  trade: SandboxTrade;
  kind: SandboxNotifyKind;
  refund?: SandboxRefund;
  url?: string;
  faults: Faults;
  now: Date;
}

/** Queues a notify in the same transaction as the trade change it reports. */
export async function enqueueNotify(tx: Prisma.TransactionClient, input: EnqueueInput): Promise<void> {
  const { faults, now } = input;
  const held = input.kind === "PAYMENT" && faults.reorderNotifies;
  await tx.sandboxNotify.create({
    data: {
      tradeId: input.trade.id,
      kind: input.kind,
      refundId: input.refund?.id,
      url: input.url ?? input.trade.notifyUrl,
      faults,
      nextAttemptAt: held ? heldUntil : new Date(now.getTime() + (faults.delayNotifiesMs ?? 0)),
    },
  });
}

/** Releases a trade's held payment notifies once its refund notify went out (reordering). */
export async function releaseHeldNotifies(tx: Prisma.TransactionClient, tradeId: string, now: Date): Promise<void> {
  await tx.sandboxNotify.updateMany({
    where: { tradeId, kind: "PAYMENT", state: "PENDING", nextAttemptAt: heldUntil },
    data: { nextAttemptAt: now },
  });
}
