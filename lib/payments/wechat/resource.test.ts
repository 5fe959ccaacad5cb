import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { javaAeadSample, javaApiV3Key, javaEncryptedCertificate } from "./fixtures/public-samples";
import { apiV3KeyBytes, decryptResource, encryptResource, type EncryptedResource } from "./resource";

const key = apiV3KeyBytes(javaApiV3Key);

function sample(patch: Partial<EncryptedResource> = {}): EncryptedResource {
  return {
    algorithm: "AEAD_AES_256_GCM",
    ciphertext: javaAeadSample.ciphertext,
    nonce: javaAeadSample.nonce,
    associated_data: javaAeadSample.associatedData,
    ...patch,
  };
}

describe("decryptResource on real samples (wechatpay-java test data)", () => {
  it("decrypts the AeadAesCipherTest sample", () => {
    expect(decryptResource(sample(), key)).toEqual({ ok: true, plaintext: "message" });
  });

  it("decrypts an encrypted platform certificate to the Tenpay certificate it names", () => {
    const result = decryptResource(
      {
        algorithm: "AEAD_AES_256_GCM",
        ciphertext: javaEncryptedCertificate.ciphertext,
        nonce: javaEncryptedCertificate.nonce,
        associated_data: javaEncryptedCertificate.associatedData,
      },
      key,
    );
    if (!result.ok) throw new Error(result.detail);
    const certificate = new X509Certificate(result.plaintext);
    expect(certificate.serialNumber).toBe(javaEncryptedCertificate.serialNo);
    expect(certificate.subject).toContain("CN=Tenpay.com sign");
  });
});

describe("decryptResource rejects", () => {
  const sealed = Buffer.from(javaAeadSample.ciphertext, "base64");

  it.each([
    [
      "a truncated ciphertext (tag cut)",
      sample({ ciphertext: sealed.subarray(0, sealed.length - 1).toString("base64") }),
    ],
    ["a ciphertext shorter than the tag", sample({ ciphertext: sealed.subarray(0, 10).toString("base64") })],
    ["an empty ciphertext", sample({ ciphertext: "" })],
    [
      "a flipped bit",
      sample({ ciphertext: Buffer.from(sealed.map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString("base64") }),
    ],
    ["other associated data", sample({ associated_data: "transaction" })],
    ["a missing associated data", sample({ associated_data: undefined })],
    ["another nonce", sample({ nonce: "uluk4a9R25RX" })],
    ["an empty nonce", sample({ nonce: "" })],
    ["non-base64 ciphertext", sample({ ciphertext: "not base64!!" })],
    ["another algorithm", sample({ algorithm: "AEAD_SM4_GCM" })],
  ])("%s", (_name, resource) => {
    expect(decryptResource(resource, key)).toMatchObject({ ok: false });
  });

  it("the wrong key", () => {
    expect(decryptResource(sample(), apiV3KeyBytes("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"))).toMatchObject({ ok: false });
  });
});

describe("encryptResource", () => {
  it("round-trips through decryptResource with a fresh nonce each time", () => {
    const plaintext = JSON.stringify({ out_trade_no: "R20260101000001", amount: { total: 990 }, note: "支付成功" });
    const a = encryptResource({ plaintext, apiV3Key: key, associatedData: "transaction", originalType: "transaction" });
    const b = encryptResource({ plaintext, apiV3Key: key, associatedData: "transaction", originalType: "transaction" });
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.nonce).toHaveLength(12);
    expect(a).toMatchObject({
      algorithm: "AEAD_AES_256_GCM",
      associated_data: "transaction",
      original_type: "transaction",
    });
    expect(decryptResource(a, key)).toEqual({ ok: true, plaintext });
  });
});

describe("apiV3KeyBytes", () => {
  it("accepts exactly 32 bytes", () => {
    expect(apiV3KeyBytes("x".repeat(32))).toHaveLength(32);
    expect(() => apiV3KeyBytes("x".repeat(31))).toThrow();
    expect(() => apiV3KeyBytes("x".repeat(33))).toThrow();
    // 16 characters but 48 bytes: the length that matters is in bytes.
    expect(() => apiV3KeyBytes("密".repeat(16))).toThrow();
  });
});
