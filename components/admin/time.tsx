import { useFormatter } from "next-intl";

/**
 * An instant in the display time zone (lib/settings, set in next-intl's request config), with a machine-readable datetime.
 * `stacked` puts the time under the date, for narrow table columns.
 */
export function Time({
  iso,
  withSeconds = false,
  stacked = false,
}: {
  iso: string | null;
  withSeconds?: boolean;
  stacked?: boolean;
}) {
  const format = useFormatter();
  if (!iso) return <span className="text-slate-400">—</span>;
  const instant = new Date(iso);
  const date = format.dateTime(instant, { year: "numeric", month: "2-digit", day: "2-digit" });
  const time = format.dateTime(instant, {
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hour12: false,
  });
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {stacked ? (
        <>
          <span className="block">{date}</span>
          <span className="block text-xs text-slate-500">{time}</span>
        </>
      ) : (
        `${date} ${time}`
      )}
    </time>
  );
}
