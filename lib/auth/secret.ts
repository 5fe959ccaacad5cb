import { env } from "@/lib/env";
import { readOrCreateLocalSecret } from "@/lib/local-secret";

/** The key that signs session tokens: from the environment, or generated into the data folder. */
export function authSecret(): string {
  const settings = env();
  return settings.NEXTAUTH_SECRET ?? readOrCreateLocalSecret(settings.DATA_DIR, "auth-secret");
}
