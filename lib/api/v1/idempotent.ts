import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { idempotencyHeader } from "@/lib/api/v1/schemas";
import { AppError } from "@/lib/errors";

export interface IdempotentResult {
  status: number;
  body: Prisma.InputJsonObject;
}

export interface RunIdempotentOptions {
  /** Names the operation, so one key cannot answer for two kinds of request. */
  operation: string;
  /** The `Idempotency-Key` header (≤ 255 characters). */
  idempotencyKey: string;
  /** What makes two requests "the same": method, path and parsed body. */
  request: unknown;
  keyId: string;
  run: (tx: Prisma.TransactionClient) => Promise<IdempotentResult>;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(request: unknown): string {
  return createHash("sha256").update(canonical(request)).digest("hex");
}

/**
 * Runs `run` once per idempotency key and stores its answer in the same transaction. The
 * record is inserted first: a concurrent request with the same key waits on that row's
 * unique index until the first one commits, then reads its answer (or, after a rollback,
 * runs itself). Refusals roll back with the operation and are not stored: nothing changed,
 * so a retry may succeed later (e.g. after a top-up).
 */
export async function runIdempotent(options: RunIdempotentOptions): Promise<IdempotentResult> {
  const key = `${options.operation}:${options.idempotencyKey}`;
  const hash = requestHash(options.request);
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ApiIdempotencyRecord" (key, "requestHash", status, response, "keyId", "createdAt")
        VALUES (${key}, ${hash}, 0, '{}'::jsonb, ${options.keyId}, now())
        ON CONFLICT (key) DO NOTHING`;
      if (inserted === 0) {
        const first = await tx.apiIdempotencyRecord.findUniqueOrThrow({ where: { key } });
        if (first.requestHash !== hash) throw new AppError("CONFLICT", "idempotency_key_reused");
        return { status: first.status, body: first.response as Prisma.InputJsonObject };
      }
      const result = await options.run(tx);
      await tx.apiIdempotencyRecord.update({ where: { key }, data: { status: result.status, response: result.body } });
      return result;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** The request's `Idempotency-Key`, required on every operation that creates something. */
export function idempotencyKeyOf(request: Request): string {
  const value = request.headers.get("idempotency-key");
  if (value === null || value === "") throw new AppError("VALIDATION", "idempotency_key_required");
  const parsed = idempotencyHeader.shape["idempotency-key"].safeParse(value);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "invalid_input", {
      fields: { "Idempotency-Key": parsed.error.issues[0]!.message },
    });
  }
  return parsed.data;
}
