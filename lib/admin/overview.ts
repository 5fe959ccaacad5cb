import { getPrisma } from "@/lib/db";

export interface AdminOverview {
  userCount: number;
  activePackageCount: number;
  creditsOutstanding: number;
  newestUsers: { id: string; email: string; role: string; balance: number; createdAt: Date }[];
}

export async function adminOverview(): Promise<AdminOverview> {
  const prisma = await getPrisma();
  const [userCount, activePackageCount, balances, newestUsers] = await Promise.all([
    prisma.user.count(),
    prisma.creditPackage.count({ where: { active: true } }),
    prisma.user.aggregate({ _sum: { balance: true } }),
    prisma.user.findMany({
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, email: true, role: true, balance: true, createdAt: true },
    }),
  ]);
  return { userCount, activePackageCount, creditsOutstanding: balances._sum.balance ?? 0, newestUsers };
}
