import { AppError } from "@/lib/errors";
import { ProviderError } from "@/lib/payments/types";

/**
 * Runs an action that talks to a provider; a provider failure (down, timeout, refusal, bad
 * signature) becomes a 503 naming what happened, instead of an anonymous 500.
 */
export async function withProviderErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProviderError) {
      throw new AppError("UNAVAILABLE", "provider_error", { fields: { provider: `${error.kind}: ${error.message}` } });
    }
    throw error;
  }
}
