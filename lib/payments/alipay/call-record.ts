import type { ProviderCallRecord, ProviderErrorKind } from "@/lib/payments/types";

/**
 * Summaries of what we asked and what Alipay said, for the order's history. Only listed
 * business fields are copied — never keys, `sign`, or anything else a response might carry.
 */

const REQUEST_FIELDS = [
  "out_trade_no",
  "total_amount",
  "time_expire",
  "product_code",
  "out_request_no",
  "refund_amount",
] as const;

const RESPONSE_FIELDS = [
  "code",
  "msg",
  "sub_code",
  "sub_msg",
  "out_trade_no",
  "trade_no",
  "trade_status",
  "total_amount",
  "buyer_pay_amount",
  "receipt_amount",
  "send_pay_date",
  "fund_change",
  "refund_fee",
  "gmt_refund_pay",
  "out_request_no",
  "refund_amount",
  "refund_status",
] as const;

const MAX_VALUE_CHARS = 256;

function pick(source: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, string> {
  const summary: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === "string") summary[field] = value.slice(0, MAX_VALUE_CHARS);
  }
  return summary;
}

export function summarizeRequest(
  method: string,
  bizContent: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return { method, ...pick(bizContent, REQUEST_FIELDS) };
}

export function summarizeResponse(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return pick(payload, RESPONSE_FIELDS);
}

export function outcomeOf(kind: ProviderErrorKind): ProviderCallRecord["outcome"] {
  switch (kind) {
    case "TIMEOUT":
      return "timeout";
    case "NETWORK":
      return "network_error";
    case "BAD_RESPONSE_SIGNATURE":
      return "bad_response_signature";
    case "REJECTED":
    case "SYSTEM_ERROR":
    case "INVALID_RESPONSE":
      return "provider_error";
  }
}
