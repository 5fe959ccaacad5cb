import type { Prisma } from "@prisma/client";
import { currentOrigin, type AuditOrigin } from "@/lib/audit/request-origin";

const secretField = /secret|password|private|apiv3|pem|token|sealed|passwordhash/i;

/** A copy of `value` with every field that could hold a secret replaced by "[redacted]". */
export function maskSecrets(value: unknown): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item)) as Prisma.InputJsonArray;
  if (typeof value === "object") {
    const masked: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [key, field] of Object.entries(value)) {
      masked[key] = secretField.test(key) && field !== null && field !== undefined ? "[redacted]" : maskSecrets(field);
    }
    return masked as Prisma.InputJsonObject;
  }
  if (typeof value === "bigint") return value.toString();
  return value as Prisma.InputJsonValue;
}

export interface AuditInput {
  /** Null for the system itself (start-up provisioning). */
  actorId: string | null;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  /** Where the action came from; by default the request being served (lib/audit/request-origin.ts). */
  origin?: AuditOrigin;
}

/**
 * Writes an admin action to the audit log in the caller's transaction, secrets masked, with
 * the client address and user agent of the request it came from.
 */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  const origin = input.origin ?? (await currentOrigin());
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      target: input.target,
      before: maskSecrets(input.before) ?? undefined,
      after: maskSecrets(input.after) ?? undefined,
      actorAddress: origin.address,
      actorUserAgent: origin.userAgent,
    },
  });
}
