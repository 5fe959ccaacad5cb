/**
 * Paying inside WeChat, over HTTP against the sandbox: JSAPI order → OAuth2 snsapi_base (state
 * bound to the user, single-use) → openid → prepay_id → signed pay parameters → the bridge pays
 * → notify or query → PAID.
 */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadConfig, loadDefaultConfig } from "@/lib/payment-configs/load-adapter";
import { ProviderError, type JsapiPayParams } from "@/lib/payments/types";
import { createOrder } from "@/lib/recharge/create-order";
import { finishPayerAuth } from "@/lib/recharge/finish-payer-auth";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { issueJsapiPayment } from "@/lib/recharge/issue-jsapi-payment";
import { requestCheck } from "@/lib/recharge/request-check";
import { reconcileOrders } from "@/lib/recharge/sweep-orders";
import { payerAuthCallbackUrl, startPayerAuth } from "@/lib/recharge/start-payer-auth";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { provisionSandboxMerchant } from "@/lib/sandbox/provision";
import { deliverNotifies, newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

const app = setUpSandboxApp();

afterEach(async () => {
  await clearFaults();
});

async function placeJsapiOrder(userId: string) {
  const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  return createOrder({
    userId,
    packageId: pkg.id,
    provider: "WECHAT",
    channel: "JSAPI",
    clientKey: randomBytes(8).toString("hex"),
  });
}

/** WeChat's authorize page, as the browser meets it: it redirects back with code and state. */
async function followAuthorize(authorizeUrl: string, cookie?: string) {
  const response = await fetch(authorizeUrl.replace(/#wechat_redirect$/, ""), {
    redirect: "manual",
    headers: cookie ? { cookie } : {},
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(payerAuthCallbackUrl());
  return { code: location.searchParams.get("code") ?? "", state: location.searchParams.get("state") ?? "" };
}

async function authorizePayer(userId: string, orderNo: string) {
  const { code, state } = await followAuthorize(await startPayerAuth({ userId, orderNo }));
  return finishPayerAuth({ userId, state, code });
}

async function bridge(params: JsapiPayParams, choice: "pay" | "cancel" = "pay") {
  const response = await fetch(`${app.url()}/sandbox/wechat/jsapi-bridge`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...params, choice }),
  });
  return ((await response.json()) as { err_msg: string }).err_msg;
}

async function paidParams(userId: string, orderNo: string): Promise<JsapiPayParams> {
  const issued = await issueJsapiPayment({ userId, orderNo });
  if (!("params" in issued)) throw new Error("expected pay parameters");
  return issued.params;
}

