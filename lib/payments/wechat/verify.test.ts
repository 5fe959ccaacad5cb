import { X509Certificate, generateKeyPairSync, type KeyObject } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTestKeyPair, type TestKeyPair } from "./fixtures/test-keys";
import { goPlatformCertificatePem, goSourceSignature, goTestPrivateKeyPem } from "./fixtures/public-samples";
import { createKeyRing, type KeyRing } from "./keys";
import { signRequest, signResponse } from "./sign";
import { verifyAuthorization, verifyMessage, verifySignedMessage } from "./verify";

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);
const KEY_ID = "PUB_KEY_ID_0000000000000000000000000000000001";

let wechat: TestKeyPair;
let keys: KeyRing;

beforeAll(() => {
  wechat = generateTestKeyPair();
  keys = createKeyRing({ wechatPayPublicKeyId: KEY_ID, wechatPayPublicKeyPem: wechat.publicPem });
});

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function signed(body: string, atMs = NOW, privateKey: KeyObject = wechat.privateKey, serial = KEY_ID) {
  return lower(signResponse({ body, privateKey, serial, nowMs: atMs }));
}

describe("verifyMessage", () => {
  const certKey = new X509Certificate(goPlatformCertificatePem).publicKey;

  it("verifies the official wechatpay-go signature with its platform certificate", () => {
    expect(verifyMessage("source", goSourceSignature, certKey)).toBe(true);
  });

  it.each([
    ["another message", "wrong source", goSourceSignature],
    ["non-base64 garbage", "source", "invalid base64 signature"],
    ["an empty signature", "source", ""],
    ["an oversized signature", "source", "A".repeat(4000)],
  ])("is false for %s", (_name, message, signature) => {
    expect(verifyMessage(message, signature, certKey)).toBe(false);
  });
});

