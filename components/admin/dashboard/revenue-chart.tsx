"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatFen } from "@/lib/format/money";
import type { RevenueDay } from "@/lib/admin/dashboard/revenue";

const colors = { wechatFen: "#07a650", alipayFen: "#1677ff" };

/**
 * Daily revenue stacked by provider. Values stay integer fen; only the axis ticks round to
 * whole yuan, and the tooltip shows exact amounts. The same numbers are in a table below it.
 */
export function RevenueChart({ days }: { days: RevenueDay[] }) {
  const t = useTranslations("console.dashboard");
  const tp = useTranslations("console.providers");
  const total = days.reduce((sum, day) => sum + day.wechatFen + day.alipayFen, 0);
  return (
    <div className="flex flex-col gap-3">
      <div
        role="img"
        aria-label={t("chartLabel", { total: formatFen(total), days: days.length })}
        className="h-72 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(5)}
              tick={{ fontSize: 11 }}
              minTickGap={12}
            />
            <YAxis
              tickFormatter={(fen: number) => `¥${Math.round(fen / 100).toLocaleString()}`}
              tick={{ fontSize: 11 }}
              width={64}
            />
            <Tooltip formatter={(value) => formatFen(Number(value))} />
            <Legend />
            <Bar dataKey="wechatFen" name={tp("WECHAT")} stackId="revenue" fill={colors.wechatFen} />
            <Bar dataKey="alipayFen" name={tp("ALIPAY")} stackId="revenue" fill={colors.alipayFen} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">{t("chartTable")}</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t("day")}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {tp("WECHAT")}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {tp("ALIPAY")}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} className="border-t border-slate-100">
                  <td className="px-2 py-1 tabular-nums">{day.day}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatFen(day.wechatFen)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatFen(day.alipayFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
