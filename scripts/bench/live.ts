/**
 * Live pay pages at scale: N server-sent-event streams open at once on the server (many users,
 * one order each), while signed notifies settle some of those orders at a steady rate. Reports
 * what an open stream costs (memory, idle CPU), what one delivered event costs, and how long an
 * event takes from the notify's answer to reaching the stream that waits for it.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest, type ClientRequest } from "node:http";
import { encode } from "next-auth/jwt";
import { percentile, type BenchContext } from "./context";
import { cpuShares, cpuSnapshot, waitForQuiet, type CpuShares } from "./cpu";
import { createUsers, preparePaidOrders, type BenchUser } from "./fixtures";
import type { LoadRequest } from "./load";
import { treeRssMiB } from "./memory";

/** Streams one bench user holds (the server allows each user a few: lib/recharge/order-stream.ts). */
const streamsPerUser = 4;
/** Streams being opened at once: a promotion's pages arrive fast, but not all in one millisecond. */
const openConcurrency = 64;
/** Notifies per second while the streams are open. */
const notifyRate = 25;
/** Length of the notify window, and of the idle window before it. */
const notifySeconds = 12;
const idleSeconds = 16;

export interface LiveResult {
  streams: number;
  opened: number;
  /** Streams the server refused or broke (any non-200, socket error, or end before the window closed). */
  failures: number;
  openSeconds: number;
  rssBeforeMiB: number;
  rssOpenMiB: number;
  /** Server RSS once all were closed again. */
  rssAfterMiB: number;
  /** Server CPU while the streams sat open with nothing happening (heartbeats included). */
  idle: CpuShares;
  idleSeconds: number;
  notifies: number;
  notifyErrors: number;
  delivered: number;
  /** Events that reached their stream before the notify's answer reached the harness (counted as 0 ms). */
  beforeAnswer: number;
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  /** From the notify's sending instead: what the payer waits for, the settlement included. */
  fromSendP50Ms: number;
  fromSendP99Ms: number;
  notify: CpuShares;
  notifySeconds: number;
}

interface OpenStream {
  orderNo: string;
  request: ClientRequest;
  /** When the order's PAID event arrived. */
  paidAt?: number;
  ended: boolean;
}

/** A session cookie as next-auth's sign-in sets it, minted here: thousands of Argon2 sign-ins would be the bench. */
async function sessionCookie(user: BenchUser): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set in the harness");
  const token = await encode({ token: { uid: user.id, role: "USER", email: user.email, sub: user.id }, secret });
  return `next-auth.session-token=${token}`;
}

function openFileLimit(pid: number | "self"): number {
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
  return !match || match[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(match[1]);
}

/** Both processes hold one descriptor per stream, plus their own. */
function checkFileLimits(ctx: BenchContext, streams: number): void {
  const needed = streams + 1_000;
  for (const [who, pid] of [
    ["the harness", "self"],
    ["the server", ctx.target.pid],
  ] as const) {
    const limit = openFileLimit(pid);
    if (limit < needed) {
      throw new Error(
        `${who} may open ${limit} files, ${streams} streams need about ${needed}: raise it with ulimit -n`,
      );
    }
  }
}

/** Opens one stream and resolves once its first snapshot arrived; `onPaid` hears the order's PAID event. */
function openStream(baseUrl: string, orderNo: string, cookie: string, onEnd: () => void): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/orders/${orderNo}/events`, baseUrl);
    let buffered = "";
    let first = true;
    const request = httpRequest(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream of ${orderNo} answered ${response.statusCode}`));
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffered += chunk;
        for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (!frame.startsWith("event: order")) continue;
          if (first) {
            first = false;
            resolve(stream);
          } else if (stream.paidAt === undefined && frame.includes('"status":"PAID"')) {
            stream.paidAt = performance.now();
          }
        }
      });
      response.on("end", () => {
        stream.ended = true;
        onEnd();
      });
    });
    const stream: OpenStream = { orderNo, request, ended: false };
    request.on("error", (error) => {
      stream.ended = true;
      if (first) reject(error);
      else onEnd();
    });
    request.end();
  });
}

