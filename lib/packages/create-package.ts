import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { packageData, type PackageInput } from "@/lib/packages/package-input";
import { adminPackageView, packageSnapshot, type AdminPackageView } from "@/lib/packages/package-view";

/** A new package goes to the end of the list. */
export async function createPackage(input: PackageInput, actorId: string): Promise<AdminPackageView> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const last = await tx.creditPackage.aggregate({ _max: { sort: true } });
    const created = await tx.creditPackage.create({
      data: { ...packageData(input), sort: (last._max.sort ?? 0) + 10 },
    });
    await recordAudit(tx, { actorId, action: "package.create", target: created.id, after: packageSnapshot(created) });
    return adminPackageView(created);
  });
}
