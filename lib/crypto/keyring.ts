import { createHash } from "node:crypto";

export interface Keyring {
  /** The key new secrets are sealed with. */
  current: { id: string; key: Buffer };
  /** Every key that can still open old secrets, by id (rotation keeps old keys here). */
  byId: ReadonlyMap<string, Buffer>;
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

function decodeKey(encoded: string, label: string): Buffer {
  const key = Buffer.from(encoded, "base64");
  if (key.length !== 32 || key.toString("base64").replace(/=+$/, "") !== encoded.replace(/=+$/, "")) {
    throw new KeyringError(`${label} must be 32 bytes in base64 (try: openssl rand -base64 32)`);
  }
  return key;
}

/** A stable, non-secret id for a key given without one. */
function derivedId(key: Buffer): string {
  return `k${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
}

/**
 * Parses APP_ENCRYPTION_KEY: comma-separated `id:base64key` entries (or one bare base64 key).
 * The first entry seals new secrets; the others only open secrets sealed before a rotation.
 */
export function parseKeyring(value: string): Keyring {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const separator = entry.indexOf(":");
      if (separator === -1) {
        const key = decodeKey(entry, `key ${index + 1}`);
        return { id: derivedId(key), key };
      }
      const id = entry.slice(0, separator);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
        throw new KeyringError(`key id "${id}" must be 1-32 letters, digits, _ or -`);
      return { id, key: decodeKey(entry.slice(separator + 1), `key "${id}"`) };
    });
  const [current] = entries;
  if (!current) throw new KeyringError("no key given");
  const byId = new Map<string, Buffer>();
  for (const entry of entries) {
    if (byId.has(entry.id)) throw new KeyringError(`key id "${entry.id}" appears twice`);
    byId.set(entry.id, entry.key);
  }
  return { current, byId };
}
