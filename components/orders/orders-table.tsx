import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/list-table";
import { orderState } from "@/components/orders/order-state";
import { StatusBadge } from "@/components/orders/status-badge";
import { ProviderMark } from "@/components/recharge/provider-mark";
import { formatFen } from "@/lib/format/money";
import { packageNameFor } from "@/lib/packages/package-name";
import type { OrderView } from "@/lib/recharge/order-view";

/** The user's orders; three columns so it still reads on a 360 px phone. Each order opens its own page. */
export async function OrdersTable({ orders }: { orders: OrderView[] }) {
  const [t, tCommon, tProvider, format, locale] = await Promise.all([
    getTranslations("orders"),
    getTranslations("common"),
    getTranslations("providers"),
    getFormatter(),
    getLocale(),
  ]);
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <ListTable columns={[{ label: t("order") }, { label: t("amount"), align: "right" }, { label: t("status") }]}>
      {orders.map((order) => (
        <tr key={order.orderNo} className="border-t border-slate-100 align-top" data-testid="order-row">
          <td className="px-3 py-3 sm:px-4">
            <Link
              href={`/orders/${order.orderNo}`}
              className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              {packageNameFor(locale, order.packageName, order.packageNameEn)}
            </Link>
            <span className="mt-0.5 block font-mono text-xs break-all text-slate-600">{order.orderNo}</span>
            <span className="mt-1 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-600">
              <ProviderMark provider={order.provider} size={14} />
              {tProvider(order.provider)}
              <span aria-hidden="true">·</span>
              {t("createdAt", { time: time(order.createdAt) })}
            </span>
          </td>
          <td className="px-3 py-3 text-right whitespace-nowrap sm:px-4">
            <span className="block font-semibold text-slate-900">{formatFen(order.priceFen)}</span>
            <span className="text-xs text-slate-600">{tCommon("credits", { count: order.credits })}</span>
          </td>
          <td className="px-3 py-3 sm:px-4">
            <StatusBadge state={orderState(order)} />
            {order.paidAt && (
              <span className="mt-1 block text-xs text-slate-600">{t("paidAt", { time: time(order.paidAt) })}</span>
            )}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
