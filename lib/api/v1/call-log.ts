import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";

export interface ApiCallRecord {
  keyId: string | null;
  method: string;
  route: string;
  status: number;
  code: string | null;
  latencyMs: number;
  at: Date;
}

// One buffer per process (every route bundle shares it, like the database handle): a call
// costs a push, and the rows reach the database in one insert per flush.
const slot = Symbol.for("recharge-app.api-calls");
type Slot = { [slot]?: ApiCallRecord[] };
const holder = globalThis as Slot;
const maxBuffered = 10_000;

export function recordApiCall(record: ApiCallRecord): void {
  const buffer = (holder[slot] ??= []);
  // A database that is down for long must not grow this without bound; the oldest go first.
  if (buffer.length >= maxBuffered) buffer.shift();
  buffer.push(record);
}

/**
 * Writes the buffered calls and moves each key's `lastUsedAt` forward. Run every second by
 * a job and at shutdown; a crash loses at most that second of the call log, never a change.
 */
export async function flushApiCalls(): Promise<number> {
  const batch = holder[slot] ?? [];
  if (!batch.length) return 0;
  holder[slot] = [];
  const lastUse = new Map<string, Date>();
  for (const call of batch) {
    if (call.keyId && (lastUse.get(call.keyId) ?? 0) < call.at) lastUse.set(call.keyId, call.at);
  }
  try {
    const prisma = await getPrisma();
    await prisma.$transaction(async (tx) => {
      await tx.apiCall.createMany({
        data: batch.map((call) => ({
          keyId: call.keyId,
          method: call.method,
          route: call.route,
          status: call.status,
          code: call.code,
          latencyMs: call.latencyMs,
          createdAt: call.at,
        })),
      });
      for (const [keyId, at] of lastUse) {
        await tx.apiKey.updateMany({
          where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
          data: { lastUsedAt: at },
        });
      }
    });
  } catch (error) {
    holder[slot] = [...batch, ...(holder[slot] ?? [])].slice(-maxBuffered);
    logger.warn("could not write the API call log; will retry", { calls: batch.length, error });
  }
  return batch.length;
}
