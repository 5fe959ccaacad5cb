/**
 * Bench data, written by the harness straight into the bench database: users, and pending
 * recharge orders whose sandbox trades are already paid, with the signed notifies the sandbox
 * would send for them. Rows have exactly the shapes the app itself writes.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { CreditPackage, PaymentConfig, PrismaClient, Provider, RechargeOrder, SandboxTrade } from "@prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { paymentNotifyUrl } from "@/lib/payment-configs/urls";
import { newOrderNo } from "@/lib/recharge/order-no";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { sandboxProtocols } from "@/lib/sandbox/protocols";
import type { MerchantKeys } from "@/lib/sandbox/types";
import type { LoadRequest } from "./load";

export const providers = ["WECHAT", "ALIPAY"] as const satisfies readonly Provider[];

export interface ProviderSide {
  config: PaymentConfig;
  keys: MerchantKeys;
  /** Path of the config's payment notify URL on the server under test. */
  notifyPath: string;
}

export interface BenchWorld {
  prisma: PrismaClient;
  pkg: CreditPackage;
  sides: Record<Provider, ProviderSide>;
  password: string;
  passwordHash: string;
}

export interface BenchUser {
  id: string;
  email: string;
}

/** The sandbox configs and merchants the server provisioned at start-up, and a package to buy. */
export async function loadWorld(prisma: PrismaClient): Promise<BenchWorld> {
  const pkg = await prisma.creditPackage.findFirst({ where: { active: true }, orderBy: { sort: "asc" } });
  if (!pkg) throw new Error("no active credit package: the server's seed did not run");
  const sides = {} as Record<Provider, ProviderSide>;
  for (const provider of providers) {
    const config = await prisma.paymentConfig.findFirst({
      where: { provider, sandbox: true, isDefault: true, enabled: true, deletedAt: null },
    });
    if (!config)
      throw new Error(`no default sandbox config for ${provider}: start the server with SANDBOX_ENABLED=true`);
    const merchant = await prisma.sandboxMerchant.findFirst({
      where: { provider, appId: config.appId, merchantId: config.merchantId },
    });
    if (!merchant) throw new Error(`no sandbox merchant behind config ${config.id}`);
    sides[provider] = { config, keys: merchantKeys(merchant), notifyPath: new URL(paymentNotifyUrl(config)).pathname };
  }
  // One hash for every bench user: sign-in still runs the full Argon2 verification.
  const password = `bench-${randomBytes(12).toString("base64url")}-1`;
  return { prisma, pkg, sides, password, passwordHash: await hashPassword(password) };
}

let userSeq = 0;

/** Creates `count` users in one statement per thousand (they all share the world's password). */
export async function createUsers(world: BenchWorld, count: number, label: string): Promise<BenchUser[]> {
  const users = Array.from({ length: count }, () => {
    userSeq += 1;
    const id = `bench_${label}_${userSeq}_${randomBytes(6).toString("hex")}`;
    return { id, email: `${id}@bench.invalid`.toLowerCase() };
  });
  for (let start = 0; start < users.length; start += 1_000) {
    await world.prisma.user.createMany({
      data: users.slice(start, start + 1_000).map((user) => ({ ...user, passwordHash: world.passwordHash })),
    });
  }
  return users;
}

function providerTradeNo(provider: Provider, now: Date, seq: number): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  // Provider-shaped (see lib/sandbox/trades.ts) and unique: a sequence plus random digits.
  const tail = `${String(seq).padStart(8, "0")}${String(randomInt(10_000_000_000)).padStart(10, "0")}`;
  return provider === "WECHAT" ? `42000${day}${tail}` : `${day}22${tail}`;
}

let tradeSeq = 0;

export interface PaidOrders {
  provider: Provider;
  orderNos: string[];
  /** One signed notify per order (or per one of the first `signed`), in the same order. */
  notifies: LoadRequest[];
}

/**
 * `count` pending orders spread over `payers`, each with a sandbox trade the payer has paid
 * (what `payTrade` leaves behind, minus the queued notify: the bench delivers it itself), and
 * the signed notify the sandbox protocol builds for it. Orders are not due for reconciliation
 * (`nextCheckAt` null), so the server's background jobs do not query them mid-run.
 */
export async function preparePaidOrders(
  world: BenchWorld,
  provider: Provider,
  count: number,
  payers: readonly BenchUser[],
  /** Notifies to sign, for the first orders (default: all); signing thousands takes seconds. */
  signed = count,
): Promise<PaidOrders> {
  const { pkg, prisma } = world;
  const side = world.sides[provider];
  const now = new Date();
  const expiresAt = new Date(now.getTime() + env().ORDER_TTL_MINUTES * 60_000);
  const credits = pkg.credits + pkg.bonusCredits;
  const orders: Omit<RechargeOrder, "createdAt" | "updatedAt">[] = [];
  const trades: SandboxTrade[] = [];
  for (let index = 0; index < count; index += 1) {
    const orderNo = newOrderNo(now);
    const tradeId = `st_${randomBytes(18).toString("base64url")}`;
    const payer = payers[index % payers.length];
    if (!payer) throw new Error("no payers");
    tradeSeq += 1;
    orders.push({
      id: `bench_o_${randomBytes(12).toString("hex")}`,
      orderNo,
      userId: payer.id,
      clientKey: null,
      packageId: pkg.id,
      packageName: pkg.name,
      packageNameEn: pkg.nameEn,
      priceFen: pkg.priceFen,
      credits,
      bonusCredits: pkg.bonusCredits,
      bonusValidityDays: pkg.bonusValidityDays,
      provider,
      configId: side.config.id,
      channel: "QR",
      status: "PENDING",
      payUrl: `${env().APP_URL}/sandbox/pay/${tradeId}`,
      expiresAt,
      paidAt: null,
      paidAmountFen: null,
      providerTradeNo: null,
      clientIp: "127.0.0.1",
      late: false,
      anomaly: null,
      closedAt: null,
      closeReason: null,
      refundedFen: 0,
      nextCheckAt: null,
      checkAttempts: 0,
      lastCheckedAt: null,
    });
    trades.push({
      id: tradeId,
      merchantId: side.keys.merchant.id,
      outTradeNo: orderNo,
      channel: "QR",
      amountFen: pkg.priceFen,
      description: `${credits} credits`,
      notifyUrl: paymentNotifyUrl(side.config),
      returnUrl: null,
      expiresAt,
      state: "PAID",
      providerTradeNo: providerTradeNo(provider, now, tradeSeq),
      paidAmountFen: pkg.priceFen,
      paidAt: now,
      refundedFen: 0,
      createdAt: now,
      updatedAt: now,
    });
  }
  // Bounded statements: Prisma binds every column of every row as a parameter.
  for (let start = 0; start < count; start += 1_000) {
    await prisma.rechargeOrder.createMany({ data: orders.slice(start, start + 1_000) });
    await prisma.sandboxTrade.createMany({ data: trades.slice(start, start + 1_000) });
  }
  const protocol = sandboxProtocols[provider];
  const notifies = trades.slice(0, signed).map((trade): LoadRequest => {
    // Built now, as the sandbox dispatcher would at delivery: WeChat's 5-minute window applies.
    const content = protocol.paymentNotify(side.keys, trade, {
      wrongAmount: false,
      badSignature: false,
      now: new Date(),
    });
    return { method: "POST", path: side.notifyPath, headers: content.headers, body: content.body };
  });
  return { provider, orderNos: orders.map((order) => order.orderNo), notifies };
}
