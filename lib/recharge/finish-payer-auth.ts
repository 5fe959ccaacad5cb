import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { ProviderError } from "@/lib/payments/types";
import { stateHash } from "@/lib/recharge/start-payer-auth";

export interface FinishPayerAuthOptions {
  userId: string;
  state: string;
  code: string;
  now?: Date;
}

export interface FinishedPayerAuth {
  orderNo: string;
  /** False when WeChat refused the code: the order page offers to try again. */
  ok: boolean;
}

/**
 * WeChat's redirect back: the state must be one we issued to this very user, unused and
 * unexpired, and it is spent by the same write that checks it (a replay finds it used). The
 * code is exchanged with the state's config, so a code from another app id is refused by WeChat.
 * The openid is remembered per user and app id.
 */
export async function finishPayerAuth(options: FinishPayerAuthOptions): Promise<FinishedPayerAuth> {
  const { userId, state, code, now = new Date() } = options;
  const prisma = await getPrisma();
  const hash = stateHash(state);
  const claimed = await prisma.wechatOAuthState.updateMany({
    where: { stateHash: hash, userId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("VALIDATION", "oauth_state_invalid");
  const row = await prisma.wechatOAuthState.findUniqueOrThrow({ where: { stateHash: hash } });

  const { adapter } = await loadConfig(row.configId);
  if (!adapter.inApp) throw new AppError("CONFLICT", "order_not_payable");
  let openid: string;
  try {
    openid = await adapter.inApp.exchangeCode(code);
  } catch (error) {
    if (!(error instanceof ProviderError || error instanceof RangeError)) throw error;
    logger.warn("wechat oauth code refused", { orderNo: row.orderNo, error: error.message });
    return { orderNo: row.orderNo, ok: false };
  }
  const appId = adapter.inApp.appId;
  await prisma.wechatOpenId.upsert({
    where: { userId_appId: { userId, appId } },
    create: { userId, appId, openid },
    update: { openid },
  });
  return { orderNo: row.orderNo, ok: true };
}
