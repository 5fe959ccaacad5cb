import { createHash, randomBytes } from "node:crypto";

/** Characters of the key kept in clear, to tell keys apart: the prefix and four more. */
const shownLength = 12;

/**
 * A new key: a recognizable prefix (`rk_live_`, or `rk_test_` while the sandbox is on) and 32
 * CSPRNG bytes. The key has 256 bits of entropy, so one SHA-256 is a safe way to store it
 * (no slow hash needed: nothing to guess), and a lookup by the hash's unique index needs no
 * constant-time compare.
 */
export function newKeyMaterial(sandbox: boolean): { secret: string; prefix: string; hash: string } {
  const secret = `rk_${sandbox ? "test" : "live"}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, shownLength), hash: hashKey(secret) };
}

export function hashKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Only strings shaped like our keys are looked up. */
export const keyPattern = /^rk_(live|test)_[A-Za-z0-9_-]{43}$/;
