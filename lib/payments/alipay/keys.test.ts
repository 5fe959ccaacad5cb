import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadPrivateKey, loadPublicKey } from "./keys";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

describe("loadPrivateKey", () => {
  const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

  it.each([
    ["PKCS#1 PEM", pkcs1],
    ["PKCS#8 PEM", pkcs8],
    ["bare PKCS#1 base64", bare(pkcs1)],
    ["bare PKCS#8 base64", bare(pkcs8)],
  ])("accepts %s", (_label, text) => {
    expect(loadPrivateKey(text).equals(pair.privateKey)).toBe(true);
  });

  it("refuses garbage and short keys without echoing the input", () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    expect(() => loadPrivateKey(small.toString())).toThrow(/at least 2048/);
    expect(() => loadPrivateKey("MIIsecretsecret")).toThrow(/could not be parsed/);
    expect(() => loadPrivateKey("not base64 !")).toThrow(/neither PEM nor base64/);
    let message = "";
    try {
      loadPrivateKey("-----BEGIN PRIVATE KEY-----\nSECRETMATERIAL\n-----END PRIVATE KEY-----");
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/could not be parsed/);
    expect(message).not.toContain("SECRETMATERIAL");
  });
});

describe("loadPublicKey", () => {
  const spki = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  const pkcs1 = pair.publicKey.export({ type: "pkcs1", format: "pem" }).toString();

  it.each([
    ["SPKI PEM", spki],
    ["PKCS#1 PEM", pkcs1],
    ["bare SPKI base64 (Alipay's format)", bare(spki)],
    ["bare PKCS#1 base64", bare(pkcs1)],
  ])("accepts %s", (_label, text) => {
    expect(loadPublicKey(text).equals(pair.publicKey)).toBe(true);
  });

  it("refuses a private key pasted in the public key field", () => {
    const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => loadPublicKey(pkcs8)).toThrow(/private key/);
  });
});
