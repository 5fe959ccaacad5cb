import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

const badgeTones = {
  green: "bg-brand-50 text-brand-800 ring-brand-100",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
  blue: "bg-sky-50 text-sky-800 ring-sky-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
};

export function Badge({
  tone,
  children,
  testId,
}: {
  tone: keyof typeof badgeTones;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeTones[tone]}`}
    >
      {children}
    </span>
  );
}

const statusTone = {
  PENDING: "amber",
  PAID: "green",
  PARTIALLY_REFUNDED: "violet",
  REFUNDED: "slate",
  CLOSED: "slate",
} as const;

export function OrderStatusBadge({ status }: { status: keyof typeof statusTone }) {
  const t = useTranslations("console.orderStatus");
  return (
    <Badge tone={statusTone[status]} testId="order-status">
      {t(status)}
    </Badge>
  );
}

export function ProviderName({ provider }: { provider: "WECHAT" | "ALIPAY" }) {
  const t = useTranslations("console.providers");
  return <span className="whitespace-nowrap">{t(provider)}</span>;
}

/** Sandbox configs move no real money: always marked, never mistakable for live ones. */
export function SandboxTag() {
  const t = useTranslations("console.configs");
  return (
    <Badge tone="amber" testId="sandbox-tag">
      {t("sandboxTag")}
    </Badge>
  );
}

export function OrderFlags({ late, anomaly }: { late: boolean; anomaly: string | null }) {
  const t = useTranslations("console.transactions");
  return (
    <>
      {late && <Badge tone="blue">{t("lateFlag")}</Badge>}
      {anomaly && (
        <span title={anomaly}>
          <Badge tone="red">{t("anomalyFlag")}</Badge>
        </span>
      )}
    </>
  );
}