describe("verifySignedMessage", () => {
  const body = '{"code_url":"weixin://wxpay/bizpayurl?pr=abc"}';

  it("accepts a message signed by the configured WeChat Pay public key", () => {
    expect(verifySignedMessage({ headers: signed(body), body, keys, nowMs: NOW })).toEqual({
      ok: true,
      serial: KEY_ID,
    });
  });

  it("rejects a changed body", () => {
    const result = verifySignedMessage({ headers: signed(body), body: body.replace("abc", "abd"), keys, nowMs: NOW });
    expect(result).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("rejects a signature by another key under the right key id", () => {
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const result = verifySignedMessage({ headers: signed(body, NOW, forger), body, keys, nowMs: NOW });
    expect(result).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("rejects the WeChat signature probe before any other check", () => {
    const headers = { ...signed(body, 0), "wechatpay-signature": "WECHATPAY/SIGNTEST/abcdef" };
    expect(verifySignedMessage({ headers, body, keys, nowMs: NOW })).toMatchObject({
      ok: false,
      reason: "SIGNATURE_PROBE",
    });
  });

  it.each([
    ["300 s old", -300_000, true],
    ["301 s old", -301_000, false],
    ["300 s ahead", 300_000, true],
    ["301 s ahead", 301_000, false],
  ])("treats a timestamp %s as fresh: %s", (_name, offsetMs, fresh) => {
    const result = verifySignedMessage({ headers: signed(body, NOW + offsetMs), body, keys, nowMs: NOW });
    expect(result.ok ? "ok" : result.reason).toBe(fresh ? "ok" : "STALE_TIMESTAMP");
  });

  it("rejects an unknown key id or serial", () => {
    for (const serial of ["PUB_KEY_ID_999", "5157F09EFDC096DE"]) {
      const result = verifySignedMessage({
        headers: signed(body, NOW, wechat.privateKey, serial),
        body,
        keys,
        nowMs: NOW,
      });
      expect(result).toMatchObject({ ok: false, reason: "UNKNOWN_KEY" });
    }
  });

  it.each(["wechatpay-timestamp", "wechatpay-nonce", "wechatpay-signature", "wechatpay-serial"])(
    "rejects a missing %s",
    (name) => {
      const headers: Record<string, string | undefined> = { ...signed(body), [name]: undefined };
      expect(verifySignedMessage({ headers, body, keys, nowMs: NOW })).toMatchObject({
        ok: false,
        reason: "MALFORMED",
      });
    },
  );

  it("rejects a non-numeric timestamp and oversized headers", () => {
    const patches = [
      { "wechatpay-timestamp": "17e8" },
      { "wechatpay-nonce": "n".repeat(100) },
      { "wechatpay-serial": "S".repeat(200) },
    ];
    for (const patch of patches) {
      const headers = { ...signed(body), ...patch };
      expect(verifySignedMessage({ headers, body, keys, nowMs: NOW })).toMatchObject({
        ok: false,
        reason: "MALFORMED",
      });
    }
  });
});

describe("verifyAuthorization (provider side)", () => {
  let merchant: TestKeyPair;
  beforeAll(() => {
    merchant = generateTestKeyPair();
  });

  const request = { method: "POST", pathWithQuery: "/v3/pay/transactions/native", body: '{"amount":{"total":100}}' };
  const resolve = (mchId: string, serialNo: string) =>
    mchId === "1900000109" && serialNo === "MSERIAL" ? merchant.publicKey : undefined;
  const sign = (overrides: Partial<{ nowMs: number; mchId: string }> = {}) =>
    signRequest({
      ...request,
      mchId: "1900000109",
      serialNo: "MSERIAL",
      privateKey: merchant.privateKey,
      nowMs: NOW,
      ...overrides,
    });

  it("accepts a correctly signed request and returns its credentials", () => {
    const result = verifyAuthorization({ ...request, authorization: sign(), nowMs: NOW, resolveMerchantKey: resolve });
    expect(result).toMatchObject({ ok: true, credentials: { mchId: "1900000109", serialNo: "MSERIAL" } });
  });

  it.each([
    ["a changed body", { body: '{"amount":{"total":1}}' }, "BAD_SIGNATURE"],
    ["a changed path", { pathWithQuery: "/v3/pay/transactions/h5" }, "BAD_SIGNATURE"],
    ["a changed method", { method: "PUT" }, "BAD_SIGNATURE"],
  ])("rejects %s", (_name, patch, reason) => {
    const result = verifyAuthorization({
      ...request,
      ...patch,
      authorization: sign(),
      nowMs: NOW,
      resolveMerchantKey: resolve,
    });
    expect(result).toMatchObject({ ok: false, reason });
  });

  it("rejects missing, malformed, stale and unknown-merchant headers", () => {
    const check = (authorization: string | undefined, nowMs = NOW) =>
      verifyAuthorization({ ...request, authorization, nowMs, resolveMerchantKey: resolve });
    expect(check(undefined)).toMatchObject({ ok: false, reason: "MISSING" });
    expect(check("Basic abc")).toMatchObject({ ok: false, reason: "MALFORMED" });
    expect(check(sign(), NOW + 301_000)).toMatchObject({ ok: false, reason: "STALE_TIMESTAMP" });
    expect(check(sign({ mchId: "1900000999" }))).toMatchObject({ ok: false, reason: "UNKNOWN_KEY" });
  });
});

describe("createKeyRing", () => {
  const certificate = { serialNo: "D7CE59D1F522D701", pem: goPlatformCertificatePem };

  it("finds a platform certificate by serial, case-insensitively, only while it is valid", () => {
    const ring = createKeyRing({ platformCertificates: [certificate] });
    expect(ring.find("d7ce59d1f522d701", NOW)).toMatchObject({ ok: true });
    expect(ring.find("D7CE59D1F522D701", Date.UTC(2031, 5, 1))).toMatchObject({ ok: false });
    expect(ring.find("D7CE59D1F522D701", Date.UTC(2020, 0, 1))).toMatchObject({ ok: false });
  });

  it("supports both modes at once, picked by the serial", () => {
    const ring = createKeyRing({
      wechatPayPublicKeyId: KEY_ID,
      wechatPayPublicKeyPem: wechat.publicPem,
      platformCertificates: [certificate],
    });
    expect(ring.find(KEY_ID, NOW)).toMatchObject({ ok: true });
    expect(ring.find("D7CE59D1F522D701", NOW)).toMatchObject({ ok: true });
  });

  it.each([
    ["no verifier at all", {}],
    ["a key id without its key", { wechatPayPublicKeyId: KEY_ID }],
    ["a key id without the PUB_KEY_ID_ prefix", { wechatPayPublicKeyId: "1234", wechatPayPublicKeyPem: "x" }],
    [
      "a certificate under the wrong serial",
      { platformCertificates: [{ serialNo: "ABCDEF", pem: goPlatformCertificatePem }] },
    ],
    ["a certificate that is not PEM", { platformCertificates: [{ serialNo: "ABCDEF", pem: "junk" }] }],
  ])("refuses %s", (_name, material) => {
    expect(() => createKeyRing(material)).toThrow();
  });

  it("refuses RSA keys shorter than 2048 bits", () => {
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    expect(() => createKeyRing({ wechatPayPublicKeyId: KEY_ID, wechatPayPublicKeyPem: weak })).toThrow(/2048/);
  });

  it("refuses a private key pasted where the public key belongs", () => {
    const pasted = { wechatPayPublicKeyId: KEY_ID, wechatPayPublicKeyPem: goTestPrivateKeyPem };
    expect(() => createKeyRing(pasted)).toThrow(/not a private key/);
  });

  it("never echoes key material in its errors", () => {
    const broken = wechat.publicPem.replace(/\n[^\n]+\n/, `\n${"*".repeat(64)}\n`);
    expect(() => createKeyRing({ wechatPayPublicKeyId: KEY_ID, wechatPayPublicKeyPem: broken })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("MII") }),
    );
  });
});
