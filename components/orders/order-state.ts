import type { OrderView } from "@/lib/recharge/order-view";

/** What the user is told about an order: one of these, each with its own words and actions. */
export type OrderState =
  "waiting" | "paid" | "late" | "expired" | "cancelled" | "failed" | "refunded" | "partiallyRefunded";

type StatusFields = Pick<OrderView, "status" | "displayStatus" | "closeReason" | "late" | "expiresAt">;

/**
 * The order's state at `now` (default: when the server described it). A pending order reads
 * as expired the moment its code runs out, before the server's expiry job closes it, so the
 * countdown and the panel agree.
 */
export function orderState(order: StatusFields, now?: number): OrderState {
  switch (order.status) {
    case "PAID":
      return order.late ? "late" : "paid";
    case "REFUNDED":
      return "refunded";
    case "PARTIALLY_REFUNDED":
      return "partiallyRefunded";
    case "CLOSED":
      if (order.closeReason === "CANCELLED") return "cancelled";
      if (order.closeReason === "PROVIDER_ERROR") return "failed";
      return "expired";
    case "PENDING":
      if (now === undefined) return order.displayStatus === "EXPIRED" ? "expired" : "waiting";
      return Date.parse(order.expiresAt) <= now ? "expired" : "waiting";
  }
}

/** Money has moved: nothing about the payment itself can change from here on the pay page. */
export function isSettled(status: OrderView["status"]): boolean {
  return status === "PAID" || status === "REFUNDED" || status === "PARTIALLY_REFUNDED";
}

/** "mm:ss" (or "h:mm:ss") left until `expiresAt`, never negative. */
export function formatRemaining(expiresAt: string, now: number): string {
  const total = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

const progress: Record<OrderView["status"], number> = {
  PENDING: 0,
  CLOSED: 1,
  PAID: 2,
  PARTIALLY_REFUNDED: 3,
  REFUNDED: 4,
};

/**
 * The later of two snapshots. An order only moves forward (pending → closed → paid late,
 * paid → refunded), so an answer that would move it back is an older one arriving late
 * (a poll overtaken by the live stream) and is ignored.
 */
export function newer<T extends { order: Pick<OrderView, "status"> }>(current: T | undefined, next: T): T {
  if (current && progress[next.order.status] < progress[current.order.status]) return current;
  return next;
}
