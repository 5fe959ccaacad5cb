import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { dayField, dayRange } from "@/lib/admin/date-range";
import { maskSecrets } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";

export const auditQuerySchema = z
  .object({
    action: z.string().trim().max(80).optional(),
    /** Part of the actor's email; "system" for entries made by the app itself. */
    actor: z.string().trim().max(254).optional(),
    target: z.string().trim().max(100).optional(),
    from: dayField.optional(),
    to: dayField.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "range_reversed" });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryView {
  id: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorAddress: string | null;
  actorUserAgent: string | null;
  target: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  createdAt: string;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  entries: AuditEntryView[];
  /** Every action recorded so far, for the filter's choices. */
  actions: string[];
}

function auditWhere(query: AuditQuery, timeZone: string): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (query.action) and.push({ action: query.action });
  if (query.actor === "system") and.push({ actorId: null });
  else if (query.actor) and.push({ actor: { email: { contains: query.actor, mode: "insensitive" } } });
  if (query.target) and.push({ target: { contains: query.target } });
  const created = dayRange(timeZone, query.from, query.to);
  if (created) and.push({ createdAt: created });
  return { AND: and };
}

/** Admin actions, newest first. Values were masked when written; they are masked again on the way out. */
export async function listAuditLog(query: AuditQuery): Promise<AuditPage> {
  const prisma = await getPrisma();
  const where = auditWhere(query, await getDisplayTimeZone());
  const [total, rows, actions] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      include: { actor: { select: { email: true, name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    actions: actions.map((row) => row.action),
    entries: rows.map((row) => ({
      id: row.id,
      action: row.action,
      actorId: row.actorId,
      actorEmail: row.actor?.email ?? null,
      actorName: row.actor?.name ?? null,
      actorAddress: row.actorAddress,
      actorUserAgent: row.actorUserAgent,
      target: row.target,
      before: maskSecrets(row.before) as Prisma.JsonValue,
      after: maskSecrets(row.after) as Prisma.JsonValue,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
