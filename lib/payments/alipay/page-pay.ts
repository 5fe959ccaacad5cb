import type {
  CashierInput,
  CashierPage,
  ProviderCallRecord,
  VerifiedReturn,
  WebsitePayments,
} from "@/lib/payments/types";
import { summarizeRequest } from "./call-record";
import type { GatewayClient } from "./client";
import { parseForm } from "./form";
import { verifyParams, type RsaKey } from "./sign";

/**
 * 电脑网站支付 (alipay.trade.page.pay): the payer's browser opens a signed GET URL to the gateway
 * and Alipay shows its cashier. qr_pay_mode 4 with qrcode_width is only the QR code, sized for an
 * iframe in our page; qr_pay_mode 2 is Alipay's full cashier page the browser navigates to.
 * After paying, Alipay sends the browser to return_url with signed params that name the trade
 * but carry no trade status: a hint to query, never proof of payment.
 */

const METHOD = "alipay.trade.page.pay";
const RETURN_METHOD = "alipay.trade.page.pay.return";
const ORDER_NO_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MIN_QR_WIDTH = 100;
const MAX_QR_WIDTH = 400;

export interface PagePayDeps {
  client: GatewayClient;
  appId: string;
  sellerId: string;
  alipayPublicKey: RsaKey;
  /** The trade's common fields (out_trade_no, total_amount, subject, time_expire, product_code). */
  tradeBizContent: (input: CashierInput) => Record<string, string>;
  record: (entry: ProviderCallRecord) => Promise<void>;
  now: () => number;
}

function qrModeOf(input: CashierInput): Record<string, string> {
  const width = input.embedWidthPx;
  if (width === undefined) return { qr_pay_mode: "2" };
  if (!Number.isSafeInteger(width) || width < MIN_QR_WIDTH || width > MAX_QR_WIDTH) {
    throw new RangeError(`embedWidthPx must be a whole number from ${MIN_QR_WIDTH} to ${MAX_QR_WIDTH}`);
  }
  return { qr_pay_mode: "4", qrcode_width: String(width) };
}

/** The params Alipay appended to return_url, verified as its Java SDK does (rsaCheckV1, like a notify). */
export function verifyPageReturn(
  query: string,
  identity: { appId: string; sellerId: string; alipayPublicKey: RsaKey },
): VerifiedReturn {
  const form = parseForm(query.startsWith("?") ? query.slice(1) : query);
  if (!form.ok) return { ok: false, detail: form.detail };
  const params = form.params;
  const named = params.out_trade_no;
  const claimed = named !== undefined && ORDER_NO_PATTERN.test(named) ? { claimedOrderNo: named } : {};
  if (!params.sign) return { ok: false, detail: "return is not signed", ...claimed };
  if (params.sign_type !== "RSA2") return { ok: false, detail: "sign_type must be RSA2", ...claimed };
  if (!verifyParams(params, "notify", identity.alipayPublicKey)) {
    return { ok: false, detail: "signature does not verify with the Alipay public key", ...claimed };
  }
  if (params.app_id !== identity.appId) return { ok: false, detail: "app_id is not this config's", ...claimed };
  // seller_id is optional in Alipay's return; when present it must be ours.
  if (params.seller_id !== undefined && params.seller_id !== identity.sellerId) {
    return { ok: false, detail: "seller_id is not this config's", ...claimed };
  }
  if (params.method !== RETURN_METHOD) return { ok: false, detail: `method is not ${RETURN_METHOD}`, ...claimed };
  if (named === undefined || !ORDER_NO_PATTERN.test(named)) return { ok: false, detail: "no out_trade_no" };
  return { ok: true, orderNo: named };
}

export function createWebsitePayments(deps: PagePayDeps): WebsitePayments {
  return {
    async cashierUrl(input: CashierInput): Promise<CashierPage> {
      const started = deps.now();
      const bizContent = {
        ...deps.tradeBizContent(input),
        ...qrModeOf(input),
      };
      const url = deps.client.pageUrl({
        method: METHOD,
        bizContent,
        notifyUrl: input.notifyUrl,
        returnUrl: input.returnUrl,
      });
      await deps.record({
        provider: "ALIPAY",
        operation: "create_page",
        orderNo: input.orderNo,
        request: summarizeRequest(METHOD, bizContent),
        latencyMs: deps.now() - started,
        outcome: "ok",
      });
      return { url };
    },
    verifyReturn: (query) =>
      verifyPageReturn(query, { appId: deps.appId, sellerId: deps.sellerId, alipayPublicKey: deps.alipayPublicKey }),
  };
}
