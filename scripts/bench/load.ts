/**
 * One measured run: autocannon in this process (a separate process from the server, over
 * loopback), sampling the server's memory meanwhile.
 */
import autocannon, { type RequestTemplate } from "autocannon";
import { cpuShares, cpuSnapshot, waitForQuiet, type CpuShares } from "./cpu";
import { peakMiB, sampleMemory, type MemorySample } from "./memory";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The server under test: where to send requests, and whose CPU and memory to watch. */
export interface LoadTarget {
  baseUrl: string;
  pid: number;
  /** The sandbox gateway's own server: its CPU is the providers' side, not ours. */
  sandboxPid?: number;
  databaseName: string;
}

export interface LoadSpec {
  target: LoadTarget;
  connections: number;
  /** Either a fixed number of requests (each built by `next`) or a duration. */
  amount?: number;
  seconds?: number;
  /** Steady load: requests per second over all connections. */
  overallRate?: number;
  /** Hard stop for `amount` runs on a machine slower than expected (default: 120 s). */
  maxSeconds?: number;
  /** Builds the next request; called once per request plus once per connection at the end. */
  next?: () => LoadRequest;
  /** Whether an answer is a success; default: any 2xx. */
  accept?: (status: number, body: string) => boolean;
  /**
   * Instead of `next`: requests each connection sends in turn, over and over (e.g. a hold, then
   * its capture). Each step sees the connection's own context, so an answer can shape the next request.
   */
  steps?: readonly LoadStep[];
}

/** Per connection, carried from one step to the next (a connection has one request in flight). */
export type StepContext = Record<string, unknown>;

export interface LoadStep {
  /** Null (never for the first step): skip the rest of the steps, back to the first one. */
  next: (context: StepContext) => LoadRequest | null;
  accept?: (status: number, body: string) => boolean;
  onResponse?: (status: number, body: string, context: StepContext) => void;
}

export interface LoadResult {
  connections: number;
  completed: number;
  durationSeconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors and timeouts. */
  socketErrors: number;
  non2xx: number;
  /** 2xx answers the protocol says are failures (e.g. Alipay's body not "success"). */
  rejected: number;
  statusCounts: Record<string, number>;
  peakRssMiB: number;
  memory: MemorySample[];
  cpu: CpuShares;
  startedAtMs: number;
}

export function errorCount(result: Pick<LoadResult, "socketErrors" | "non2xx" | "rejected">): number {
  return result.socketErrors + result.non2xx + result.rejected;
}

const defaultMaxSeconds = 120;

// Latency of a slow request counts as latency, not as an error, up to this long.
const requestTimeoutSeconds = 30;

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.amount === undefined && spec.seconds === undefined) throw new Error("a run needs an amount or a duration");
  const steps = spec.steps ?? (spec.next ? [{ next: spec.next, accept: spec.accept }] : []);
  if (steps.length === 0) throw new Error("a run needs `next` or `steps`");
  let rejected = 0;
  const templates = steps.map((step): RequestTemplate => ({
    setupRequest: (_request, context) => step.next(context) ?? undefined,
    onResponse: (status, body, context) => {
      if (status >= 200 && status < 300 && step.accept && !step.accept(status, body)) rejected += 1;
      step.onResponse?.(status, body, context);
    },
  }));
  const { target } = spec;
  await waitForQuiet(target);
  const sampler = sampleMemory(target.pid);
  const cpuBefore = cpuSnapshot(target);
  const startedAtMs = Date.now();
  let lastResponseAtMs = startedAtMs;
  let completed = 0;
  const instance = autocannon({
    url: target.baseUrl,
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.seconds }),
    ...(spec.overallRate !== undefined ? { overallRate: spec.overallRate } : {}),
    timeout: requestTimeoutSeconds,
    requests: templates,
  });
  instance.on("response", () => {
    completed += 1;
    lastResponseAtMs = Date.now();
  });
  // Bounded in time whatever the machine does; requests already sent are still answered by the server.
  const limit = setTimeout(() => instance.stop(), (spec.maxSeconds ?? defaultMaxSeconds) * 1000);
  const result = await instance;
  clearTimeout(limit);
  const memory = sampler.stop();
  const cpu = cpuShares(cpuBefore, cpuSnapshot(target));
  // autocannon ends an `amount` run at its next 1-second tick; our own clock ends at the last answer.
  const durationSeconds = Math.max(0.001, (lastResponseAtMs - startedAtMs) / 1000);
  return {
    connections: spec.connections,
    completed,
    durationSeconds,
    rps: completed / durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    socketErrors: result.errors,
    non2xx: result.non2xx,
    rejected,
    statusCounts: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])),
    peakRssMiB: peakMiB(memory),
    memory,
    cpu,
    startedAtMs,
  };
}
