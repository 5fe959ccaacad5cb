/**
 * The encrypted `resource` of WeChat Pay v3 notifies (and certificate downloads):
 * AEAD_AES_256_GCM with the 32-byte APIv3 key; `ciphertext` is base64 of ciphertext‖16-byte tag.
 * Decrypt is the merchant side; encrypt is for our sandbox gateway, which plays WeChat.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { decodeBase64 } from "./base64";

export const RESOURCE_ALGORITHM = "AEAD_AES_256_GCM";
export const API_V3_KEY_BYTES = 32;
const TAG_BYTES = 16;
const MAX_NONCE_BYTES = 64;

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

export type DecryptResult = { ok: true; plaintext: string } | { ok: false; detail: string };

/** The APIv3 key is a 32-character ASCII string set in the merchant portal; used as raw bytes. */
export function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, "utf8");
  if (key.length !== API_V3_KEY_BYTES) throw new Error(`apiV3Key must be ${API_V3_KEY_BYTES} bytes`);
  return key;
}

export function decryptResource(resource: EncryptedResource, apiV3Key: Buffer): DecryptResult {
  if (resource.algorithm !== RESOURCE_ALGORITHM) {
    return { ok: false, detail: `unsupported algorithm ${resource.algorithm}` };
  }
  const nonce = Buffer.from(resource.nonce, "utf8");
  if (nonce.length === 0 || nonce.length > MAX_NONCE_BYTES) return { ok: false, detail: "bad nonce" };
  const sealed = decodeBase64(resource.ciphertext);
  if (!sealed || sealed.length < TAG_BYTES) return { ok: false, detail: "ciphertext is not base64 or too short" };
  try {
    // authTagLength pins the tag to 16 bytes: a shortened tag must not be accepted.
    const decipher = createDecipheriv("aes-256-gcm", apiV3Key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(resource.associated_data ?? "", "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    return { ok: true, plaintext: plain.toString("utf8") };
  } catch {
    return { ok: false, detail: "authentication failed (wrong key, nonce, associated data or tampered ciphertext)" };
  }
}

/** 12 characters from the CSPRNG, like WeChat's: GCM is broken if a nonce repeats under one key. */
function createResourceNonce(): string {
  return randomBytes(9).toString("base64url");
}

export interface EncryptResourceInput {
  plaintext: string;
  apiV3Key: Buffer;
  associatedData: string;
  originalType: string;
}

export function encryptResource(input: EncryptResourceInput): Required<EncryptedResource> {
  const nonce = createResourceNonce();
  const cipher = createCipheriv("aes-256-gcm", input.apiV3Key, Buffer.from(nonce, "utf8"), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(input.associatedData, "utf8"));
  const sealed = Buffer.concat([cipher.update(input.plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: input.originalType,
    algorithm: RESOURCE_ALGORITHM,
    ciphertext: sealed.toString("base64"),
    associated_data: input.associatedData,
    nonce,
  };
}
