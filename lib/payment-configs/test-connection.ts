import { randomBytes } from "node:crypto";
import type { TradeState } from "@/lib/payments/types";
import { ProviderError } from "@/lib/payments/types";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordCall } from "@/lib/payment-configs/load-adapter";
import { readStoredSecrets } from "@/lib/payment-configs/stored-secrets";
import { createAdapter } from "@/lib/payments/registry";

export interface ConnectionTestResult {
  ok: boolean;
  /** "ok", "unexpected_state", a ProviderError kind (TIMEOUT, BAD_RESPONSE_SIGNATURE, …) or "error". */
  outcome: string;
  providerState?: TradeState;
  latencyMs: number;
  /** What went wrong, as the adapter or provider said it (never key material). */
  message?: string;
  probeOrderNo: string;
}

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Shaped like our order numbers but with a "T" prefix, so it can never name a real order. */
function probeOrderNo(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `T${day}${Array.from(randomBytes(20), (byte) => alphabet[byte & 31]).join("")}`;
}

async function probe(adapter: ReturnType<typeof createAdapter>, orderNo: string) {
  try {
    const trade = await adapter.queryPayment(orderNo);
    return trade.state === "NOT_FOUND"
      ? { ok: true, outcome: "ok" }
      : { ok: false, outcome: "unexpected_state", providerState: trade.state };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, outcome: error.kind, message: error.message };
    return { ok: false, outcome: "error", message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "Test connection": asks the gateway about an order that never existed. Only a signed,
 * verified "no such order" counts as success: it proves our request signature was accepted,
 * the provider's signature checks out with the configured keys, and the gateway URL is right.
 * Recorded as a ProviderCall (operation test_connection) and in the audit log.
 */
export async function testPaymentConnection(id: string, actorId: string): Promise<ConnectionTestResult> {
  const prisma = await getPrisma();
  const config = await prisma.paymentConfig.findUnique({ where: { id } });
  if (!config || config.deletedAt) throw new AppError("NOT_FOUND", "payment_config_not_found");
  const record = recordCall(config.id);
  const adapter = createAdapter(config, readStoredSecrets(config), {
    recordCall: (call) => record({ ...call, operation: "test_connection" }),
  });
  const orderNo = probeOrderNo();
  const started = performance.now();
  const answer = await probe(adapter, orderNo);
  const result: ConnectionTestResult = {
    ...answer,
    latencyMs: Math.round(performance.now() - started),
    probeOrderNo: orderNo,
  };
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId, action: "payment_config.test_connection", target: id, after: result }),
  );
  return result;
}
