import { randomUUID } from "node:crypto";
import { Prisma, type Provider } from "@prisma/client";
import { getDatabase } from "@/lib/db";

export interface CallbackRecord {
  provider: Provider;
  configId: string;
  kind: string;
  orderNo?: string;
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
  verified: boolean;
  rejection?: string;
  outcome: string;
  detail?: string;
  /** When the notify arrived: the order's timeline shows it before what it caused. */
  receivedAt: Date;
}

/** The insert's prepared statement; its name travels with every execution. */
export const storeCallbackStatementName = "store-payment-callback";

const storedBodyLimit = 64 * 1024;
const storedDetailLimit = 500;

/** PostgreSQL text cannot hold NUL; a hostile body may contain it and must still be stored. */
function storable(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD");
}

/** The callback table's columns, in the order of callbackValues. */
export const callbackColumns = Prisma.sql`(id, provider, "configId", kind, "orderNo", headers, body, "bodyBytes", verified,
  rejection, outcome, detail, "createdAt")`;

/** A notify as received (body capped) with what we made of it, as the values of one callback row. */
export function callbackValues(record: CallbackRecord): Prisma.Sql {
  const detail = record.detail === undefined ? null : storable(record.detail.slice(0, storedDetailLimit));
  return Prisma.sql`${randomUUID()}, ${record.provider}::"Provider", ${record.configId}, ${record.kind},
    ${record.orderNo ?? null}, ${JSON.stringify(record.headers)}::jsonb, ${storable(record.body.slice(0, storedBodyLimit))},
    ${record.bodyBytes}, ${record.verified}, ${record.rejection ?? null}, ${record.outcome}, ${detail},
    ${record.receivedAt}::timestamp`;
}

/**
 * Keeps a notify with what we made of it. Straight to the driver on purpose: every notify that
 * did not credit ends here (see Database.query); one that credited is kept by the settlement's
 * own statement.
 */
export async function storeCallback(record: CallbackRecord): Promise<void> {
  const db = await getDatabase();
  await db.query(Prisma.sql`INSERT INTO "PaymentCallback" ${callbackColumns} VALUES (${callbackValues(record)})`, {
    name: storeCallbackStatementName,
  });
}
