import type { Provider } from "@prisma/client";
import { getPrisma } from "@/lib/db";

export interface AvailableProvider {
  provider: Provider;
  sandbox: boolean;
}

export async function availableProviders(): Promise<AvailableProvider[]> {
  const prisma = await getPrisma();
  const configs = await prisma.paymentConfig.findMany({
    where: { enabled: true, isDefault: true, deletedAt: null },
    select: { provider: true, sandbox: true },
    orderBy: { provider: "desc" },
  });
  return configs;
}
