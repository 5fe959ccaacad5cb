import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/admin/badges";
import { JsonBlock } from "@/components/admin/json-block";
import { Time } from "@/components/admin/time";
import type { TimelineItem } from "@/lib/admin/transactions/order-detail";
import { formatFen } from "@/lib/format/money";

const dotColor: Record<TimelineItem["kind"], string> = {
  event: "bg-slate-400",
  providerCall: "bg-sky-500",
  callback: "bg-brand-600",
  ledger: "bg-violet-500",
  refund: "bg-amber-500",
};

function Entry({
  item,
  title,
  badges,
  children,
}: {
  item: TimelineItem;
  title: ReactNode;
  badges?: ReactNode;
  children?: ReactNode;
}) {
  const t = useTranslations("console.timeline");
  return (
    <li className="relative flex gap-3 pb-5 pl-1" data-testid={`timeline-${item.kind}`}>
      <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${dotColor[item.kind]}`} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-xs text-slate-500">
            <Time iso={item.at} withSeconds />
          </span>
          <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`kinds.${item.kind}`)}</span>
          {badges}
        </div>
        <p className="text-sm text-slate-900">{title}</p>
        {children}
      </div>
    </li>
  );
}

function EventEntry({ item }: { item: Extract<TimelineItem, { kind: "event" }> }) {
  const t = useTranslations("console.timeline");
  const label = t.has(`events.${item.type}`) ? t(`events.${item.type}`) : item.type;
  return (
    <Entry item={item} title={label}>
      {item.detail !== null && <JsonBlock label={t("details")} value={item.detail} />}
    </Entry>
  );
}

function CallbackEntry({ item }: { item: Extract<TimelineItem, { kind: "callback" }> }) {
  const t = useTranslations("console.timeline");
  return (
    <Entry
      item={item}
      title={t("callbackTitle", {
        kind: t.has(`callbackKinds.${item.callbackKind}`) ? t(`callbackKinds.${item.callbackKind}`) : item.callbackKind,
        outcome: item.outcome,
      })}
      badges={
        item.verified ? (
          <Badge tone="green">{t("verified")}</Badge>
        ) : (
          <Badge tone="red">{t("rejected", { reason: item.rejection ?? "?" })}</Badge>
        )
      }
    >
      {item.detail && <p className="text-xs text-slate-600">{item.detail}</p>}
      <JsonBlock label={t("rawHeaders")} value={item.headers} />
      <JsonBlock label={t("rawBody", { bytes: item.bodyBytes })} value={item.body} />
    </Entry>
  );
}

function ProviderCallEntry({ item }: { item: Extract<TimelineItem, { kind: "providerCall" }> }) {
  const t = useTranslations("console.timeline");
  return (
    <Entry
      item={item}
      title={t("callTitle", { operation: item.operation, latency: item.latencyMs, status: item.httpStatus ?? "—" })}
      badges={<Badge tone={item.outcome === "ok" ? "green" : "red"}>{item.outcome}</Badge>}
    >
      {item.errorMessage && <p className="text-xs text-red-700">{item.errorMessage}</p>}
      <JsonBlock label={t("request")} value={item.request} />
      {item.response !== null && <JsonBlock label={t("response")} value={item.response} />}
    </Entry>
  );
}

function LedgerEntryItem({ item }: { item: Extract<TimelineItem, { kind: "ledger" }> }) {
  const t = useTranslations("console.timeline");
  const tk = useTranslations("console.ledgerKind");
  return (
    <Entry
      item={item}
      title={t("ledgerTitle", {
        delta: `${item.delta > 0 ? "+" : ""}${item.delta}`,
        kind: tk(item.ledgerKind),
        balance: item.balanceAfter,
      })}
      badges={<Badge tone={item.delta < 0 ? "violet" : "green"}>#{item.seq}</Badge>}
    >
      {item.reason && <p className="text-xs text-slate-600">{t("reason", { reason: item.reason })}</p>}
    </Entry>
  );
}

function RefundEntry({ item }: { item: Extract<TimelineItem, { kind: "refund" }> }) {
  const t = useTranslations("console.timeline");
  const tr = useTranslations("console.refundStatus");
  return (
    <Entry
      item={item}
      title={t("refundTitle", { amount: formatFen(item.amountFen), credits: item.credits, refundNo: item.refundNo })}
      badges={
        <Badge tone={item.status === "SUCCESS" ? "green" : item.status === "FAILED" ? "red" : "amber"}>
          {tr(item.status)}
        </Badge>
      }
    >
      <p className="text-xs text-slate-600">
        {t("reason", { reason: item.reason })}
        {item.actorEmail && ` · ${t("by", { actor: item.actorEmail })}`}
        {item.providerRefundId && ` · ${t("providerRefundId", { id: item.providerRefundId })}`}
      </p>
    </Entry>
  );
}

/** Everything that happened to the order, oldest first. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useTranslations("console.timeline");
  if (!items.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="flex flex-col" aria-label={t("label")}>
      {items.map((item) => {
        switch (item.kind) {
          case "event":
            return <EventEntry key={item.id} item={item} />;
          case "callback":
            return <CallbackEntry key={item.id} item={item} />;
          case "providerCall":
            return <ProviderCallEntry key={item.id} item={item} />;
          case "ledger":
            return <LedgerEntryItem key={item.id} item={item} />;
          case "refund":
            return <RefundEntry key={item.id} item={item} />;
        }
      })}
    </ol>
  );
}
