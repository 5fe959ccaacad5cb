import type { AlipayParams } from "@/lib/payments/alipay";
import type { Faults } from "@/lib/sandbox/faults";
import type { MerchantKeys } from "@/lib/sandbox/types";

/** One authenticated gateway request, handed to the method it names. */
export interface MethodCall {
  keys: MerchantKeys;
  /** Every param of the request: common ones (notify_url, return_url, …) included. */
  params: AlipayParams;
  /** The decoded biz_content, or undefined when it was missing or not a JSON object. */
  biz: Record<string, unknown> | undefined;
  faults: Faults;
  now: Date;
}

/** An API method: its business answer, without code/msg (the gateway adds them and signs). */
export type ApiMethod = (call: MethodCall) => Promise<Record<string, string>>;
