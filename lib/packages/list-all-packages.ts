import { getPrisma } from "@/lib/db";
import { adminPackageView, type AdminPackageView } from "@/lib/packages/package-view";

/** Every package, active or not, in display order. */
export async function listAllPackages(): Promise<AdminPackageView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.creditPackage.findMany({ orderBy: [{ sort: "asc" }, { priceFen: "asc" }, { id: "asc" }] });
  return rows.map(adminPackageView);
}
