import type { PrismaClient } from "@prisma/client";

export const defaultPackages = [
  { seedKey: "starter", name: "入门包", nameEn: "Starter", priceFen: 600, credits: 60, bonusCredits: 0, sort: 10 },
  {
    seedKey: "standard",
    name: "标准包",
    nameEn: "Standard",
    priceFen: 3_000,
    credits: 300,
    bonusCredits: 30,
    sort: 20,
  },
  { seedKey: "pro", name: "专业包", nameEn: "Pro", priceFen: 9_800, credits: 980, bonusCredits: 120, sort: 30 },
  {
    seedKey: "studio",
    name: "工作室包",
    nameEn: "Studio",
    priceFen: 29_800,
    credits: 2_980,
    bonusCredits: 520,
    sort: 40,
  },
] as const;

/**
 * Creates the default packages that do not exist yet. Packages an admin has since edited
 * are left alone, so running it on every start is safe.
 */
export async function seedPackages(prisma: PrismaClient): Promise<number> {
  const result = await prisma.creditPackage.createMany({ data: [...defaultPackages], skipDuplicates: true });
  return result.count;
}
