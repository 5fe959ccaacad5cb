import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KeyringError, parseKeyring } from "@/lib/crypto/keyring";
import { open, seal, SecretBoxError, sealedKeyId } from "@/lib/crypto/secret-box";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips, with a fresh IV each time, and never contains the plaintext", () => {
    const keyring = parseKeyring(`a:${keyA}`);
    const first = seal(keyring, "-----BEGIN PRIVATE KEY-----abc", "config-1");
    const second = seal(keyring, "-----BEGIN PRIVATE KEY-----abc", "config-1");
    expect(first).not.toBe(second);
    expect(first).not.toContain("PRIVATE");
    expect(sealedKeyId(first)).toBe("a");
    expect(open(keyring, first, "config-1")).toBe("-----BEGIN PRIVATE KEY-----abc");
  });

  it("refuses another row's context, a tampered value and a wrong key", () => {
    const keyring = parseKeyring(`a:${keyA}`);
    const sealed = seal(keyring, "apiv3-key", "config-1");
    expect(() => open(keyring, sealed, "config-2")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => open(keyring, parts.join("."), "config-1")).toThrow(SecretBoxError);
    expect(() => open(parseKeyring(`a:${keyB}`), sealed, "config-1")).toThrow(/does not open/);
    expect(() => open(parseKeyring(`b:${keyB}`), sealed, "config-1")).toThrow(
      /key "a", which APP_ENCRYPTION_KEY does not contain/,
    );
    expect(() => open(keyring, "plaintext", "config-1")).toThrow(/not a sealed secret/);
  });

  it("opens old secrets after a rotation and seals new ones with the new key", () => {
    const old = parseKeyring(`a:${keyA}`);
    const sealed = seal(old, "secret", "c");
    const rotated = parseKeyring(`b:${keyB},a:${keyA}`);
    expect(open(rotated, sealed, "c")).toBe("secret");
    expect(sealedKeyId(seal(rotated, "secret", "c"))).toBe("b");
  });

  it("parses keys strictly", () => {
    expect(parseKeyring(keyA).current.id).toMatch(/^k[0-9a-f]{8}$/);
    expect(() => parseKeyring("a:short")).toThrow(KeyringError);
    expect(() => parseKeyring(`a:${keyA},a:${keyB}`)).toThrow(/twice/);
    expect(() => parseKeyring(`bad id:${keyA}`)).toThrow(/key id/);
    expect(() => parseKeyring("")).toThrow(/no key/);
  });
});
