import { SecretBoxError } from "@/lib/crypto/secret-box";
import { getPrisma } from "@/lib/db";
import { openSecrets } from "@/lib/payment-configs/secrets";
import { merchantKeys } from "@/lib/sandbox/merchants";

export class StoredSecretsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoredSecretsError";
  }
}

function explain(what: string, error: unknown): never {
  if (!(error instanceof SecretBoxError)) throw error;
  throw new StoredSecretsError(
    `APP_ENCRYPTION_KEY cannot decrypt the stored secrets of ${what}: ${error.message}. ` +
      "Start with the key they were saved under (during a rotation: the new key first, then the old one after a comma).",
  );
}

/**
 * Opens every stored secret once at start-up, so a wrong or missing APP_ENCRYPTION_KEY stops
 * the app with a clear message instead of failing payment by payment.
 */
export async function checkStoredSecrets(): Promise<void> {
  const prisma = await getPrisma();
  for (const config of await prisma.paymentConfig.findMany()) {
    try {
      openSecrets(config.id, config.sealedSecrets);
    } catch (error) {
      explain(`payment config "${config.name}" (${config.id})`, error);
    }
  }
  for (const merchant of await prisma.sandboxMerchant.findMany()) {
    try {
      merchantKeys(merchant);
    } catch (error) {
      explain(`sandbox merchant ${merchant.id}`, error);
    }
  }
}
