import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ProviderMark } from "@/components/recharge/provider-mark";
import { formatFen } from "@/lib/format/money";
import { packageNameFor } from "@/lib/packages/package-name";
import type { OrderView } from "@/lib/recharge/order-view";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 border-t border-slate-100 py-2 first:border-t-0">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** What was ordered: amount, credits, package, method, number and the times that matter. */
export function OrderDetails({ order }: { order: OrderView }) {
  const t = useTranslations("order");
  const tCommon = useTranslations("common");
  const tProvider = useTranslations("providers");
  const format = useFormatter();
  const locale = useLocale();
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <section aria-labelledby="details-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="details-title" className="mb-2 text-lg font-semibold">
        {t("details")}
      </h2>
      <dl>
        <Row label={t("amount")}>
          <span className="text-2xl font-bold" data-testid="order-amount">
            {formatFen(order.priceFen)}
          </span>
        </Row>
        <Row label={t("credits")}>{tCommon("credits", { count: order.credits })}</Row>
        <Row label={t("package")}>{packageNameFor(locale, order.packageName, order.packageNameEn)}</Row>
        <Row label={t("method")}>
          <span className="flex items-center gap-2">
            <ProviderMark provider={order.provider} size={20} />
            {tProvider(order.provider)}
          </span>
        </Row>
        <Row label={t("orderNo")}>
          <span className="font-mono text-sm break-all" data-testid="order-no">
            {order.orderNo}
          </span>
        </Row>
        <Row label={t("created")}>{time(order.createdAt)}</Row>
        {order.paidAt ? (
          <Row label={t("paidAt")}>{time(order.paidAt)}</Row>
        ) : order.closedAt ? (
          <Row label={t("closedAt")}>{time(order.closedAt)}</Row>
        ) : (
          <Row label={t("expires")}>{time(order.expiresAt)}</Row>
        )}
      </dl>
    </section>
  );
}
