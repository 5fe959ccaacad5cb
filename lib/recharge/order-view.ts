import type { RechargeOrder } from "@prisma/client";

/** What the order's owner sees: no internal ids, no provider keys, the pay URL only while payable. */
export interface OrderView {
  orderNo: string;
  status: RechargeOrder["status"];
  /** PENDING past its expiry reads as EXPIRED until the expiry job closes it. */
  displayStatus: RechargeOrder["status"] | "EXPIRED";
  /** Chinese; `packageNameEn` is the English name when the package had one. */
  packageName: string;
  packageNameEn: string | null;
  priceFen: number;
  credits: number;
  provider: RechargeOrder["provider"];
  channel: RechargeOrder["channel"];
  payUrl: string | null;
  expiresAt: string;
  paidAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  late: boolean;
  createdAt: string;
}

/** The order columns a view is made of. */
export type OrderViewFields = Pick<
  RechargeOrder,
  | "orderNo"
  | "status"
  | "packageName"
  | "packageNameEn"
  | "priceFen"
  | "credits"
  | "provider"
  | "channel"
  | "payUrl"
  | "expiresAt"
  | "paidAt"
  | "closedAt"
  | "closeReason"
  | "late"
  | "createdAt"
>;

export function orderView(order: OrderViewFields, now = new Date()): OrderView {
  const expired = order.status === "PENDING" && order.expiresAt <= now;
  return {
    orderNo: order.orderNo,
    status: order.status,
    displayStatus: expired ? "EXPIRED" : order.status,
    packageName: order.packageName,
    packageNameEn: order.packageNameEn,
    priceFen: order.priceFen,
    credits: order.credits,
    provider: order.provider,
    channel: order.channel,
    payUrl: order.status === "PENDING" && !expired ? order.payUrl : null,
    expiresAt: order.expiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    closedAt: order.closedAt?.toISOString() ?? null,
    closeReason: order.closeReason,
    late: order.late,
    createdAt: order.createdAt.toISOString(),
  };
}
