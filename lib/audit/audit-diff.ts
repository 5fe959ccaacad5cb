import type { Prisma } from "@prisma/client";

export interface FieldChange {
  field: string;
  /** Display text; null when the field was absent on that side. */
  before: string | null;
  after: string | null;
}

function isRecord(value: Prisma.JsonValue): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: Prisma.JsonValue | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The fields an entry changed, one line each, in the order they appear: fields equal on both
 * sides are left out. Entries with a non-object side (rare: a list or a bare value) give null,
 * and the page shows their raw JSON instead.
 */
export function auditDiff(before: Prisma.JsonValue, after: Prisma.JsonValue): FieldChange[] | null {
  const left = before ?? {};
  const right = after ?? {};
  if (!isRecord(left) || !isRecord(right)) return null;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }))
    .filter((change) => change.before !== change.after);
}
