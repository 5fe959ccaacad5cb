/**
 * Our verification against real WeChat Pay v3 data from the official SDKs' test suites
 * (sources and commits cited in fixtures/public-samples.ts). The notify sample is
 * wechatpay-go core/notify/notify_test.go; the AES-GCM samples are in resource.test.ts.
 */
import { createDecipheriv } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { IncomingNotify, PaymentAdapter } from "@/lib/payments/types";
import { createWechatAdapter } from "./adapter";
import { goNotify, goPlatformCertificatePem, goPublicKeyPem } from "./fixtures/public-samples";
import { generateTestKeyPair } from "./fixtures/test-keys";
import { createKeyRing } from "./keys";
import { verifySignedMessage } from "./verify";

/** The sample was signed at this instant; verification runs "then". */
const SIGNED_AT_MS = Number(goNotify.timestamp) * 1000;
const PUBLIC_KEY_ID = "PUB_KEY_ID_0000000000000000000000000000000042";

const headers = {
  "wechatpay-timestamp": goNotify.timestamp,
  "wechatpay-nonce": goNotify.nonce,
  "wechatpay-signature": goNotify.signature,
  "wechatpay-serial": goNotify.serial,
  "content-type": "application/json",
};
const notify: IncomingNotify = { headers, body: goNotify.body };

const certificateRing = createKeyRing({
  platformCertificates: [{ serialNo: goNotify.serial, pem: goPlatformCertificatePem }],
});

describe("wechatpay-go signed notify sample", () => {
  it("verifies with the platform certificate (serial D7CE59D1F522D701)", () => {
    expect(verifySignedMessage({ headers, body: goNotify.body, keys: certificateRing, nowMs: SIGNED_AT_MS })).toEqual({
      ok: true,
      serial: goNotify.serial,
    });
  });

  it("verifies in public-key mode with the same key as a bare public key", () => {
    // Wechatpay-Serial is not part of the signed message, so naming the key by a PUB_KEY_ID_ id
    // instead of the certificate serial leaves the real signature valid.
    const ring = createKeyRing({ wechatPayPublicKeyId: PUBLIC_KEY_ID, wechatPayPublicKeyPem: goPublicKeyPem });
    const byKeyId = { ...headers, "wechatpay-serial": PUBLIC_KEY_ID };
    const result = verifySignedMessage({ headers: byKeyId, body: goNotify.body, keys: ring, nowMs: SIGNED_AT_MS });
    expect(result).toMatchObject({ ok: true });
    // ...and a PUB_KEY_ID_ ring does not answer for the certificate serial.
    expect(verifySignedMessage({ headers, body: goNotify.body, keys: ring, nowMs: SIGNED_AT_MS })).toMatchObject({
      ok: false,
      reason: "UNKNOWN_KEY",
    });
  });

  it("fails once one character of the real body changes", () => {
    const body = goNotify.body.replace("签约成功", "签约失败");
    const result = verifySignedMessage({ headers, body, keys: certificateRing, nowMs: SIGNED_AT_MS });
    expect(result).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("is a replay five minutes and one second later", () => {
    const at = (nowMs: number) => verifySignedMessage({ headers, body: goNotify.body, keys: certificateRing, nowMs });
    expect(at(SIGNED_AT_MS + 300_000)).toMatchObject({ ok: true });
    expect(at(SIGNED_AT_MS + 301_000)).toMatchObject({ ok: false, reason: "STALE_TIMESTAMP" });
  });

  it("carries a resource the SDK's (16-byte, AES-128) test key opens — proving the sample is intact", () => {
    // Our decryptResource is AES-256 only (WeChat issues 32-byte APIv3 keys), so this check
    // uses node:crypto directly: it shows the ciphertext/tag/nonce/AAD layout we rely on.
    const envelope = JSON.parse(goNotify.body) as {
      resource: { ciphertext: string; nonce: string; associated_data: string };
    };
    const sealed = Buffer.from(envelope.resource.ciphertext, "base64");
    const decipher = createDecipheriv(
      "aes-128-gcm",
      Buffer.from(goNotify.apiV3Key),
      Buffer.from(envelope.resource.nonce),
    );
    decipher.setAAD(Buffer.from(envelope.resource.associated_data));
    decipher.setAuthTag(sealed.subarray(-16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString();
    expect(JSON.parse(plain)).toMatchObject({ mchid: "1234567890", appid: "054aa7d7a2a54ab5898df65bd96f001c" });
  });
});

describe("the adapter on the wechatpay-go notify sample", () => {
  let adapter: (nowMs: number) => PaymentAdapter;

  beforeAll(() => {
    const merchant = generateTestKeyPair();
    adapter = (nowMs) =>
      createWechatAdapter(
        {
          appId: "054aa7d7a2a54ab5898df65bd96f001c",
          mchId: "1234567890",
          merchantSerialNo: "MERCHANT-SERIAL",
          merchantPrivateKeyPem: merchant.privatePem,
          apiV3Key: "0".repeat(32),
          gatewayBaseUrl: "https://api.mch.weixin.qq.com",
          platformCertificates: [{ serialNo: goNotify.serial, pem: goPlatformCertificatePem }],
        },
        { now: () => nowMs },
      );
  });

  it("passes the signature and time checks, then refuses the PAYSCORE event", async () => {
    // UNSUPPORTED_EVENT comes after signature verification: reaching it means the real signature verified.
    expect(await adapter(SIGNED_AT_MS).verifyPaymentNotify(notify)).toMatchObject({
      ok: false,
      reason: "UNSUPPORTED_EVENT",
    });
  });

  it("refuses the same real notify when tampered, replayed or probed", async () => {
    const tampered = { headers, body: goNotify.body.replace("3119dfba", "3119dfbb") };
    const probe = {
      body: goNotify.body,
      headers: { ...headers, "wechatpay-signature": `WECHATPAY/SIGNTEST/${goNotify.signature}` },
    };
    const unknownSerial = { body: goNotify.body, headers: { ...headers, "wechatpay-serial": "F5765756002FDD77" } };
    expect(await adapter(SIGNED_AT_MS).verifyPaymentNotify(tampered)).toMatchObject({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
    expect(await adapter(SIGNED_AT_MS + 301_000).verifyPaymentNotify(notify)).toMatchObject({
      ok: false,
      reason: "STALE_TIMESTAMP",
    });
    expect(await adapter(SIGNED_AT_MS).verifyPaymentNotify(probe)).toMatchObject({
      ok: false,
      reason: "SIGNATURE_PROBE",
    });
    expect(await adapter(SIGNED_AT_MS).verifyPaymentNotify(unknownSerial)).toMatchObject({
      ok: false,
      reason: "UNKNOWN_KEY",
    });
  });
});
