import { Prisma, type PaymentConfig, type Provider } from "@prisma/client";
import { cache } from "react";
import { getDatabase, getPrisma } from "@/lib/db";
import { isSandboxConfig, type SandboxFacts } from "@/lib/payment-configs/is-sandbox";
import { learnSandboxUrls } from "@/lib/payment-configs/no-live-config";

export interface Offering {
  /** Enabled, not deleted configs that take real money. */
  live: boolean;
  /** What new orders of each provider use: its default, unless that would be a sandbox while real payments are on. */
  configs: PaymentConfig[];
}

/**
 * Once any live config is enabled, credits are worth real money, so no sandbox config is
 * offered to users (of any provider: a sandbox credit would buy what others pay for). Admins
 * still test sandbox configs from the console.
 */
export function chooseOffered(enabled: PaymentConfig[]): Offering {
  const live = enabled.some((config) => !isSandboxConfig(config));
  const configs = enabled.filter((config) => config.isDefault && !(live && isSandboxConfig(config)));
  return { live, configs };
}

async function loadOffering(): Promise<Offering> {
  const prisma = await getPrisma();
  const enabled = await prisma.paymentConfig.findMany({
    where: { enabled: true, deletedAt: null },
    orderBy: { provider: "desc" },
  });
  return chooseOffered(enabled);
}

/** Per request on pages (the banner and the recharge page ask together); fresh elsewhere. */
export const currentOffering = cache(loadOffering);

/**
 * Whether real payments are on: a sandbox payment must then credit nothing. Read fresh, never
 * from a cache; it also teaches the settlement's own guard (`noLiveConfigSql`) the sandbox
 * gateways it could not recognise.
 */
export async function livePaymentsEnabled(): Promise<boolean> {
  const db = await getDatabase();
  const configs = await db.query<SandboxFacts>(
    Prisma.sql`SELECT sandbox, "gatewayUrl" FROM "PaymentConfig" WHERE enabled AND "deletedAt" IS NULL`,
  );
  learnSandboxUrls(configs);
  return configs.some((config) => !isSandboxConfig(config));
}

/** The config new orders of a provider go through, or null when the provider is not offered. */
export async function offeredConfig(provider: Provider): Promise<PaymentConfig | null> {
  const { configs } = await loadOffering();
  return configs.find((config) => config.provider === provider) ?? null;
}

/** Users are offered simulated payments: every page says so. */
export async function demoModeOffered(): Promise<boolean> {
  const { configs } = await currentOffering();
  return configs.some(isSandboxConfig);
}
