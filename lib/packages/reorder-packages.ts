import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const reorderPackagesSchema = z.object({
  /** Every package id, in the new display order. */
  ids: z.array(z.string().min(1).max(64)).min(1).max(500),
});

/**
 * Puts the packages in the given order (sort 10, 20, …). The list must name every package
 * exactly once: a list made from a stale page would otherwise silently misplace new ones.
 */
export async function reorderPackages(ids: string[], actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const current = await tx.creditPackage.findMany({ select: { id: true, sort: true }, orderBy: { sort: "asc" } });
    const known = new Set(current.map((pkg) => pkg.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError("CONFLICT", "package_list_changed");
    }
    for (const [index, id] of ids.entries()) {
      await tx.creditPackage.update({ where: { id }, data: { sort: (index + 1) * 10 } });
    }
    await recordAudit(tx, {
      actorId,
      action: "package.reorder",
      target: "packages",
      before: { order: current.map((pkg) => pkg.id) },
      after: { order: ids },
    });
  });
}
