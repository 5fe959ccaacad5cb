import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const resolveDifferenceSchema = z.object({
  note: z.string().trim().min(2, "reason_required").max(500, "too_long"),
});

export interface ResolveDifferenceOptions {
  id: string;
  note: string;
  actorId: string;
}

/** Marks an open difference resolved with the admin's note; the condition is inside the update. */
export async function resolveDifference({ id, note, actorId }: ResolveDifferenceOptions) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.reconciliationDifference.updateMany({
      where: { id, status: "OPEN" },
      data: { status: "RESOLVED", resolution: note, resolvedById: actorId, resolvedAt: now },
    });
    const row = await tx.reconciliationDifference.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "difference_not_found");
    if (!updated.count) throw new AppError("CONFLICT", "difference_already_resolved");
    await recordAudit(tx, {
      actorId,
      action: "reconciliation.resolve",
      target: row.orderNo ?? row.key,
      before: { status: "OPEN", kind: row.kind, billDate: row.billDate },
      after: { status: "RESOLVED", note },
    });
    return row;
  });
}
