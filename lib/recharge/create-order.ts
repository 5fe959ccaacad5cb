import type { Provider, RechargeOrder } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadDefaultConfig } from "@/lib/payment-configs/load-adapter";
import { paymentNotifyUrl } from "@/lib/payment-configs/urls";
import { ProviderError } from "@/lib/payments/types";
import { newOrderNo } from "@/lib/recharge/order-no";
import { recordOrderEvent } from "@/lib/recharge/record-event";

export const createOrderSchema = z.object({
  packageId: z.string().min(1).max(64),
  provider: z.enum(["WECHAT", "ALIPAY"]),
  channel: z.enum(["QR", "H5"]).default("QR"),
  /** Chosen by the client once per purchase attempt: a double click or a retry sends the same key. */
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export interface CreateOrderOptions extends CreateOrderInput {
  userId: string;
  clientIp?: string;
  now?: Date;
}

async function existingOrder(userId: string, clientKey: string | undefined): Promise<RechargeOrder | null> {
  if (!clientKey) return null;
  const prisma = await getPrisma();
  return prisma.rechargeOrder.findUnique({ where: { userId_clientKey: { userId, clientKey } } });
}

/** A pay-page path on this app, where the provider's H5 flow sends the phone back. */
function orderPageUrl(orderNo: string): string {
  return `${env().APP_URL}/orders/${orderNo}`;
}

/**
 * Creates a recharge order for an active package and asks the provider's default config for a
 * payment code. The same client key returns the same order, however often it is sent.
 */
export async function createOrder(options: CreateOrderOptions): Promise<RechargeOrder> {
  const { userId, packageId, provider, channel, clientKey, clientIp, now = new Date() } = options;
  const previous = await existingOrder(userId, clientKey);
  if (previous) return previous;

  const prisma = await getPrisma();
  const pkg = await prisma.creditPackage.findFirst({ where: { id: packageId, active: true } });
  if (!pkg) throw new AppError("NOT_FOUND", "package_not_found");
  const { config, adapter } = await loadDefaultConfig(provider as Provider);

  const orderNo = newOrderNo(now);
  const expiresAt = new Date(now.getTime() + env().ORDER_TTL_MINUTES * 60_000);
  let order: RechargeOrder;
  try {
    order = await prisma.$transaction(async (tx) => {
      const created = await tx.rechargeOrder.create({
        data: {
          orderNo,
          userId,
          clientKey,
          packageId: pkg.id,
          packageName: pkg.nameEn ? `${pkg.name} / ${pkg.nameEn}` : pkg.name,
          priceFen: pkg.priceFen,
          credits: pkg.credits + pkg.bonusCredits,
          bonusCredits: pkg.bonusCredits,
          bonusValidityDays: pkg.bonusValidityDays,
          provider,
          configId: config.id,
          channel,
          expiresAt,
          clientIp,
          // First reconciliation shortly after creation, in case the notify never comes.
          nextCheckAt: new Date(now.getTime() + 60_000),
        },
      });
      await recordOrderEvent(tx, created.id, "created", { priceFen: pkg.priceFen, credits: created.credits, provider });
      return created;
    });
  } catch (error) {
    // Two requests with the same client key raced: the other one created the order.
    if (isUniqueViolation(error) && clientKey) {
      const winner = await existingOrder(userId, clientKey);
      if (winner) return winner;
    }
    throw error;
  }

  const input = {
    orderNo,
    amountFen: order.priceFen,
    // Shown to the payer in the wallet app.
    description: `充值 ${order.credits} 积分`,
    expiresAt,
    notifyUrl: paymentNotifyUrl(config),
    returnUrl: orderPageUrl(orderNo),
    clientIp,
  };
  try {
    const payUrl =
      channel === "QR" ? (await adapter.createQrPayment(input)).codeUrl : (await adapter.createH5Payment(input)).url;
    return await prisma.$transaction(async (tx) => {
      const updated = await tx.rechargeOrder.update({ where: { id: order.id }, data: { payUrl } });
      await recordOrderEvent(tx, order.id, "code_issued", { channel });
      return updated;
    });
  } catch (error) {
    // No code reached the user, so nobody can pay this order: close it and say so.
    await prisma.$transaction(async (tx) => {
      await tx.rechargeOrder.updateMany({
        where: { id: order.id, status: "PENDING" },
        data: { status: "CLOSED", closedAt: new Date(), closeReason: "PROVIDER_ERROR", nextCheckAt: null },
      });
      await recordOrderEvent(tx, order.id, "closed", {
        reason: "PROVIDER_ERROR",
        error: error instanceof Error ? error.message : String(error),
      });
    });
    if (error instanceof ProviderError || error instanceof RangeError) {
      logger.warn("provider refused or failed to create a payment", { orderNo, provider, error: error.message });
      throw new AppError("UNAVAILABLE", "provider_unavailable");
    }
    throw error;
  }
}
