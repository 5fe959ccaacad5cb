import Link from "next/link";
import { useTranslations } from "next-intl";
import { Time } from "@/components/admin/time";
import type { AttentionOrder } from "@/lib/admin/dashboard/attention";
import { formatFen } from "@/lib/format/money";

/** Orders an operator should look at, each linking to its detail page. */
export function AttentionList({ orders, empty }: { orders: AttentionOrder[]; empty: string }) {
  const t = useTranslations("console.dashboard");
  if (!orders.length) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {orders.map((order) => (
        <li key={order.orderNo} className="flex flex-col gap-0.5 py-2 text-sm">
          <Link
            href={`/admin/transactions/${order.orderNo}`}
            className="font-mono text-xs text-brand-700 hover:underline"
          >
            {order.orderNo}
          </Link>
          <span className="text-slate-700">
            {order.userEmail} · {formatFen(order.priceFen)} · <Time iso={order.paidAt ?? order.createdAt} />
          </span>
          {order.anomaly && <span className="text-xs text-red-700">{t("reason", { reason: order.anomaly })}</span>}
        </li>
      ))}
    </ul>
  );
}