describe("JSAPI inside WeChat", () => {
  it("order → OAuth → openid → JSAPI → cancel leaves it payable → pay → notify → PAID once", async () => {
    const user = await newTestUser();
    const order = await placeJsapiOrder(user.id);
    expect(order).toMatchObject({ channel: "JSAPI", status: "PENDING", payUrl: null });
    expect(await issueJsapiPayment({ userId: user.id, orderNo: order.orderNo })).toEqual({ payerAuthRequired: true });

    const authorizeUrl = await startPayerAuth({ userId: user.id, orderNo: order.orderNo });
    const url = new URL(authorizeUrl);
    expect(url.pathname).toBe("/sandbox/wechat/connect/oauth2/authorize");
    expect(url.searchParams.get("scope")).toBe("snsapi_base");
    expect(url.hash).toBe("#wechat_redirect");
    expect(await authorizePayer(user.id, order.orderNo)).toEqual({ orderNo: order.orderNo, ok: true });
    const { config } = await loadDefaultConfig("WECHAT");
    const payer = await (
      await getPrisma()
    ).wechatOpenId.findUniqueOrThrow({
      where: { userId_appId: { userId: user.id, appId: config.appId } },
    });
    expect(payer.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);

    const first = await paidParams(user.id, order.orderNo);
    expect(first.appId).toBe(config.appId);
    expect(first.package).toMatch(/^prepay_id=wx/);
    expect(await bridge(first, "cancel")).toBe("get_brand_wcpay_request:cancel");
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PENDING");

    // Retry: the same prepay_id, signed afresh.
    const again = await paidParams(user.id, order.orderNo);
    expect(again.package).toBe(first.package);
    expect(await bridge(again)).toBe("get_brand_wcpay_request:ok");
    await deliverNotifies();
    const paid = await getOwnOrder(user.id, order.orderNo);
    expect(paid).toMatchObject({ status: "PAID", paidAmountFen: 3_000 });
    expect((await (await getPrisma()).user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);
    // A paid order gives no more pay parameters.
    await expect(issueJsapiPayment({ userId: user.id, orderNo: order.orderNo })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("the openid is remembered: the next order pays without OAuth", async () => {
    const user = await newTestUser();
    const first = await placeJsapiOrder(user.id);
    await authorizePayer(user.id, first.orderNo);
    const second = await placeJsapiOrder(user.id);
    expect(await bridge(await paidParams(user.id, second.orderNo))).toBe("get_brand_wcpay_request:ok");
  });

  it("an ok whose notify never came is credited by 'I have paid' and by reconciliation", async () => {
    await setFaults("*", { dropNotifies: "all" });
    const user = await newTestUser();
    const byButton = await placeJsapiOrder(user.id);
    await authorizePayer(user.id, byButton.orderNo);
    expect(await bridge(await paidParams(user.id, byButton.orderNo))).toBe("get_brand_wcpay_request:ok");
    await deliverNotifies();
    expect((await getOwnOrder(user.id, byButton.orderNo)).status).toBe("PENDING");
    expect((await requestCheck(user.id, byButton.orderNo)).order.status).toBe("PAID");

    const byJob = await placeJsapiOrder(user.id);
    expect(await bridge(await paidParams(user.id, byJob.orderNo))).toBe("get_brand_wcpay_request:ok");
    const prisma = await getPrisma();
    await prisma.rechargeOrder.update({ where: { id: byJob.id }, data: { nextCheckAt: new Date(Date.now() - 1000) } });
    await reconcileOrders();
    expect((await getOwnOrder(user.id, byJob.orderNo)).status).toBe("PAID");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(660);
  });

  it("a forged or stale paySign pays nothing", async () => {
    const user = await newTestUser();
    const order = await placeJsapiOrder(user.id);
    await authorizePayer(user.id, order.orderNo);
    const params = await paidParams(user.id, order.orderNo);
    const forged = { ...params, paySign: Buffer.from("forged").toString("base64") };
    expect(await bridge(forged)).toBe("get_brand_wcpay_request:fail");
    expect(await bridge({ ...params, timeStamp: String(Number(params.timeStamp) - 3600) })).toBe(
      "get_brand_wcpay_request:fail",
    );
    await deliverNotifies();
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PENDING");
  });
});

describe("the OAuth state", () => {
  async function started() {
    const user = await newTestUser();
    const order = await placeJsapiOrder(user.id);
    const { code, state } = await followAuthorize(await startPayerAuth({ userId: user.id, orderNo: order.orderNo }));
    return { user, order, code, state };
  }

  it("a tampered state is refused", async () => {
    const { user, code, state } = await started();
    const tampered = `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`;
    await expect(finishPayerAuth({ userId: user.id, state: tampered, code })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "oauth_state_invalid",
    });
  });

  it("works once", async () => {
    const { user, order, code, state } = await started();
    expect(await finishPayerAuth({ userId: user.id, state, code })).toEqual({ orderNo: order.orderNo, ok: true });
    await expect(finishPayerAuth({ userId: user.id, state, code })).rejects.toBeInstanceOf(AppError);
  });

  it("belongs to the session that started it", async () => {
    const { code, state } = await started();
    const other = await newTestUser();
    await expect(finishPayerAuth({ userId: other.id, state, code })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("expires", async () => {
    const { user, code, state } = await started();
    const later = new Date(Date.now() + 11 * 60_000);
    await expect(finishPayerAuth({ userId: user.id, state, code, now: later })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("a code issued to another app id is refused, and nothing is remembered", async () => {
    const other = await provisionSandboxMerchant("WECHAT", { isDefault: false, name: "Other official account" });
    const user = await newTestUser();
    const order = await placeJsapiOrder(user.id);
    const authorizeUrl = new URL(await startPayerAuth({ userId: user.id, orderNo: order.orderNo }));
    // The browser comes back from the other account's authorize page with our state.
    authorizeUrl.searchParams.set("appid", other.appId);
    const { code, state } = await followAuthorize(authorizeUrl.href);
    expect(await finishPayerAuth({ userId: user.id, state, code })).toEqual({ orderNo: order.orderNo, ok: false });
    expect(await (await getPrisma()).wechatOpenId.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the sandbox's OAuth2 and JSAPI endpoints", () => {
  async function token(query: Record<string, string>) {
    const url = new URL(`${env().APP_URL}/sandbox/wechat/sns/oauth2/access_token`);
    url.search = new URLSearchParams({ grant_type: "authorization_code", ...query }).toString();
    return (await (await fetch(url)).json()) as Record<string, unknown>;
  }

  it("codes work once, for their own app id and secret only, and expire", async () => {
    const { adapter, config } = await loadDefaultConfig("WECHAT");
    const inApp = adapter.inApp!;
    const redirect = payerAuthCallbackUrl();
    const { code } = await followAuthorize(inApp.authorizeUrl(redirect, "s1"));
    const other = await provisionSandboxMerchant("WECHAT", { isDefault: false });
    // Another app id, with its own valid secret: the code is not its to redeem.
    await expect((await loadConfig(other.id)).adapter.inApp!.exchangeCode(code)).rejects.toMatchObject({
      kind: "REJECTED",
      providerCode: "40029",
    });
    expect(await token({ appid: config.appId, secret: "wrong", code })).toMatchObject({ errcode: 40125 });
    const openid = await inApp.exchangeCode(code);
    expect(openid).toMatch(/^o/);
    await expect(inApp.exchangeCode(code)).rejects.toMatchObject({ kind: "REJECTED", providerCode: "40163" });

    const { code: stale } = await followAuthorize(inApp.authorizeUrl(redirect, "s2"));
    await (
      await getPrisma()
    ).sandboxOAuthCode.updateMany({
      where: { usedAt: null, appId: config.appId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(inApp.exchangeCode(stale)).rejects.toMatchObject({ kind: "REJECTED", providerCode: "40029" });
  });

  it("the authorize page sends codes only to this app's pages", async () => {
    const { adapter } = await loadDefaultConfig("WECHAT");
    const response = await fetch(adapter.inApp!.authorizeUrl("https://evil.example/steal", "s"), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
  });

  it("JSAPI refuses an openid WeChat never gave this app id", async () => {
    const { adapter } = await loadDefaultConfig("WECHAT");
    const error = await adapter
      .inApp!.createJsapiPayment({
        orderNo: `R${randomBytes(8).toString("hex")}`,
        amountFen: 100,
        description: "test",
        expiresAt: new Date(Date.now() + 60_000),
        notifyUrl: `${env().APP_URL}/api/notify/wechat/x`,
        openid: "oNotIssuedToThisAppId000000",
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "REJECTED", providerCode: "PARAM_ERROR" });
  });
});
