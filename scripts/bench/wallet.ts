/**
 * The service API's spending paths over HTTP: debits spread over many users, debits all on one
 * hot user (every connection queues on one balance row), and hold + capture pairs. Every request
 * carries the bench key and its own Idempotency-Key; what each one committed is tallied for the
 * checks afterwards.
 */
import { clamp, type BenchContext, type Measurement } from "./context";
import { runLoad, type LoadRequest, type LoadResult, type LoadStep, type StepContext } from "./load";
import type { BenchUser } from "./fixtures";
import type { WalletWorld } from "./wallet-fixtures";

/** Credits per debit and per hold: not 1, so a sum of credits and a count of movements cannot agree by accident. */
export const debitAmount = 5;
export const holdAmount = 3;

export const walletScenarios = {
  debitMany: "debit (many users)",
  debitHot: "debit (one hot user)",
  holdCapture: "hold + capture",
  floorMany: "floor: debit (many users)",
  floorHot: "floor: debit (one hot user)",
} as const;

/** What the bench's requests and the floor committed, for the checks. */
export interface WalletTally {
  /** Idempotency-Key of every HTTP debit answered 201, with the user it debited. */
  debits: Map<string, string>;
  /** Holds answered 201 and captures answered 200. */
  holds: number;
  captures: number;
  /** Debits the floor committed, on the many users and on the hot user. */
  floorMany: number;
  floorHot: number;
}

export function newTally(): WalletTally {
  return { debits: new Map(), holds: 0, captures: 0, floorMany: 0, floorHot: 0 };
}

/** A short warm-up still pays for compiling the routes' code, so it runs slower than what follows. */
const warmUpUnderestimate = 1.25;

function apiRequest(wallet: WalletWorld, path: string, body: unknown, idempotencyKey?: string): LoadRequest {
  return {
    method: "POST",
    path: `/api/v1${path}`,
    headers: {
      authorization: wallet.authorization,
      "content-type": "application/json",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  };
}

/** Round-robin over users, and a fresh idempotency key for each request. */
function keyed(wallet: WalletWorld, label: string, users: readonly BenchUser[]) {
  let index = 0;
  return () => {
    const user = users[index % users.length];
    if (!user) throw new Error("no users");
    index += 1;
    return { user, key: `${wallet.runTag}-${label}-${index}` };
  };
}

function debitStep(wallet: WalletWorld, tally: WalletTally, label: string, users: readonly BenchUser[]): LoadStep {
  const nextKey = keyed(wallet, label, users);
  return {
    next: (context: StepContext) => {
      const { user, key } = nextKey();
      // A connection has one request in flight, so its answer comes back with this context.
      context.key = key;
      context.userId = user.id;
      return apiRequest(wallet, `/users/${user.id}/debits`, { amount: debitAmount, reference: "bench" }, key);
    },
    accept: (status) => status === 201,
    onResponse: (status, _body, context) => {
      if (status === 201 && typeof context.key === "string" && typeof context.userId === "string")
        tally.debits.set(context.key, context.userId);
    },
  };
}

/** A hold, then its capture (all of it) on the same connection; a hold that failed is not captured. */
function holdCaptureSteps(wallet: WalletWorld, tally: WalletTally, users: readonly BenchUser[]): LoadStep[] {
  const nextKey = keyed(wallet, "hold", users);
  return [
    {
      next: () => {
        const { user, key } = nextKey();
        return apiRequest(wallet, `/users/${user.id}/holds`, { amount: holdAmount, reference: "bench" }, key);
      },
      accept: (status) => status === 201,
      onResponse: (status, body, context) => {
        if (status !== 201) return;
        tally.holds += 1;
        context.holdId = (JSON.parse(body) as { id: string }).id;
      },
    },
    {
      // No hold id: autocannon goes back to the first step, so a failed hold costs one error, not two.
      next: (context) =>
        typeof context.holdId === "string" ? apiRequest(wallet, `/holds/${context.holdId}/capture`, {}) : null,
      accept: (status) => status === 200,
      onResponse: (status) => {
        if (status === 200) tally.captures += 1;
      },
    },
  ];
}

/**
 * A warm-up of `warmUp` requests at 16 connections tells the rate; then one fixed-count run per
 * connection count, sized from the run before to last about BENCH_SECONDS. Fixed counts, not
 * durations: autocannon then waits for every answer, so the tally knows every request's outcome.
 */
async function sizedRuns(
  ctx: BenchContext,
  scenario: string,
  warmUp: number,
  steps: readonly LoadStep[],
): Promise<Measurement[]> {
  // Pairs stay whole: each connection's share of the count is a multiple of the steps.
  const rounded = (amount: number, connections: number) =>
    Math.ceil(amount / (connections * steps.length)) * connections * steps.length;
  const run = (connections: number, amount: number): Promise<LoadResult> =>
    runLoad({ target: ctx.target, connections, amount: rounded(amount, connections), steps });
  let rate = (await run(16, warmUp)).rps * warmUpUnderestimate;
  const measurements: Measurement[] = [];
  for (const connections of ctx.config.connections) {
    const amount = clamp(rate * ctx.config.seconds, connections * 4, ctx.config.maxOrdersPerRun);
    ctx.log(`  ${scenario} @${connections}: ${rounded(amount, connections)} requests`);
    const result = await run(connections, amount);
    measurements.push({ scenario, result });
    rate = result.rps;
  }
  return measurements;
}

export async function measureWalletApi(
  ctx: BenchContext,
  wallet: WalletWorld,
  tally: WalletTally,
): Promise<Measurement[]> {
  const { debitMany, debitHot, holdCapture, floorMany, floorHot } = walletScenarios;
  const compare = (floor: string) => (measurement: Measurement) => ({ ...measurement, floor });
  ctx.log(`  ${debitMany}`);
  const many = await sizedRuns(ctx, debitMany, 200, [debitStep(wallet, tally, "debit", wallet.spenders)]);
  ctx.log(`  ${debitHot}`);
  const hot = await sizedRuns(ctx, debitHot, 100, [debitStep(wallet, tally, "hot", [wallet.hot])]);
  ctx.log(`  ${holdCapture}`);
  const pairs = await sizedRuns(ctx, holdCapture, 200, holdCaptureSteps(wallet, tally, wallet.spenders));
  // Each request of a pair is one wallet transaction, as a debit is: its floor is the many-user debit's.
  return [...many.map(compare(floorMany)), ...hot.map(compare(floorHot)), ...pairs.map(compare(floorMany))];
}
