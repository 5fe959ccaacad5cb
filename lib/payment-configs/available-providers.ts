import type { Provider } from "@prisma/client";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";
import { currentOffering } from "@/lib/payment-configs/offered-configs";

export interface AvailableProvider {
  provider: Provider;
  sandbox: boolean;
  /** What a computer gets: a QR code, or the provider's website cashier (Alipay's page.pay). */
  desktop: "QR" | "PAGE";
}

export async function availableProviders(): Promise<AvailableProvider[]> {
  const { configs } = await currentOffering();
  return configs.map((config) => ({
    provider: config.provider,
    sandbox: isSandboxConfig(config),
    desktop: config.provider === "ALIPAY" && config.alipayDesktop !== "PRECREATE" ? "PAGE" : "QR",
  }));
}
