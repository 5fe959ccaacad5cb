import { randomUUID } from "node:crypto";
import { Prisma, type PaymentChannel, type Provider, type RechargeOrder } from "@prisma/client";
import { z } from "zod";
import { getDatabase, getPrisma } from "@/lib/db";
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
  channel: z.enum(["QR", "H5", "JSAPI", "PAGE"]).default("QR"),
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

/**
 * The order a client key already named, if any. Like Stripe's idempotency keys: the same key
 * with the same request is that order; with another package, provider or channel it is a
 * client bug, refused rather than silently answered with an order the user did not ask for.
 */
async function existingOrder(options: CreateOrderOptions): Promise<RechargeOrder | null> {
  const { userId, clientKey } = options;
  if (!clientKey) return null;
  const db = await getDatabase();
  const rows = await db.query<RechargeOrder>(
    Prisma.sql`SELECT * FROM "RechargeOrder" WHERE "userId" = ${userId} AND "clientKey" = ${clientKey}`,
  );
  return rows[0] ?? null;
}

interface NewOrder {
  orderNo: string;
  userId: string;
  clientKey: string | undefined;
  packageId: string;
  provider: Provider;
  configId: string;
  channel: PaymentChannel;
  expiresAt: Date;
  clientIp: string | undefined;
  now: Date;
}

/**
 * The order and its "created" history in one statement (one round trip, one commit), with the
 * package's snapshot read inside it. No row: the package is not active, or the client key
 * already has its order (ON CONFLICT: a racing twin waits for the other's commit, then yields).
 */
async function insertOrder(order: NewOrder): Promise<RechargeOrder | null> {
  const db = await getDatabase();
  const { now } = order;
  const rows = await db.query<RechargeOrder>(
    Prisma.sql`
    WITH pkg AS (
      SELECT id, name, "nameEn", "priceFen", credits, "bonusCredits", "bonusValidityDays"
      FROM "CreditPackage" WHERE id = ${order.packageId} AND active
    ), created AS (
      INSERT INTO "RechargeOrder" (id, "orderNo", "userId", "clientKey", "packageId", "packageName", "packageNameEn", "priceFen", credits,
                                   "bonusCredits", "bonusValidityDays", provider, "configId", channel, status,
                                   "expiresAt", "clientIp", "nextCheckAt", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${order.orderNo}, ${order.userId}, ${order.clientKey ?? null}, pkg.id,
             pkg.name, NULLIF(pkg."nameEn", ''),
             pkg."priceFen", pkg.credits + pkg."bonusCredits", pkg."bonusCredits", pkg."bonusValidityDays",
             ${order.provider}::"Provider", ${order.configId}, ${order.channel}::"PaymentChannel", 'PENDING',
             ${order.expiresAt}::timestamp, ${order.clientIp ?? null},
             -- First reconciliation shortly after creation, in case the notify never comes.
             ${new Date(now.getTime() + 60_000)}::timestamp, ${now}::timestamp, ${now}::timestamp
      FROM pkg
      ON CONFLICT ("userId", "clientKey") DO NOTHING
      RETURNING *
    ), history AS (
      INSERT INTO "OrderEvent" (id, "orderId", type, detail, "createdAt")
      SELECT ${randomUUID()}, created.id, 'created',
             jsonb_build_object('priceFen', created."priceFen", 'credits', created.credits, 'provider', created.provider),
             ${now}::timestamp
      FROM created
    )
    SELECT * FROM created`,
  );
  return rows[0] ?? null;
}

/** The payment code and its "code_issued" history, in one statement. */
async function issueCode(orderId: string, payUrl: string, channel: PaymentChannel): Promise<RechargeOrder> {
  const db = await getDatabase();
  const now = new Date();
  const rows = await db.query<RechargeOrder>(
    Prisma.sql`
    WITH updated AS (
      UPDATE "RechargeOrder" SET "payUrl" = ${payUrl}, "updatedAt" = ${now}::timestamp WHERE id = ${orderId}
      RETURNING *
    ), history AS (
      INSERT INTO "OrderEvent" (id, "orderId", type, detail, "createdAt")
      SELECT ${randomUUID()}, updated.id, 'code_issued', jsonb_build_object('channel', ${channel}::text), ${now}::timestamp
      FROM updated
    )
    SELECT * FROM updated`,
  );
  const updated = rows[0];
  if (!updated) throw new Error(`order ${orderId} vanished before its payment code was stored`);
  return updated;
}

/** The order a client key already made, refused when the key now comes with other parameters. */
function sameRequest(order: RechargeOrder, options: CreateOrderOptions): RechargeOrder {
  const { packageId, provider, channel } = options;
  if (order.packageId !== packageId || order.provider !== provider || order.channel !== channel) {
    throw new AppError("CONFLICT", "idempotency_key_reused");
  }
  return order;
}

/** A pay-page path on this app, where the provider's H5 flow sends the phone back. */
function orderPageUrl(orderNo: string): string {
  return `${env().APP_URL}/orders/${orderNo}`;
}

/**
 * Creates a recharge order for an active package and asks the provider's default config for a
 * payment code. The same client key returns the same order, however often it is sent (and is
 * refused with CONFLICT when it comes with other parameters).
 */
export async function createOrder(options: CreateOrderOptions): Promise<RechargeOrder> {
  const { userId, packageId, provider, channel, clientKey, clientIp, now = new Date() } = options;
  let loaded;
  try {
    loaded = await loadDefaultConfig(provider as Provider);
  } catch (error) {
    // A retried request whose order exists gets it, even if the method was switched off since.
    const earlier = await existingOrder(options);
    if (earlier) return sameRequest(earlier, options);
    throw error;
  }
  const { config, adapter } = loaded;
  if (channel === "JSAPI" && !adapter.inApp) throw new AppError("VALIDATION", "channel_unsupported");
  // The website cashier only where the config chose it: the merchant may not have that product.
  if (channel === "PAGE" && !(adapter.website && config.alipayDesktop !== "PRECREATE")) {
    throw new AppError("VALIDATION", "channel_unsupported");
  }

  const orderNo = newOrderNo(now);
  const expiresAt = new Date(now.getTime() + env().ORDER_TTL_MINUTES * 60_000);
  const order = await insertOrder({
    orderNo,
    userId,
    clientKey,
    packageId,
    provider,
    configId: config.id,
    channel,
    expiresAt,
    clientIp,
    now,
  });
  if (!order) {
    // The same client key made its order first (here or in a request racing this one).
    const earlier = await existingOrder(options);
    if (earlier) return sameRequest(earlier, options);
    throw new AppError("NOT_FOUND", "package_not_found");
  }

  // Inside WeChat the payer must be known (OAuth) before WeChat takes the order: see issue-jsapi-payment.ts.
  // The website cashier's URL is signed when the page asks for it (issue-cashier-url.ts): nothing to call now.
  if (channel === "JSAPI" || channel === "PAGE") return order;

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
    return await issueCode(order.id, payUrl, channel);
  } catch (error) {
    // No code reached the user, so nobody can pay this order: close it and say so.
    const prisma = await getPrisma();
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
