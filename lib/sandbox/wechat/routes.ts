/** The WeChat Pay v3 operations the sandbox serves, by method and path (after the mount prefix). */

export type Route =
  | { kind: "create"; channel: "native" | "h5" }
  | { kind: "query"; outTradeNo: string }
  | { kind: "close"; outTradeNo: string }
  | { kind: "refund" }
  | { kind: "refundQuery"; outRefundNo: string };

/** ":" stands for one path segment, passed to `route`. */
const table: { method: string; pattern: string; route: (param: string) => Route }[] = [
  { method: "POST", pattern: "v3/pay/transactions/native", route: () => ({ kind: "create", channel: "native" }) },
  { method: "POST", pattern: "v3/pay/transactions/h5", route: () => ({ kind: "create", channel: "h5" }) },
  { method: "GET", pattern: "v3/pay/transactions/out-trade-no/:", route: (no) => ({ kind: "query", outTradeNo: no }) },
  {
    method: "POST",
    pattern: "v3/pay/transactions/out-trade-no/:/close",
    route: (no) => ({ kind: "close", outTradeNo: no }),
  },
  { method: "POST", pattern: "v3/refund/domestic/refunds", route: () => ({ kind: "refund" }) },
  { method: "GET", pattern: "v3/refund/domestic/refunds/:", route: (no) => ({ kind: "refundQuery", outRefundNo: no }) },
];

/** The segment the pattern's ":" matched ("" if it has none), or null when the path does not fit. */
function matchPattern(pattern: string, path: readonly string[]): string | null {
  const parts = pattern.split("/");
  if (parts.length !== path.length) return null;
  let param = "";
  for (const [index, part] of parts.entries()) {
    const segment = path[index] ?? "";
    if (part === ":" && segment !== "") param = segment;
    else if (part !== segment) return null;
  }
  return param;
}

/** `path`: decoded segments, e.g. ["v3", "pay", "transactions", "out-trade-no", "R123"]. */
export function matchRoute(method: string, path: readonly string[]): Route | null {
  for (const entry of table) {
    if (entry.method !== method) continue;
    const param = matchPattern(entry.pattern, path);
    if (param !== null) return entry.route(param);
  }
  return null;
}
