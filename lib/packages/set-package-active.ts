import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An inactive package is no longer sold; its past orders are untouched. */
export async function setPackageActive(id: string, active: boolean, actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await tx.creditPackage.findUnique({ where: { id }, select: { active: true } });
    if (!before) throw new AppError("NOT_FOUND", "package_not_found");
    await tx.creditPackage.update({ where: { id }, data: { active } });
    await recordAudit(tx, {
      actorId,
      action: active ? "package.activate" : "package.deactivate",
      target: id,
      before: { active: before.active },
      after: { active },
    });
  });
}
