import { expect, test } from "./csp-guard";
import {
  apiV3Key,
  pemBody,
  pemFragments,
  randomSerial,
  rsaKeyPair,
  selfSignedCertificate,
} from "../lib/admin/testing/key-material";
import {
  adminApis,
  adminPages,
  adminSession,
  json,
  packageIdByPrice,
  placeOrder,
  userSession,
  type ConfigView,
} from "./admin-helpers";
import { concretePath, type RouteIds } from "./route-tree";

/**
 * Configs are created with key material only this test knows; then every admin page and every
 * admin GET API is read as an admin, and none of that material may appear in any answer.
 */

const merchant = rsaKeyPair();
const wechatPay = rsaKeyPair();
const platform = rsaKeyPair();
const platformSerial = randomSerial();
const platformCertificate = selfSignedCertificate(platform.privatePem, platformSerial);
const merchantSerial = randomSerial();
const merchantCertificate = selfSignedCertificate(merchant.privatePem, merchantSerial);
const apiKey = apiV3Key();
const newApiKey = apiV3Key();
const app = rsaKeyPair();
const alipay = rsaKeyPair();

const secretPems = [
  merchant.privatePem,
  wechatPay.publicPem,
  platformCertificate,
  app.privatePem,
  alipay.publicPem,
  merchantCertificate,
];

function leakedIn(text: string): string[] {
  const leaks: string[] = [];
  for (const pem of secretPems) {
    const body = pemBody(pem);
    const probes = [...pemFragments(pem), body.slice(40, 100), JSON.stringify(body.slice(200, 260)).slice(1, -1)];
    if (probes.some((probe) => text.includes(probe))) leaks.push(pem.split("\n")[0] ?? "PEM");
  }
  for (const key of [apiKey, newApiKey]) if (text.includes(key)) leaks.push("APIv3 key");
  return leaks;
}

test("no admin page or API ever contains a stored secret", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await adminSession(browser);
  const request = admin.page.request;

  const wechat = await json<{ config: ConfigView }>(
    await request.post("/api/admin/payment-configs", {
      data: {
        provider: "WECHAT",
        name: "Leak check WeChat",
        // Disabled: an enabled live config would switch the sandbox off for the rest of the run.
        enabled: false,
        appId: "wx0123456789abcdef",
        merchantId: "1900000109",
        merchantSerialNo: merchantSerial,
        providerKeyId: "PUB_KEY_ID_0119000001092025010100000000000001",
        gatewayUrl: "https://api.mch.weixin.qq.com",
        secrets: {
          merchantPrivateKeyPem: merchant.privatePem,
          apiV3Key: apiKey,
          wechatPayPublicKeyPem: wechatPay.publicPem,
          platformCertificates: [{ serialNo: platformSerial, pem: platformCertificate }],
          merchantCertificatePem: merchantCertificate,
        },
      },
    }),
  );
  const alipayConfig = await json<{ config: ConfigView }>(
    await request.post("/api/admin/payment-configs", {
      data: {
        provider: "ALIPAY",
        name: "Leak check Alipay",
        enabled: false,
        appId: "2021000000000001",
        merchantId: "2088000000000001",
        gatewayUrl: "https://openapi.alipay.com/gateway.do",
        secrets: { appPrivateKeyPem: app.privatePem, alipayPublicKeyPem: alipay.publicPem },
      },
    }),
  );
  // An edit that changes one secret and keeps the others: its audit entry must not show either.
  const edited = await json<{ config: ConfigView }>(
    await request.patch(`/api/admin/payment-configs/${wechat.config.id}`, {
      data: {
        provider: "WECHAT",
        name: "Leak check WeChat (edited)",
        enabled: false,
        appId: "wx0123456789abcdef",
        merchantId: "1900000109",
        merchantSerialNo: merchantSerial,
        providerKeyId: "PUB_KEY_ID_0119000001092025010100000000000001",
        gatewayUrl: "https://api.mch.weixin.qq.com",
        secrets: { apiV3Key: newApiKey, platformCertificates: [{ serialNo: platformSerial }] },
      },
    }),
  );
  expect(edited.config.fingerprints.merchantPrivateKeyPem).toBe(wechat.config.fingerprints.merchantPrivateKeyPem);
  expect(edited.config.fingerprints.apiV3Key).not.toBe(wechat.config.fingerprints.apiV3Key);

  const user = await userSession(browser);
  const packageId = await packageIdByPrice(request, 600);
  const order = await placeOrder(user.page, packageId, "WECHAT");
  const { users } = await json<{ users: { id: string }[] }>(
    await request.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`),
  );

  // A webhook endpoint (its secret is sealed too) for the endpoint's delivery-log page.
  const endpoint = await json<{ endpoint: { id: string } }>(
    await request.post("/api/admin/webhooks", {
      data: { url: "http://127.0.0.1:9/admin-secrets", eventTypes: ["hold.expired"], enabled: false },
    }),
  );
  const idSets: RouteIds[] = [wechat.config.id, alipayConfig.config.id].map((configId) => ({
    configId,
    orderNo: order.orderNo,
    userId: users[0]!.id,
    packageId,
    endpointId: endpoint.endpoint.id,
  }));
  const pageUrls = new Set(idSets.flatMap((ids) => adminPages().map(({ pattern }) => concretePath(pattern, ids))));
  pageUrls.add("/admin/payment-configs/new?provider=ALIPAY");
  pageUrls.add("/admin/audit?pageSize=100");
  const apiUrls = new Set(
    idSets.flatMap((ids) =>
      adminApis()
        .filter((api) => api.methods.includes("GET"))
        .map(({ pattern }) => concretePath(pattern, ids)),
    ),
  );
  apiUrls.add("/api/admin/payment-configs?deleted=1");
  apiUrls.add("/api/admin/audit?pageSize=100");

  for (const url of pageUrls) {
    const response = await admin.page.goto(url);
    expect(response?.status(), url).toBe(200);
    // The HTML as sent (with the React payload) and the page as rendered.
    expect(leakedIn(await response!.text()), url).toEqual([]);
    expect(leakedIn(await admin.page.content()), url).toEqual([]);
  }
  for (const url of apiUrls) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(leakedIn(await response.text()), url).toEqual([]);
  }
  // The edit form shows that secrets are set, by fingerprint only.
  await admin.page.goto(`/admin/payment-configs/${wechat.config.id}`);
  await expect(admin.page.getByText(`Set (fingerprint ${edited.config.fingerprints.apiV3Key})`)).toBeVisible();
  await expect(admin.page.getByLabel("APIv3 key")).toHaveValue("");

  await admin.context.close();
  await user.context.close();
});
