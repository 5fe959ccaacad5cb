import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiV3Key,
  pemBody,
  pemFragments,
  randomSerial,
  rsaKeyPair,
  selfSignedCertificate,
} from "@/lib/admin/testing/key-material";
import { getPrisma } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { availableProviders } from "@/lib/payment-configs/available-providers";
import type { PaymentConfigInput } from "@/lib/payment-configs/config-input";
import { paymentConfigInputSchema } from "@/lib/payment-configs/config-input";
import { getPaymentConfigView, listPaymentConfigs } from "@/lib/payment-configs/config-view";
import { createPaymentConfigAsAdmin } from "@/lib/payment-configs/create-config-as-admin";
import { createSandboxConfig } from "@/lib/payment-configs/create-sandbox-config";
import { deletePaymentConfig } from "@/lib/payment-configs/delete-payment-config";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { setDefaultPaymentConfig } from "@/lib/payment-configs/set-default";
import { setPaymentConfigEnabled } from "@/lib/payment-configs/set-enabled";
import { readStoredSecrets } from "@/lib/payment-configs/stored-secrets";
import { testPaymentConnection } from "@/lib/payment-configs/test-connection";
import { updatePaymentConfig } from "@/lib/payment-configs/update-payment-config";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { createUser } from "@/lib/users/create-user";

let server: AppServer;
let adminId: string;

