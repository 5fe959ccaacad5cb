import { parseKeyring, type Keyring } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";
import { readOrCreateLocalSecret } from "@/lib/local-secret";

let cached: Keyring | undefined;

/**
 * The keys that seal stored secrets: APP_ENCRYPTION_KEY, or for the embedded set-up a key
 * generated into the data folder (mode 600) on first use. Production on PostgreSQL refuses
 * to start without APP_ENCRYPTION_KEY (lib/env.ts).
 */
export function appKeyring(): Keyring {
  if (cached) return cached;
  const settings = env();
  cached =
    settings.APP_ENCRYPTION_KEY ??
    parseKeyring(`local:${readOrCreateLocalSecret(settings.DATA_DIR, "encryption-key")}`);
  return cached;
}
