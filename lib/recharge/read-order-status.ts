import { Prisma } from "@prisma/client";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { orderNoPattern } from "@/lib/recharge/order-no";
import { orderView, type OrderView, type OrderViewFields } from "@/lib/recharge/order-view";

export interface ReadOrderStatusOptions {
  session: SessionClaims;
  orderNo: string;
}

/** What the pay page shows: the order and the owner's balance. */
export interface OrderStatus {
  order: OrderView;
  balance: number;
}

type Row = { balance: number } & { [Field in keyof OrderViewFields]: OrderViewFields[Field] | null };

/**
 * One of the caller's orders with their balance, in one prepared statement straight to the
 * driver: what every poll of a pay page and every live event costs. The session's user is
 * checked in the same statement: no row means the account is gone (401), a row without an
 * order means the order is not theirs or does not exist (404, never 403).
 */
export async function readOrderStatus({ session, orderNo }: ReadOrderStatusOptions): Promise<OrderStatus> {
  if (!orderNoPattern.test(orderNo)) throw new AppError("NOT_FOUND", "order_not_found");
  const db = await getDatabase();
  // A revoked session (password changed, signed out everywhere) finds no user row: no second query.
  const [row] = await db.query<Row>(
    Prisma.sql`SELECT u."balance", o."orderNo", o."status", o."packageName", o."packageNameEn", o."priceFen", o."credits",
        o."provider", o."channel", o."payUrl", o."expiresAt", o."paidAt", o."closedAt", o."closeReason",
        o."late", o."createdAt"
      FROM "User" u
      LEFT JOIN "RechargeOrder" o ON o."orderNo" = ${orderNo} AND o."userId" = u."id"
      WHERE u."id" = ${session.userId} AND u."sessionVersion" = ${session.sessionVersion}`,
    { name: "read_order_status" },
  );
  if (!row) throw new AppError("UNAUTHENTICATED", "sign_in_required");
  if (row.orderNo === null) throw new AppError("NOT_FOUND", "order_not_found");
  // The order's columns are all present once it was found: they are NOT NULL where the view needs them.
  return { order: orderView(row as OrderViewFields), balance: row.balance };
}
