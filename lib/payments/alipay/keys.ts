import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * Alipay's key tool hands out bare base64 (PKCS#8 for Java, PKCS#1 otherwise) while OpenSSL
 * writes PEM; merchants paste either. We accept all of them and hold KeyObjects, so nothing
 * downstream cares which one was configured. Error messages never echo the key text.
 */

const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
const MIN_MODULUS_BITS = 2048;

function requireRsa2048(key: KeyObject, label: string): KeyObject {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== "rsa" || bits < MIN_MODULUS_BITS) {
    throw new Error(`${label} must be an RSA key of at least ${MIN_MODULUS_BITS} bits (RSA2)`);
  }
  return key;
}

function bareBase64(text: string, label: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64_PATTERN.test(compact)) throw new Error(`${label} is neither PEM nor base64`);
  return Buffer.from(compact, "base64");
}

function firstThatParses<T>(label: string, attempts: Array<() => T>): T {
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next encoding
    }
  }
  throw new Error(`${label} could not be parsed`);
}

export function loadPrivateKey(text: string, label = "Alipay app private key"): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) {
    return requireRsa2048(firstThatParses(label, [() => createPrivateKey(trimmed)]), label);
  }
  const der = bareBase64(trimmed, label);
  const key = firstThatParses(label, [
    () => createPrivateKey({ key: der, format: "der", type: "pkcs8" }),
    () => createPrivateKey({ key: der, format: "der", type: "pkcs1" }),
  ]);
  return requireRsa2048(key, label);
}

export function loadPublicKey(text: string, label = "Alipay public key"): KeyObject {
  const trimmed = text.trim();
  // Node would happily derive a public key from a pasted private key; refuse that mix-up instead.
  if (trimmed.includes("PRIVATE KEY")) throw new Error(`${label} is a private key, not a public key`);
  if (trimmed.startsWith("-----BEGIN")) {
    return requireRsa2048(firstThatParses(label, [() => createPublicKey(trimmed)]), label);
  }
  const der = bareBase64(trimmed, label);
  const key = firstThatParses(label, [
    () => createPublicKey({ key: der, format: "der", type: "spki" }),
    () => createPublicKey({ key: der, format: "der", type: "pkcs1" }),
  ]);
  return requireRsa2048(key, label);
}
