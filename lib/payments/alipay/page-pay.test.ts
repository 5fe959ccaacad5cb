import { generateKeyPairSync } from "node:crypto";
import { AlipaySdk } from "alipay-sdk";
import { describe, expect, it } from "vitest";
import type { CashierInput, ProviderCallRecord } from "@/lib/payments/types";
import { createAlipayAdapter } from "./adapter";
import { encodeForm, parseForm } from "./form";
import { verifyPageReturn } from "./page-pay";
import { signParams, verifyParams } from "./sign";

const app = generateKeyPairSync("rsa", { modulusLength: 2048 });
const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const APP_PRIVATE_PEM = app.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const ALIPAY_PUBLIC_PEM = alipay.publicKey.export({ type: "spki", format: "pem" }).toString();
const APP_ID = "2021000000000001";
const SELLER_ID = "2088000000000001";
const GATEWAY = "https://gw.example/custom/gateway.do";
const NOW = Date.parse("2025-01-01T12:00:00Z");
const TIMESTAMP = "2025-01-01 20:00:00";

const input: CashierInput = {
  orderNo: "R20250101ABC",
  amountFen: 1234,
  description: "充值 330 积分",
  expiresAt: new Date("2025-01-01T12:15:00Z"),
  notifyUrl: "https://shop.example/api/notify/alipay/cfg1",
  returnUrl: "https://shop.example/pay/return/cfg1",
};

function adapter(records: ProviderCallRecord[] = []) {
  return createAlipayAdapter(
    {
      appId: APP_ID,
      sellerId: SELLER_ID,
      appPrivateKeyPem: APP_PRIVATE_PEM,
      alipayPublicKeyPem: ALIPAY_PUBLIC_PEM,
      gatewayUrl: GATEWAY,
    },
    {
      now: () => NOW,
      recordCall: (entry) => void records.push(entry),
      fetch: () => Promise.reject(new Error("no fetch")),
    },
  );
}

function paramsOf(url: string): Record<string, string> {
  const read = parseForm(new URL(url).search.slice(1));
  if (!read.ok) throw new Error(read.detail);
  return read.params;
}

// alipay-sdk 4.14 is the independent reference: the same request through its pageExecute (GET).
function sdkUrl(bizContent: Record<string, string>): string {
  const sdk = new AlipaySdk({
    appId: APP_ID,
    privateKey: APP_PRIVATE_PEM,
    alipayPublicKey: ALIPAY_PUBLIC_PEM,
    gateway: GATEWAY,
  });
  return sdk.pageExecute("alipay.trade.page.pay", "GET", {
    bizContent,
    format: "JSON",
    timestamp: TIMESTAMP,
    notifyUrl: input.notifyUrl,
    returnUrl: input.returnUrl,
  });
}

describe("alipay.trade.page.pay cashier URL", () => {
  it("embedded: a signed GET to the configured gateway with qr_pay_mode 4 and the QR width, as alipay-sdk builds it", async () => {
    const records: ProviderCallRecord[] = [];
    const website = adapter(records).website;
    if (!website) throw new Error("Alipay has a website cashier");
    const { url } = await website.cashierUrl({ ...input, embedWidthPx: 200 });

    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(GATEWAY);
    const ours = paramsOf(url);
    const biz = JSON.parse(ours.biz_content ?? "") as Record<string, string>;
    expect(biz).toEqual({
      out_trade_no: input.orderNo,
      total_amount: "12.34",
      subject: "充值 330 积分",
      time_expire: "2025-01-01 20:15:00",
      product_code: "FAST_INSTANT_TRADE_PAY",
      qr_pay_mode: "4",
      qrcode_width: "200",
    });
    expect(ours).toMatchObject({
      app_id: APP_ID,
      method: "alipay.trade.page.pay",
      charset: "utf-8",
      version: "1.0",
      format: "JSON",
      sign_type: "RSA2",
      timestamp: TIMESTAMP,
      notify_url: input.notifyUrl,
      return_url: input.returnUrl,
    });
    expect(verifyParams(ours, "request", app.publicKey)).toBe(true);

    // The SDK signs one extra param of its own (alipay_sdk); otherwise the same params, and our
    // signer gives its exact signature over its exact params (RSA PKCS#1 v1.5 is deterministic).
    const theirs = paramsOf(sdkUrl(biz));
    const { alipay_sdk: sdkVersion, sign: theirSign, ...theirRest } = theirs;
    expect(sdkVersion).toMatch(/^alipay-sdk-nodejs-/);
    const { sign: _ourSign, ...ourRest } = ours;
    expect(ourRest).toEqual(theirRest);
    const { sign: _unused, sign_type: _type, ...unsigned } = theirs;
    expect(signParams(unsigned, "request", app.privateKey).sign).toBe(theirSign);
    expect(verifyParams(theirs, "request", app.publicKey)).toBe(true);

    expect(records).toEqual([
      expect.objectContaining({ operation: "create_page", orderNo: input.orderNo, outcome: "ok" }),
    ]);
  });

  it("redirect: Alipay's full cashier (qr_pay_mode 2), no width", async () => {
    const { url } = await adapter().website!.cashierUrl(input);
    const biz = JSON.parse(paramsOf(url).biz_content ?? "") as Record<string, string>;
    expect(biz.qr_pay_mode).toBe("2");
    expect(biz.qrcode_width).toBeUndefined();
  });

  it("refuses an amount that is not whole fen and a QR width out of range", async () => {
    const website = adapter().website!;
    await expect(website.cashierUrl({ ...input, amountFen: 12.5 })).rejects.toThrow(RangeError);
    await expect(website.cashierUrl({ ...input, embedWidthPx: 20 })).rejects.toThrow(RangeError);
  });
});

describe("return_url params", () => {
  const identity = { appId: APP_ID, sellerId: SELLER_ID, alipayPublicKey: alipay.publicKey };
  // What Alipay appends to return_url (its documented field set), signed as Alipay signs it.
  const returned = {
    charset: "utf-8",
    out_trade_no: input.orderNo,
    method: "alipay.trade.page.pay.return",
    total_amount: "12.34",
    trade_no: "2025010122001400000000000001",
    auth_app_id: APP_ID,
    version: "1.0",
    app_id: APP_ID,
    seller_id: SELLER_ID,
    timestamp: "2025-01-01 20:01:02",
  };
  const genuine = signParams(returned, "notify", alipay.privateKey);

  it("accepts Alipay's signature, which alipay-sdk's checkNotifySignV2 accepts too", () => {
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: APP_PRIVATE_PEM, alipayPublicKey: ALIPAY_PUBLIC_PEM });
    expect(sdk.checkNotifySignV2(genuine)).toBe(true);
    expect(verifyPageReturn(`?${encodeForm(genuine)}`, identity)).toEqual({ ok: true, orderNo: input.orderNo });
  });

  it("refuses an unsigned, forged, re-pointed or foreign return, naming the claimed order", () => {
    const { sign: _sign, ...unsigned } = genuine;
    const forgedKey = signParams(returned, "notify", app.privateKey);
    const repointed = { ...genuine, out_trade_no: "R20250101XYZ" };
    const foreign = signParams({ ...returned, app_id: "2021000000000009" }, "notify", alipay.privateKey);
    for (const params of [unsigned, forgedKey, repointed, foreign]) {
      const verified = verifyPageReturn(encodeForm(params), identity);
      expect(verified).toMatchObject({ ok: false, claimedOrderNo: params.out_trade_no });
    }
    expect(verifyPageReturn("out_trade_no=a&out_trade_no=b", identity)).toMatchObject({ ok: false });
  });
});