/** Alipay answers its protocol's failure with a 200 too: only the body "success" acknowledges. */
async function sendNotify(baseUrl: string, notify: LoadRequest): Promise<{ ok: boolean; sentAt: number; at: number }> {
  const sentAt = performance.now();
  try {
    const response = await fetch(new URL(notify.path, baseUrl), {
      method: notify.method,
      headers: notify.headers,
      body: notify.body,
    });
    const body = await response.text();
    return { ok: response.ok && body === "success", sentAt, at: performance.now() };
  } catch {
    return { ok: false, sentAt, at: performance.now() };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One phase: `count` streams by `users` (4 each), `notifies` of their orders settled at a steady rate. */
async function livePhase(ctx: BenchContext, users: readonly BenchUser[], cookies: readonly string[], count: number) {
  const { target } = ctx;
  const owners = users.slice(0, Math.ceil(count / streamsPerUser));
  // Each owner gets at most 4 orders, each watched by one stream. Alipay's notifies carry no
  // 5-minute window like WeChat's: opening thousands of streams on a busy machine may take longer.
  const notifyCount = Math.min(count, notifyRate * notifySeconds);
  // Order i belongs to owner i mod U, so the first orders, the ones notified, span many users.
  const batch = await preparePaidOrders(ctx.world, "ALIPAY", count, owners, notifyCount);
  await waitForQuiet(target);
  const rssBeforeMiB = treeRssMiB(target.pid);

  let failures = 0;
  let closing = false;
  const streams: OpenStream[] = [];
  const openedAt = performance.now();
  let next = 0;
  const opener = async () => {
    for (let index = next++; index < count; index = next++) {
      const orderNo = batch.orderNos[index] ?? "";
      const cookie = cookies[index % owners.length] ?? "";
      try {
        streams.push(await openStream(target.baseUrl, orderNo, cookie, () => (closing ? undefined : (failures += 1))));
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: openConcurrency }, opener));
  const openSeconds = (performance.now() - openedAt) / 1000;

  // Idle: what holding them open costs, heartbeats included (one every 15 s).
  const idleBefore = cpuSnapshot(target);
  await sleep(idleSeconds * 1000);
  const idle = cpuShares(idleBefore, cpuSnapshot(target));
  const rssOpenMiB = treeRssMiB(target.pid);

  // Steady notifies, open loop: one every 1/rate s, whatever the answers' pace.
  const byOrder = new Map(streams.map((stream) => [stream.orderNo, stream]));
  const answers: { orderNo: string; ok: boolean; sentAt: number; at: number }[] = [];
  const notifyBefore = cpuSnapshot(target);
  const startedAt = performance.now();
  await Promise.all(
    batch.notifies.map(async (notify, index) => {
      await sleep(startedAt + (index * 1000) / notifyRate - performance.now());
      const orderNo = batch.orderNos[index];
      if (!orderNo) return;
      ctx.notified.set(orderNo, "ALIPAY");
      answers.push({ orderNo, ...(await sendNotify(target.baseUrl, notify)) });
    }),
  );
  // Events still on their way get a moment: a missing one counts as undelivered, not as a delay.
  await sleep(1_000);
  const notify = cpuShares(notifyBefore, cpuSnapshot(target));
  const notifyWindowSeconds = (performance.now() - startedAt) / 1000;

  const delays: number[] = [];
  const fromSend: number[] = [];
  let beforeAnswer = 0;
  for (const answer of answers) {
    const paidAt = byOrder.get(answer.orderNo)?.paidAt;
    if (!answer.ok || paidAt === undefined) continue;
    if (paidAt < answer.at) beforeAnswer += 1;
    delays.push(Math.max(0, paidAt - answer.at));
    fromSend.push(paidAt - answer.sentAt);
  }
  delays.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);

  closing = true;
  for (const stream of streams) stream.request.destroy();
  // The server notices closed sockets and releases the streams; give it a moment before measuring.
  await sleep(3_000);
  return {
    streams: count,
    opened: streams.length,
    failures,
    openSeconds,
    rssBeforeMiB,
    rssOpenMiB,
    rssAfterMiB: treeRssMiB(target.pid),
    idle,
    idleSeconds,
    notifies: answers.length,
    notifyErrors: answers.filter((answer) => !answer.ok).length,
    delivered: delays.length,
    beforeAnswer,
    delayP50Ms: percentile(delays, 0.5),
    delayP99Ms: percentile(delays, 0.99),
    delayMaxMs: delays.at(-1) ?? Number.NaN,
    fromSendP50Ms: percentile(fromSend, 0.5),
    fromSendP99Ms: percentile(fromSend, 0.99),
    notify,
    notifySeconds: notifyWindowSeconds,
  } satisfies LiveResult;
}

/**
 * Runs the phases in order of size with the same users: a later phase reopening as many
 * streams per user as the cap allows shows the earlier phase's streams were released.
 */
export async function measureLive(ctx: BenchContext, sizes: readonly number[]): Promise<LiveResult[]> {
  const largest = Math.max(...sizes);
  checkFileLimits(ctx, largest);
  const users = await createUsers(ctx.world, Math.ceil(largest / streamsPerUser), "watcher");
  const cookies = await Promise.all(users.map(sessionCookie));
  const results: LiveResult[] = [];
  for (const size of sizes) {
    ctx.log(`  ${size} live streams`);
    results.push(await livePhase(ctx, users, cookies, size));
  }
  return results;
}
