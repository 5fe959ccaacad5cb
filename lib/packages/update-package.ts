import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { packageData, type PackageInput } from "@/lib/packages/package-input";
import { adminPackageView, packageSnapshot, type AdminPackageView } from "@/lib/packages/package-view";

/**
 * Edits a package. Orders keep the price and credits they were created with (they carry a
 * snapshot), so a price change here only affects orders placed afterwards.
 */
export async function updatePackage(id: string, input: PackageInput, actorId: string): Promise<AdminPackageView> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.creditPackage.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "package_not_found");
    const after = await tx.creditPackage.update({ where: { id }, data: packageData(input) });
    await recordAudit(tx, {
      actorId,
      action: "package.update",
      target: id,
      before: packageSnapshot(before),
      after: packageSnapshot(after),
    });
    return adminPackageView(after);
  });
}
