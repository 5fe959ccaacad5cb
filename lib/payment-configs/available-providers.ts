import type { Provider } from "@prisma/client";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";
import { currentOffering } from "@/lib/payment-configs/offered-configs";

export interface AvailableProvider {
  provider: Provider;
  sandbox: boolean;
}

export async function availableProviders(): Promise<AvailableProvider[]> {
  const { configs } = await currentOffering();
  return configs.map((config) => ({ provider: config.provider, sandbox: isSandboxConfig(config) }));
}
