import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { packageNameFor } from "@/lib/packages/package-name";

export interface PackageView {
  id: string;
  name: string;
  priceFen: number;
  credits: number;
  bonusCredits: number;
  totalCredits: number;
  bestValue: boolean;
}

/** Active packages in display order; the one giving most credits per fen is marked best value. */
export async function listActivePackages(locale: Locale): Promise<PackageView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.creditPackage.findMany({
    where: { active: true },
    orderBy: [{ sort: "asc" }, { priceFen: "asc" }],
  });
  const views = rows.map((row) => ({
    id: row.id,
    name: packageNameFor(locale, row.name, row.nameEn),
    priceFen: row.priceFen,
    credits: row.credits,
    bonusCredits: row.bonusCredits,
    totalCredits: row.credits + row.bonusCredits,
    bestValue: false,
  }));
  // Compare credits per fen by cross-multiplying, so no fractions are involved.
  const best = views.reduce<PackageView | undefined>(
    (top, view) => (!top || view.totalCredits * top.priceFen > top.totalCredits * view.priceFen ? view : top),
    undefined,
  );
  if (best && views.length > 1) best.bestValue = true;
  return views;
}
