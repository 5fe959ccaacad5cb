/**
 * The soak: a steady mix of the two hottest paths (providers' notifies, and the pay page's
 * status polling) at a fixed rate below capacity, long enough to show whether the server's
 * memory settles or keeps growing.
 */
import { clamp, cycle, once, type BenchContext } from "./context";
import { preparePaidOrders } from "./fixtures";
import { runLoad, type LoadResult } from "./load";
import { meanMiB } from "./memory";
import { statusRequest, type CreatedOrders } from "./scenarios";

export interface SoakResult {
  result: LoadResult;
  rate: number;
  warmRssMiB: number;
  endRssMiB: number;
  growthPercent: number;
}

/** Requests per second each kind sustained alone at 16 connections. */
export interface Capacity {
  wechat: number;
  alipay: number;
  status: number;
}

// Steady means clearly below saturation: queues stay short, so memory reflects the work, not a backlog.
const loadFactor = 0.7;
const connections = 16;
// Both ends of the growth figure average this long, smoothing over garbage-collection sawteeth.
const windowMs = 3_000;

export async function soak(ctx: BenchContext, capacity: Capacity, reads: CreatedOrders["reads"]): Promise<SoakResult> {
  const { soakSeconds, soakWarmupSeconds, maxOrdersPerRun } = ctx.config;
  const totalSeconds = soakSeconds + soakWarmupSeconds;
  // One cycle is WeChat, status, Alipay, status: the mix's capacity is the harmonic blend.
  const mixCapacity = 1 / (0.25 / capacity.wechat + 0.25 / capacity.alipay + 0.5 / capacity.status);
  // Bounded by the notifies one run may prepare per provider (a quarter of the requests each).
  const rate = clamp(Math.min(mixCapacity * loadFactor, (maxOrdersPerRun * 4) / totalSeconds), 20, 5_000);
  const amount = Math.round(rate * totalSeconds);
  const perProvider = Math.ceil(amount / 4) + connections + 8;
  ctx.log(`  soak: ${rate} req/s for ${soakWarmupSeconds}+${soakSeconds} s, ${perProvider} orders per provider`);
  const wechat = await preparePaidOrders(ctx.world, "WECHAT", perProvider, ctx.payers);
  const alipay = await preparePaidOrders(ctx.world, "ALIPAY", perProvider, ctx.payers);
  const wechatBodies = once(wechat.notifies, "soak WeChat notifies");
  const alipayBodies = once(alipay.notifies, "soak Alipay notifies");
  const status = cycle(reads.map(statusRequest));
  let index = 0;
  const result = await runLoad({
    target: ctx.target,
    connections,
    amount,
    overallRate: rate,
    // A machine slower than the rate allows stretches the run; past this it stops.
    maxSeconds: Math.round(totalSeconds * 1.5),
    next: () => {
      const slot = index++ % 4;
      return slot === 0 ? wechatBodies.next() : slot === 2 ? alipayBodies.next() : status();
    },
    // Alipay's failure answer is a 200 too; only its notifies answer "success".
    accept: (_status, body) => body === "" || body === "success" || body.startsWith("{"),
  });
  for (const orderNo of wechat.orderNos.slice(0, wechatBodies.used())) ctx.notified.set(orderNo, "WECHAT");
  for (const orderNo of alipay.orderNos.slice(0, alipayBodies.used())) ctx.notified.set(orderNo, "ALIPAY");

  const warmEnd = result.startedAtMs + soakWarmupSeconds * 1000;
  const last = result.memory.at(-1)?.atMs ?? warmEnd;
  const warmRssMiB = meanMiB(result.memory, warmEnd - windowMs, warmEnd);
  const endRssMiB = meanMiB(result.memory, last - windowMs, last);
  return { result, rate, warmRssMiB, endRssMiB, growthPercent: ((endRssMiB - warmRssMiB) / warmRssMiB) * 100 };
}
