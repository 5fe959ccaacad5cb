import { getPrisma } from "@/lib/db";
import { adminPackageView, type AdminPackageView } from "@/lib/packages/package-view";

export async function getAdminPackage(id: string): Promise<AdminPackageView | null> {
  const prisma = await getPrisma();
  const row = await prisma.creditPackage.findUnique({ where: { id } });
  return row ? adminPackageView(row) : null;
}
