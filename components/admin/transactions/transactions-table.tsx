import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { OrderFlags, OrderStatusBadge, ProviderName } from "@/components/admin/badges";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { SortHeader } from "@/components/admin/transactions/sort-header";
import type { TransactionRow } from "@/lib/admin/transactions/list-transactions";
import { formatFen } from "@/lib/format/money";
import { packageNameFor } from "@/lib/packages/package-name";

/** Orders as rows; with `params` the date and amount headers sort the transactions page. */
export function TransactionsTable({ orders, params }: { orders: TransactionRow[]; params?: Record<string, string> }) {
  const t = useTranslations("console.transactions");
  const locale = useLocale();
  const header = (column: "createdAt" | "amount" | "paidAt", label: string, className?: string) =>
    params ? (
      <SortHeader column={column} label={label} params={params} className={className} />
    ) : (
      <Th className={className}>{label}</Th>
    );
  return (
    <Table caption={t("tableCaption")}>
      <thead>
        <tr>
          <Th>{t("orderNo")}</Th>
          {header("createdAt", t("created"))}
          <Th>{t("user")}</Th>
          <Th>{t("package")}</Th>
          {header("amount", t("amount"), "text-right")}
          <Th>{t("status")}</Th>
          <Th>{t("provider")}</Th>
          {header("paidAt", t("paidAt"))}
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.orderNo} data-testid="transaction-row">
            <Td className="font-mono text-xs">
              <Link href={`/admin/transactions/${order.orderNo}`} className="text-brand-700 hover:underline">
                {order.orderNo}
              </Link>
            </Td>
            <Td>
              <Time iso={order.createdAt} stacked />
            </Td>
            <Td className="max-w-48 truncate">
              <Link href={`/admin/users/${order.userId}`} className="hover:underline" title={order.userEmail}>
                {order.userEmail}
              </Link>
            </Td>
            <Td className="max-w-36 truncate" title={packageNameFor(locale, order.packageName, order.packageNameEn)}>
              {packageNameFor(locale, order.packageName, order.packageNameEn)}
            </Td>
            <Td className="text-right tabular-nums">
              {formatFen(order.priceFen)}
              {order.refundedFen > 0 && (
                <span className="block whitespace-nowrap text-xs text-violet-700">−{formatFen(order.refundedFen)}</span>
              )}
            </Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                <OrderStatusBadge status={order.status} />
                <OrderFlags late={order.late} anomaly={order.anomaly} />
              </span>
            </Td>
            <Td>
              <ProviderName provider={order.provider} />
              {order.configName && (
                <span className="block max-w-36 truncate text-xs text-slate-500" title={order.configName}>
                  {order.configName}
                </span>
              )}
            </Td>
            <Td>
              <Time iso={order.paidAt} stacked />
            </Td>
          </tr>
        ))}
        {!orders.length && <EmptyRow colSpan={8}>{t("empty")}</EmptyRow>}
      </tbody>
    </Table>
  );
}
