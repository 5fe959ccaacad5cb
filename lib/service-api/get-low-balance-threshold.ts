import { getPrisma } from "@/lib/db";

export async function getLowBalanceThreshold(): Promise<number | null> {
  const prisma = await getPrisma();
  return (await prisma.walletSettings.findUnique({ where: { id: 1 } }))?.lowBalanceThreshold ?? null;
}
