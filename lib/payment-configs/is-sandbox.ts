import type { PaymentConfig } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";

export type SandboxFacts = Pick<PaymentConfig, "sandbox" | "gatewayUrl">;

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname)
      .replace(/\/{2,}/g, "/")
      .toLowerCase();
  } catch {
    return url.pathname.toLowerCase();
  }
}

/**
 * Whether a gateway URL is this app's own sandbox: any address of this app (APP_URL's origin),
 * or the sandbox's route prefix under any host name (127.0.0.1, a LAN address, a proxy in
 * front). No real provider serves its API under `/sandbox/`.
 */
export function pointsAtAppSandbox(gatewayUrl: string, appUrl = env().APP_URL): boolean {
  let url: URL;
  try {
    url = new URL(gatewayUrl);
  } catch {
    return false;
  }
  return url.origin === new URL(appUrl).origin || decodedPath(url).startsWith("/sandbox/");
}

/**
 * A sandbox config takes no real money: marked so, or pointing at the app's own sandbox
 * whatever its flag says. Derived on every read, never trusted from the stored flag alone;
 * the one test for "is this payment simulated?".
 */
export function isSandboxConfig(config: SandboxFacts): boolean {
  return config.sandbox || pointsAtAppSandbox(config.gatewayUrl);
}

/** Ids of every sandbox config, deleted ones too (old orders name them): revenue leaves their orders out. */
export async function sandboxConfigIds(): Promise<string[]> {
  const prisma = await getPrisma();
  const configs = await prisma.paymentConfig.findMany({ select: { id: true, sandbox: true, gatewayUrl: true } });
  return configs.filter(isSandboxConfig).map((config) => config.id);
}
