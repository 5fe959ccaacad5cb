import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { getOwnOrder } from "@/lib/recharge/get-own-order";

/** Long enough to get through WeChat's redirect, short enough that a leaked state is soon worthless. */
export const PAYER_AUTH_TTL_MS = 10 * 60 * 1000;

export interface StartPayerAuthOptions {
  userId: string;
  orderNo: string;
  now?: Date;
}

export function stateHash(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/** Where WeChat sends the browser back with the code. */
export function payerAuthCallbackUrl(): string {
  return `${env().APP_URL}/api/wechat/oauth/callback`;
}

/**
 * Starts WeChat's OAuth2 (snsapi_base) for a pending JSAPI order: a random state bound to this
 * user, this config and this order, usable once. Returns the authorize URL to send the browser to.
 */
export async function startPayerAuth(options: StartPayerAuthOptions): Promise<string> {
  const { userId, orderNo, now = new Date() } = options;
  const order = await getOwnOrder(userId, orderNo);
  if (order.channel !== "JSAPI" || order.status !== "PENDING") throw new AppError("CONFLICT", "order_not_payable");
  const { adapter } = await loadConfig(order.configId);
  if (!adapter.inApp) throw new AppError("CONFLICT", "order_not_payable");

  const state = randomBytes(24).toString("base64url");
  const prisma = await getPrisma();
  await prisma.wechatOAuthState.create({
    data: {
      stateHash: stateHash(state),
      userId,
      configId: order.configId,
      orderNo,
      expiresAt: new Date(now.getTime() + PAYER_AUTH_TTL_MS),
    },
  });
  return adapter.inApp.authorizeUrl(payerAuthCallbackUrl(), state);
}
