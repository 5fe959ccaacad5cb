/**
 * The measured scenarios. Each runs once per connection count, after a short warm-up that
 * also tells how many requests a run of the configured length needs.
 */
import { randomBytes } from "node:crypto";
import type { Provider } from "@prisma/client";
import { clamp, cycle, once, type BenchContext, type Measurement } from "./context";
import { createUsers, preparePaidOrders } from "./fixtures";
import { runLoad, type LoadRequest, type LoadResult } from "./load";
import { statusScenario } from "./report";
import { signInAll, type Session } from "./sessions";

const providerLabel: Record<Provider, string> = { WECHAT: "WeChat notify", ALIPAY: "Alipay notify" };

/** About the size of a real notify, so the baseline reads as many bytes as the notify route. */
const echoBody = JSON.stringify({ padding: "x".repeat(1_200) });

/** The baseline's request: an empty POST route with a notify-sized body. */
export const echoRequest: LoadRequest = {
  method: "POST",
  path: "/api/bench/echo",
  headers: { "content-type": "application/json" },
  body: echoBody,
};

export async function measureBaseline(ctx: BenchContext): Promise<Measurement[]> {
  const load = (connections: number, seconds: number) =>
    runLoad({ target: ctx.target, connections, seconds, next: () => echoRequest });
  await load(16, 2);
  const measurements: Measurement[] = [];
  for (const connections of ctx.config.connections) {
    measurements.push({ scenario: "baseline (empty POST)", result: await load(connections, ctx.config.seconds) });
  }
  return measurements;
}

/** A short warm-up still pays for compiling the route's code, so it runs slower than what follows. */
const warmUpUnderestimate = 1.25;

/** Sends one distinct signed notify per request; every order it names is remembered for the checks. */
async function notifyRun(
  ctx: BenchContext,
  provider: Provider,
  connections: number,
  amount: number,
): Promise<LoadResult> {
  // Each connection builds at most one request it never sends; the slack covers that.
  const batch = await preparePaidOrders(ctx.world, provider, amount + connections + 8, ctx.payers);
  const bodies = once(batch.notifies, `${provider} notifies`);
  const result = await runLoad({
    target: ctx.target,
    connections,
    amount,
    next: bodies.next,
    // WeChat: any 2xx acknowledges. Alipay: only the body "success" does (it answers failure with 200 too).
    accept: provider === "ALIPAY" ? (_status, body) => body === "success" : undefined,
  });
  for (const orderNo of batch.orderNos.slice(0, bodies.used())) ctx.notified.set(orderNo, provider);
  return result;
}

export async function measureNotify(ctx: BenchContext, provider: Provider): Promise<Measurement[]> {
  // Warms the route and tells the rate; each run is then sized from the rate of the run before it.
  let rate = (await notifyRun(ctx, provider, 16, 200)).rps * warmUpUnderestimate;
  const measurements: Measurement[] = [];
  for (const connections of ctx.config.connections) {
    const amount = clamp(rate * ctx.config.seconds, connections * 4, ctx.config.maxOrdersPerRun);
    ctx.log(`  ${providerLabel[provider]} @${connections}: ${amount} distinct orders`);
    const result = await notifyRun(ctx, provider, connections, amount);
    measurements.push({ scenario: providerLabel[provider], result });
    rate = result.rps;
  }
  return measurements;
}

/** The per-user limit of POST /api/orders (app/api/orders/route.ts): 20 per minute. */
export const ordersPerUserPerMinute = 20;

function createRequest(ctx: BenchContext, session: Session, index: number): LoadRequest {
  return {
    method: "POST",
    path: "/api/orders",
    headers: { "content-type": "application/json", cookie: session.cookie },
    body: JSON.stringify({
      packageId: ctx.world.pkg.id,
      provider: index % 2 === 0 ? "WECHAT" : "ALIPAY",
      channel: "QR",
      // As the pay page does: one key per purchase attempt.
      clientKey: randomBytes(12).toString("base64url"),
    }),
  };
}

/**
 * `amount` orders through the sandbox gateway, by users fresh to the rate limiter: request i
 * goes to user i mod U, so no user exceeds the 20-per-minute limit.
 */
export async function createRun(
  ctx: BenchContext,
  connections: number,
  amount: number,
): Promise<{ result: LoadResult; sessions: Session[] }> {
  const users = await createUsers(ctx.world, Math.ceil(amount / ordersPerUserPerMinute), "buyer");
  const sessions = await signInAll(ctx.target.baseUrl, users, ctx.world.password);
  let index = 0;
  const result = await runLoad({
    target: ctx.target,
    connections,
    amount,
    next: () => {
      const session = sessions[index % sessions.length];
      if (!session) throw new Error("no session");
      return createRequest(ctx, session, index++);
    },
  });
  return { result, sessions };
}

export interface CreatedOrders {
  measurements: Measurement[];
  /** Signed-in owners and their orders, for the status reads. */
  reads: { cookie: string; orderNo: string }[];
}

export async function measureCreate(ctx: BenchContext): Promise<CreatedOrders> {
  let rate = (await createRun(ctx, 16, 120)).result.rps * warmUpUnderestimate;
  const measurements: Measurement[] = [];
  let last: Session[] = [];
  for (const connections of ctx.config.connections) {
    const amount = clamp(
      rate * ctx.config.seconds,
      connections * 2,
      Math.min(ctx.config.maxOrdersPerRun, (ctx.config.maxUsers / 2) * ordersPerUserPerMinute),
    );
    ctx.log(
      `  order creation @${connections}: ${amount} orders by ${Math.ceil(amount / ordersPerUserPerMinute)} users`,
    );
    const run = await createRun(ctx, connections, amount);
    measurements.push({ scenario: "create order (gateway)", result: run.result });
    last = run.sessions;
    rate = run.result.rps;
  }
  const reads = await ordersOf(ctx, last);
  // Every order created above comes due for reconciliation a minute later, all at once, during the
  // soak (one gateway query each, 20 every 5 s); a real site's backlog follows its creation rate.
  await ctx.world.prisma.rechargeOrder.updateMany({
    where: { status: "PENDING", nextCheckAt: { not: null } },
    data: { nextCheckAt: null },
  });
  return { measurements, reads };
}

/** The orders the signed-in users have, each with its owner's session: what status reads ask for. */
export async function ordersOf(ctx: BenchContext, sessions: readonly Session[]): Promise<CreatedOrders["reads"]> {
  const cookies = new Map(sessions.map((session) => [session.user.id, session.cookie]));
  const orders = await ctx.world.prisma.rechargeOrder.findMany({
    where: { userId: { in: [...cookies.keys()] } },
    select: { orderNo: true, userId: true },
  });
  return orders.map((order) => ({ cookie: cookies.get(order.userId) ?? "", orderNo: order.orderNo }));
}

export function statusRequest(read: { cookie: string; orderNo: string }): LoadRequest {
  return { method: "GET", path: `/api/orders/${read.orderNo}`, headers: { cookie: read.cookie } };
}

export async function measureStatus(ctx: BenchContext, reads: CreatedOrders["reads"]): Promise<Measurement[]> {
  const next = cycle(reads.map(statusRequest));
  const load = (connections: number, seconds: number) => runLoad({ target: ctx.target, connections, seconds, next });
  await load(16, 2);
  const measurements: Measurement[] = [];
  for (const connections of ctx.config.connections) {
    measurements.push({ scenario: statusScenario, result: await load(connections, ctx.config.seconds) });
  }
  return measurements;
}