beforeAll(async () => {
  server = await startAppServer();
  process.env.APP_URL = server.url;
  adminId = (await createUser({ email: "config-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
});

afterAll(async () => {
  await server.close();
});

const merchant = rsaKeyPair();
const wechatPay = rsaKeyPair();
const merchantSerial = randomSerial();
const merchantCertificate = selfSignedCertificate(merchant.privatePem, merchantSerial);
const platformKeys = rsaKeyPair();
const platformSerial = randomSerial();
const platformCertificate = selfSignedCertificate(platformKeys.privatePem, platformSerial);
const apiKey = apiV3Key();
const appKeys = rsaKeyPair();
const alipayKeys = rsaKeyPair();

function wechatInput(
  overrides: Record<string, unknown> = {},
  secrets: Record<string, unknown> = {},
): PaymentConfigInput {
  return paymentConfigInputSchema.parse({
    provider: "WECHAT",
    name: "WeChat live",
    appId: "wx0123456789abcdef",
    merchantId: "1900000109",
    merchantSerialNo: merchantSerial,
    providerKeyId: "PUB_KEY_ID_0119000001092025010100000000000001",
    gatewayUrl: "https://api.mch.weixin.qq.com",
    ...overrides,
    secrets: {
      merchantPrivateKeyPem: merchant.privatePem,
      apiV3Key: apiKey,
      wechatPayPublicKeyPem: wechatPay.publicPem,
      platformCertificates: [{ serialNo: platformSerial, pem: platformCertificate }],
      merchantCertificatePem: merchantCertificate,
      ...secrets,
    },
  });
}

function alipayInput(
  overrides: Record<string, unknown> = {},
  secrets: Record<string, unknown> = {},
): PaymentConfigInput {
  return paymentConfigInputSchema.parse({
    provider: "ALIPAY",
    name: "Alipay live",
    appId: "2021000000000001",
    merchantId: "2088000000000001",
    gatewayUrl: "https://openapi.alipay.com/gateway.do",
    ...overrides,
    secrets: { appPrivateKeyPem: appKeys.privatePem, alipayPublicKeyPem: alipayKeys.publicPem, ...secrets },
  });
}

async function rowCounts() {
  const prisma = await getPrisma();
  return { configs: await prisma.paymentConfig.count(), audits: await prisma.auditLog.count() };
}

async function fieldErrorsOf(work: Promise<unknown>): Promise<Record<string, string>> {
  const error = (await work.then(
    () => null,
    (failure: unknown) => failure,
  )) as AppError | null;
  expect(error, "expected a validation error").not.toBeNull();
  expect(error?.code).toBe("VALIDATION");
  return error?.details?.fields ?? {};
}

describe("creating a config checks every key and saves nothing when one is wrong", () => {
  it.each([
    [
      "a private key that is not a PEM",
      () =>
        wechatInput(
          {},
          { merchantPrivateKeyPem: "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----" },
        ),
      { "secrets.merchantPrivateKeyPem": "private_key_invalid" },
    ],
    [
      "an APIv3 key of 31 bytes",
      () => wechatInput({}, { apiV3Key: apiKey.slice(1) }),
      { "secrets.apiV3Key": "apiv3_length" },
    ],
    [
      "a private key that does not match the merchant certificate",
      () => wechatInput({}, { merchantPrivateKeyPem: rsaKeyPair().privatePem }),
      { "secrets.merchantPrivateKeyPem": "key_certificate_mismatch" },
    ],
    [
      "a merchant certificate whose serial is not the configured one",
      () => wechatInput({ merchantSerialNo: randomSerial() }),
      { "secrets.merchantCertificatePem": "serial_mismatch" },
    ],
    [
      "a platform certificate labelled with another serial",
      () => wechatInput({}, { platformCertificates: [{ serialNo: randomSerial(), pem: platformCertificate }] }),
      { "secrets.platformCertificates.0.serialNo": "serial_mismatch" },
    ],
    [
      "the merchant's own public key as the WeChat Pay public key",
      () => wechatInput({}, { wechatPayPublicKeyPem: merchant.publicPem }),
      { "secrets.wechatPayPublicKeyPem": "own_public_key" },
    ],
    [
      "a private key pasted as the WeChat Pay public key",
      () => wechatInput({}, { wechatPayPublicKeyPem: wechatPay.privatePem }),
      { "secrets.wechatPayPublicKeyPem": "is_private_key" },
    ],
    [
      "a WeChat Pay public key without its id",
      () => wechatInput({ providerKeyId: "" }),
      { providerKeyId: "required_with_public_key" },
    ],
    [
      "a 1024-bit key",
      () => wechatInput({}, { merchantPrivateKeyPem: rsaKeyPair(1024).privatePem, merchantCertificatePem: "" }),
      {
        "secrets.merchantPrivateKeyPem": "rsa_2048_required",
      },
    ],
    [
      "Alipay's public key field holding the app's own public key",
      () => alipayInput({}, { alipayPublicKeyPem: appKeys.publicPem }),
      { "secrets.alipayPublicKeyPem": "own_public_key" },
    ],
    [
      "an Alipay seller id that is not a PID, and no private key",
      () => alipayInput({ merchantId: "12345" }, { appPrivateKeyPem: "" }),
      { merchantId: "alipay_pid_format", "secrets.appPrivateKeyPem": "required" },
    ],
  ])("%s", async (_name, input, expected) => {
    const before = await rowCounts();
    const fields = await fieldErrorsOf(createPaymentConfigAsAdmin(input(), adminId));
    expect(fields).toMatchObject(expected);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("stored configs", () => {
  it("keeps secrets sealed: no table holds a PEM or the APIv3 key in plain text", async () => {
    const wechat = await createPaymentConfigAsAdmin(wechatInput(), adminId);
    const alipay = await createPaymentConfigAsAdmin(alipayInput(), adminId);
    const prisma = await getPrisma();
    const dump = JSON.stringify([
      await prisma.$queryRaw`SELECT * FROM "PaymentConfig"`,
      await prisma.$queryRaw`SELECT * FROM "AuditLog"`,
      await prisma.$queryRaw`SELECT * FROM "ProviderCall"`,
    ]);
    const secrets = [
      merchant.privatePem,
      wechatPay.publicPem,
      platformCertificate,
      appKeys.privatePem,
      alipayKeys.publicPem,
    ];
    for (const pem of secrets) {
      expect(dump).not.toContain(pemBody(pem).slice(0, 64));
      for (const fragment of pemFragments(pem)) expect(dump).not.toContain(fragment);
    }
    expect(dump).not.toContain(apiKey);
    // The certificate used only for checking is not stored at all, sealed or not.
    expect(Object.keys(readStoredSecrets(wechat))).not.toContain("merchantCertificatePem");
    expect(readStoredSecrets(alipay)).toEqual({
      appPrivateKeyPem: appKeys.privatePem.trim(),
      alipayPublicKeyPem: alipayKeys.publicPem.trim(),
    });

    const view = JSON.stringify(await listPaymentConfigs());
    for (const pem of secrets) expect(view).not.toContain(pemBody(pem).slice(0, 64));
    expect(view).not.toContain(apiKey);
    expect(view).not.toContain("sealedSecrets");
  });

  it("on edit, empty secret fields keep the stored secrets; new ones replace them", async () => {
    const created = await createPaymentConfigAsAdmin(wechatInput({ name: "Edit me" }), adminId);
    const before = await getPaymentConfigView(created.id);
    const prisma = await getPrisma();
    const original = readStoredSecrets(created);

    const renamed = await updatePaymentConfig({
      id: created.id,
      actorId: adminId,
      input: wechatInput(
        { name: "Edited" },
        {
          merchantPrivateKeyPem: "",
          apiV3Key: "",
          wechatPayPublicKeyPem: "",
          merchantCertificatePem: "",
          platformCertificates: [{ serialNo: platformSerial }],
        },
      ),
    });
    expect(renamed.name).toBe("Edited");
    expect(renamed.fingerprints).toEqual(before.fingerprints);
    const row = await prisma.paymentConfig.findUniqueOrThrow({ where: { id: created.id } });
    expect(readStoredSecrets(row)).toEqual(original);

    const newKey = apiV3Key();
    const rekeyed = await updatePaymentConfig({
      id: created.id,
      actorId: adminId,
      input: wechatInput(
        { name: "Edited" },
        { merchantPrivateKeyPem: "", wechatPayPublicKeyPem: "", apiV3Key: newKey, merchantCertificatePem: "" },
      ),
    });
    expect(rekeyed.fingerprints.apiV3Key).not.toBe(before.fingerprints.apiV3Key);
    expect(rekeyed.fingerprints.merchantPrivateKeyPem).toBe(before.fingerprints.merchantPrivateKeyPem);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { target: created.id, action: "payment_config.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ keysChanged: ["apiV3Key"] });
    expect(JSON.stringify(audit)).not.toContain(newKey);
  });

  it("an Alipay config chooses its desktop product (当面付 by default); the change is audited", async () => {
    const created = await createPaymentConfigAsAdmin(alipayInput({ name: "Desktop product" }), adminId);
    expect(created.alipayDesktop).toBe("PRECREATE");
    const updated = await updatePaymentConfig({
      id: created.id,
      actorId: adminId,
      input: alipayInput({ name: "Desktop product", alipayDesktop: "PAGE_EMBEDDED" }, { appPrivateKeyPem: "" }),
    });
    expect(updated.alipayDesktop).toBe("PAGE_EMBEDDED");
    const prisma = await getPrisma();
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { target: created.id, action: "payment_config.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.before).toMatchObject({ alipayDesktop: "PRECREATE" });
    expect(audit.after).toMatchObject({ alipayDesktop: "PAGE_EMBEDDED" });
    const refused = paymentConfigInputSchema.safeParse({ ...alipayInput(), alipayDesktop: "IFRAME" });
    expect(refused.success ? null : refused.error.issues[0]).toMatchObject({
      path: ["alipayDesktop"],
      message: "invalid_alipay_desktop",
    });
  });

  it("refuses a bad edit field by field and leaves the row untouched", async () => {
    const created = await createPaymentConfigAsAdmin(alipayInput({ name: "Untouched" }), adminId);
    const prisma = await getPrisma();
    const before = await prisma.paymentConfig.findUniqueOrThrow({ where: { id: created.id } });
    const audits = await prisma.auditLog.count();
    const fields = await fieldErrorsOf(
      updatePaymentConfig({
        id: created.id,
        actorId: adminId,
        input: alipayInput({ name: "Changed" }, { appPrivateKeyPem: "", alipayPublicKeyPem: "garbage" }),
      }),
    );
    expect(fields).toEqual({ "secrets.alipayPublicKeyPem": "public_key_invalid" });
    expect(await prisma.paymentConfig.findUniqueOrThrow({ where: { id: created.id } })).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("keeps one default per provider, and a deleted or disabled default hands over to a chosen one", async () => {
    const prisma = await getPrisma();
    const first = await createPaymentConfigAsAdmin(alipayInput({ name: "Default A", isDefault: true }), adminId);
    const second = await createPaymentConfigAsAdmin(alipayInput({ name: "Default B", isDefault: true }), adminId);
    const defaults = async () =>
      (await prisma.paymentConfig.findMany({ where: { provider: "ALIPAY", isDefault: true } })).map((c) => c.id);
    expect(await defaults()).toEqual([second.id]);

    await setDefaultPaymentConfig(first.id, adminId);
    expect(await defaults()).toEqual([first.id]);

    // Deleting the default while another enabled config could serve asks which one takes over.
    await expect(deletePaymentConfig({ id: first.id, actorId: adminId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "default_successor_required",
    });
    await expect(deletePaymentConfig({ id: first.id, actorId: adminId, successorId: first.id })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { fields: { successorId: "invalid_successor" } },
    });
    expect(await defaults()).toEqual([first.id]);
    await deletePaymentConfig({ id: first.id, actorId: adminId, successorId: second.id });
    expect(await defaults()).toEqual([second.id]);
    const deleted = await prisma.paymentConfig.findUniqueOrThrow({ where: { id: first.id } });
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.isDefault).toBe(false);
    expect((await listPaymentConfigs()).map((c) => c.id)).not.toContain(first.id);
    expect((await listPaymentConfigs({ includeDeleted: true })).map((c) => c.id)).toContain(first.id);
    // Orders placed through it still need its keys.
    await expect(loadConfig(first.id)).resolves.toMatchObject({ config: { id: first.id } });
    await expect(setDefaultPaymentConfig(first.id, adminId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deletePaymentConfig({ id: first.id, actorId: adminId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Disabling the default hands it over the same way; the provider stays in checkout.
    const others = await prisma.paymentConfig.findMany({
      where: { provider: "ALIPAY", enabled: true, deletedAt: null, id: { not: second.id } },
    });
    expect(others.length).toBeGreaterThan(0);
    await expect(setPaymentConfigEnabled({ id: second.id, enabled: false, actorId: adminId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await setPaymentConfigEnabled({ id: second.id, enabled: false, actorId: adminId, successorId: others[0]!.id });
    expect(await defaults()).toEqual([others[0]!.id]);
    expect((await availableProviders()).map((p) => p.provider)).toContain("ALIPAY");

    // The last enabled config: no choice to make, the provider goes away (the console says so).
    for (const other of others.slice(1)) {
      await setPaymentConfigEnabled({ id: other.id, enabled: false, actorId: adminId });
    }
    await setPaymentConfigEnabled({ id: others[0]!.id, enabled: false, actorId: adminId });
    expect((await availableProviders()).map((p) => p.provider)).not.toContain("ALIPAY");
    await setPaymentConfigEnabled({ id: others[0]!.id, enabled: true, actorId: adminId });
    expect((await availableProviders()).map((p) => p.provider)).toContain("ALIPAY");
    await setPaymentConfigEnabled({ id: second.id, enabled: true, actorId: adminId });

    const actions = (await prisma.auditLog.findMany({ where: { target: { in: [first.id, second.id] } } })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "payment_config.create",
        "payment_config.set_default",
        "payment_config.delete",
        "payment_config.disable",
        "payment_config.enable",
      ]),
    );
  });
});

describe.each(["WECHAT", "ALIPAY"] as const)("test connection through the %s sandbox", (provider) => {
  it("succeeds with a signed 'no such order' and is recorded as a provider call and in the audit log", async () => {
    const config = await createSandboxConfig(provider, `${provider} try-out`, adminId);
    expect(config).toMatchObject({ sandbox: true, isDefault: false, enabled: true });
    const result = await testPaymentConnection(config.id, adminId);
    expect(result).toMatchObject({ ok: true, outcome: "ok" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);

    const prisma = await getPrisma();
    const calls = await prisma.providerCall.findMany({ where: { configId: config.id, operation: "test_connection" } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ orderNo: result.probeOrderNo, outcome: "ok" });
    const actions = (await prisma.auditLog.findMany({ where: { target: config.id } })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["payment_config.create_sandbox", "payment_config.test_connection"]),
    );
  });

  it("fails when the gateway does not know our keys", async () => {
    const sandbox = await createSandboxConfig(provider, `${provider} impostor`, adminId);
    // Same merchant ids and gateway, different keys: the gateway must refuse our signature. A
    // config on the sandbox gateway must say it is a sandbox (a live one is refused).
    const input =
      provider === "WECHAT"
        ? wechatInput(
            {
              appId: sandbox.appId,
              merchantId: sandbox.merchantId,
              merchantSerialNo: sandbox.merchantSerialNo,
              providerKeyId: sandbox.providerKeyId,
              gatewayUrl: sandbox.gatewayUrl,
              sandbox: true,
            },
            { merchantCertificatePem: "", platformCertificates: [] },
          )
        : alipayInput({
            appId: sandbox.appId,
            merchantId: sandbox.merchantId,
            gatewayUrl: sandbox.gatewayUrl,
            sandbox: true,
          });
    const impostor = await createPaymentConfigAsAdmin(input, adminId);
    const result = await testPaymentConnection(impostor.id, adminId);
    expect(result.ok).toBe(false);
    expect(result.outcome).not.toBe("ok");
  });
});
