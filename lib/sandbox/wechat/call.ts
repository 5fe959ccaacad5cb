/** What every gateway operation receives and answers. */
import type { Faults } from "@/lib/sandbox/faults";
import type { MerchantKeys } from "@/lib/sandbox/types";

/** One authenticated merchant request. */
export interface CallContext {
  keys: MerchantKeys;
  /** Raw body, as signed. */
  body: string;
  query: URLSearchParams;
  /** Faults in force for this merchant (and the trade the request names, if any). */
  faults: Faults;
  now: Date;
}

/** A success answer; errors are thrown as WechatApiError. */
export type Answer =
  | { status: 200; json: unknown }
  | { status: 204 }
  /** A file download (bills): WeChat serves it unsigned. */
  | { status: 200; file: Buffer };
