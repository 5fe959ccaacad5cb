import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { removeLotRemainder } from "@/lib/wallet/remove-lot-remainder";

/** Going live takes this on purpose: the body must say so. */
export const voidSandboxCreditsSchema = z.object({
  confirm: z.literal("void-sandbox-credits"),
  reason: z.string().trim().min(2, "reason_required").max(200),
});

export interface VoidSandboxCreditsInput {
  actorId: string;
  reason: string;
  now?: Date;
}

export interface VoidSandboxCreditsResult {
  lots: number;
  credits: number;
  users: number;
}

/**
 * Takes back every credit bought through a sandbox config (simulated payments, no real money),
 * lot by lot as VOID entries, then records one audit entry with the totals. Running it again,
 * or after a crash half-way, voids only what is still left.
 */
export async function voidSandboxCredits(input: VoidSandboxCreditsInput): Promise<VoidSandboxCreditsResult> {
  const prisma = await getPrisma();
  const now = input.now ?? new Date();
  const lots = await prisma.creditLot.findMany({
    where: { sandbox: true, remaining: { gt: 0 } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const users = new Set<string>();
  let credits = 0;
  let voided = 0;
  for (const { id } of lots) {
    const done = await prisma.$transaction((tx) =>
      removeLotRemainder(tx, { lotId: id, kind: "VOID", actorId: input.actorId, reason: input.reason, now }),
    );
    if (!done) continue;
    voided += 1;
    credits -= done.entry.delta;
    users.add(done.lot.userId);
  }
  const result = { lots: voided, credits, users: users.size };
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.actorId,
      action: "wallet.void_sandbox_credits",
      after: { ...result, reason: input.reason },
    }),
  );
  return result;
}
