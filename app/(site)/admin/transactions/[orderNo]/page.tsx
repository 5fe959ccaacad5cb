import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { OrderFlags, OrderStatusBadge, ProviderName, SandboxTag } from "@/components/admin/badges";
import { Alert } from "@/components/admin/alert";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { Time } from "@/components/admin/time";
import { OrderActions } from "@/components/admin/transactions/order-actions";
import { Timeline } from "@/components/admin/transactions/timeline";
import { getOrderDetail, type OrderDetail } from "@/lib/admin/transactions/order-detail";
import { requirePageAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatFen } from "@/lib/format/money";
import { packageNameFor } from "@/lib/packages/package-name";

type Params = Promise<{ orderNo: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("console.order");
  return { title: t("metaTitle", { orderNo: (await params).orderNo }) };
}

async function load(orderNo: string): Promise<OrderDetail> {
  try {
    return await getOrderDetail(orderNo);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm break-all">{children}</dd>
    </div>
  );
}

export default async function OrderDetailPage({ params }: { params: Params }) {
  const { orderNo } = await params;
  await requirePageAdmin(`/admin/transactions/${encodeURIComponent(orderNo)}`);
  const [t, locale, detail] = await Promise.all([getTranslations("console.order"), getLocale(), load(orderNo)]);
  const { order, user, config } = detail;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/transactions" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader
        title={t("title")}
        description={<span className="font-mono">{order.orderNo}</span>}
        actions={
          <span className="flex flex-wrap gap-1">
            <OrderStatusBadge status={order.status} />
            <OrderFlags late={order.late} anomaly={order.anomaly} />
            {config?.sandbox && <SandboxTag />}
          </span>
        }
      />
      {order.anomaly && <Alert tone="warning">{t("anomaly", { reason: order.anomaly })}</Alert>}
      {order.late && <Alert tone="info">{t("lateNote")}</Alert>}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Section id="facts-title" title={t("facts")}>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Fact label={t("user")}>
                <Link href={`/admin/users/${user.id}`} className="text-brand-700 hover:underline">
                  {user.email}
                </Link>
              </Fact>
              <Fact label={t("package")}>{packageNameFor(locale, order.packageName, order.packageNameEn)}</Fact>
              <Fact label={t("credits")}>{order.credits}</Fact>
              <Fact label={t("price")}>{formatFen(order.priceFen)}</Fact>
              <Fact label={t("paid")}>{order.paidAmountFen === null ? "—" : formatFen(order.paidAmountFen)}</Fact>
              <Fact label={t("refunded")}>{formatFen(order.refundedFen)}</Fact>
              <Fact label={t("provider")}>
                <ProviderName provider={order.provider} /> · {order.channel}
              </Fact>
              <Fact label={t("config")}>
                {config ? (
                  <Link href={`/admin/payment-configs/${config.id}`} className="text-brand-700 hover:underline">
                    {config.deleted ? t("deletedConfig", { name: config.name }) : config.name}
                  </Link>
                ) : (
                  "—"
                )}
              </Fact>
              <Fact label={t("providerTradeNo")}>{order.providerTradeNo ?? "—"}</Fact>
              <Fact label={t("created")}>
                <Time iso={order.createdAt} withSeconds />
              </Fact>
              <Fact label={t("expires")}>
                <Time iso={order.expiresAt} withSeconds />
              </Fact>
              <Fact label={t("paidAt")}>
                <Time iso={order.paidAt} withSeconds />
              </Fact>
              <Fact label={t("closedAt")}>
                {order.closedAt ? (
                  <>
                    <Time iso={order.closedAt} withSeconds /> {order.closeReason && `(${order.closeReason})`}
                  </>
                ) : (
                  "—"
                )}
              </Fact>
              <Fact label={t("checks")}>
                {t("checkCount", { count: order.checkAttempts })}{" "}
                {order.lastCheckedAt && <Time iso={order.lastCheckedAt} />}
              </Fact>
              <Fact label={t("clientIp")}>{order.clientIp ?? "—"}</Fact>
            </dl>
          </Section>
          <Section id="timeline-title" title={t("timeline")}>
            <Timeline items={detail.timeline} />
          </Section>
        </div>
        <div>
          <Section id="actions-title" title={t("actions")}>
            <OrderActions
              orderNo={order.orderNo}
              status={order.status}
              priceFen={order.priceFen}
              credits={order.credits}
              refundedFen={order.refundedFen}
              refundableFen={(order.paidAmountFen ?? 0) - order.refundedFen}
            />
          </Section>
        </div>
      </div>
    </div>
  );
}
