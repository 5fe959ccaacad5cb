import { getPrisma } from "@/lib/db";

export interface AttentionOrder {
  orderNo: string;
  userEmail: string;
  priceFen: number;
  status: string;
  anomaly: string | null;
  createdAt: string;
  paidAt: string | null;
}

export interface FailedCallback {
  id: string;
  provider: "WECHAT" | "ALIPAY";
  kind: string;
  orderNo: string | null;
  verified: boolean;
  rejection: string | null;
  outcome: string;
  createdAt: string;
}

export interface Attention {
  anomalies: { total: number; recent: AttentionOrder[] };
  late: { total: number; recent: AttentionOrder[] };
  failedCallbacks: { total: number; recent: FailedCallback[] };
}

const shown = 8;
// Verified notifies that still could not be applied deserve a look as much as unverified ones.
const troubledOutcomes = ["MISMATCH", "UNKNOWN_ORDER", "UNKNOWN_REFUND", "UNKNOWN_CONFIG", "OVERSIZED"];

const orderColumns = {
  orderNo: true,
  user: { select: { email: true } },
  priceFen: true,
  status: true,
  anomaly: true,
  createdAt: true,
  paidAt: true,
} as const;

function attentionOrder(row: {
  orderNo: string;
  user: { email: string };
  priceFen: number;
  status: string;
  anomaly: string | null;
  createdAt: Date;
  paidAt: Date | null;
}): AttentionOrder {
  return {
    orderNo: row.orderNo,
    userEmail: row.user.email,
    priceFen: row.priceFen,
    status: row.status,
    anomaly: row.anomaly,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

/** Orders flagged as anomalous or paid late, and notifies we did not believe or could not apply. */
export async function attention(since: Date): Promise<Attention> {
  const prisma = await getPrisma();
  const anomalyWhere = { anomaly: { not: null } };
  const lateWhere = { late: true, paidAt: { gte: since } };
  const callbackWhere = {
    createdAt: { gte: since },
    OR: [{ verified: false }, { outcome: { in: troubledOutcomes } }],
  };
  const [anomalyTotal, anomalies, lateTotal, late, callbackTotal, callbacks] = await Promise.all([
    prisma.rechargeOrder.count({ where: anomalyWhere }),
    prisma.rechargeOrder.findMany({
      where: anomalyWhere,
      select: orderColumns,
      orderBy: { createdAt: "desc" },
      take: shown,
    }),
    prisma.rechargeOrder.count({ where: lateWhere }),
    prisma.rechargeOrder.findMany({ where: lateWhere, select: orderColumns, orderBy: { paidAt: "desc" }, take: shown }),
    prisma.paymentCallback.count({ where: callbackWhere }),
    prisma.paymentCallback.findMany({
      where: callbackWhere,
      select: {
        id: true,
        provider: true,
        kind: true,
        orderNo: true,
        verified: true,
        rejection: true,
        outcome: true,
        createdAt: true,
      },
      orderBy: { createdAt: "desc" },
      take: shown,
    }),
  ]);
  return {
    anomalies: { total: anomalyTotal, recent: anomalies.map(attentionOrder) },
    late: { total: lateTotal, recent: late.map(attentionOrder) },
    failedCallbacks: {
      total: callbackTotal,
      recent: callbacks.map((callback) => ({ ...callback, createdAt: callback.createdAt.toISOString() })),
    },
  };
}
