import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OrderStats } from "@/lib/admin/dashboard/order-stats";

/** Orders per status as labelled bars; the numbers are text, the bars only decoration. */
export function StatusBars({ byStatus }: { byStatus: OrderStats["byStatus"] }) {
  const t = useTranslations("console.orderStatus");
  const max = Math.max(1, ...byStatus.map((row) => row.count));
  return (
    <ul className="flex flex-col gap-2">
      {byStatus.map((row) => (
        <li key={row.status} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-2 text-sm">
          <Link href={`/admin/transactions?status=${row.status}`} className="text-slate-700 hover:underline">
            {t(row.status)}
          </Link>
          <span className="h-2.5 rounded-full bg-slate-100" aria-hidden="true">
            <span className="block h-full rounded-full bg-brand-600" style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** Orders per payment channel, each linking to the transactions it counts. */
export function ChannelBars({ byChannel }: { byChannel: OrderStats["byChannel"] }) {
  const t = useTranslations("console.channels");
  const max = Math.max(1, ...byChannel.map((row) => row.count));
  return (
    <ul className="flex flex-col gap-2">
      {byChannel.map((row) => (
        <li key={row.channel} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-2 text-sm">
          <Link href={`/admin/transactions?channel=${row.channel}`} className="text-slate-700 hover:underline">
            {t(row.channel)}
          </Link>
          <span className="h-2.5 rounded-full bg-slate-100" aria-hidden="true">
            <span className="block h-full rounded-full bg-brand-600" style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}
