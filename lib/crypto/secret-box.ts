import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "@/lib/crypto/keyring";

export class SecretBoxError extends Error {
  constructor(
    message: string,
    readonly keyId?: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const version = "v1";

/**
 * Encrypts with AES-256-GCM under the keyring's current key. `context` (e.g. the owning row's
 * id) is authenticated but not stored, so a sealed value copied to another row will not open.
 * Output: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(`${version}|${keyring.current.id}|${context}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, keyring.current.id, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The id of the key a sealed value needs. */
export function sealedKeyId(sealed: string): string | undefined {
  const [tag, keyId] = sealed.split(".");
  return tag === version ? keyId : undefined;
}

export function open(keyring: Keyring, sealed: string, context: string): string {
  const parts = sealed.split(".");
  const [tag, keyId, iv, ciphertext, authTag] = parts;
  if (parts.length !== 5 || tag !== version || !keyId || !iv || ciphertext === undefined || !authTag) {
    throw new SecretBoxError("not a sealed secret");
  }
  const key = keyring.byId.get(keyId);
  if (!key) throw new SecretBoxError(`sealed with key "${keyId}", which APP_ENCRYPTION_KEY does not contain`, keyId);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${version}|${keyId}|${context}`));
    decipher.setAuthTag(Buffer.from(authTag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(`key "${keyId}" does not open this secret: wrong key, or the value was altered`, keyId);
  }
}
