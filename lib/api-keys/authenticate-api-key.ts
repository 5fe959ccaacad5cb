import { hashKey, keyPattern } from "@/lib/api-keys/key-material";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ApiCaller {
  keyId: string;
  scopes: readonly ApiScope[];
}

export interface AuthenticateApiKeyOptions {
  /** The request's Authorization header. */
  authorization: string | null;
}

/**
 * The key a request carries as `Authorization: Bearer <key>`, read from the database on every
 * call, so a revoked key is refused from the next request on.
 */
export async function authenticateApiKey({ authorization }: AuthenticateApiKeyOptions): Promise<ApiCaller> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  const secret = match?.[1];
  if (!secret || !keyPattern.test(secret)) throw new AppError("UNAUTHENTICATED", "invalid_api_key");
  const prisma = await getPrisma();
  const key = await prisma.apiKey.findUnique({
    where: { keyHash: hashKey(secret) },
    select: { id: true, scopes: true, revokedAt: true },
  });
  if (!key) throw new AppError("UNAUTHENTICATED", "invalid_api_key");
  if (key.revokedAt) throw new AppError("UNAUTHENTICATED", "api_key_revoked");
  return { keyId: key.id, scopes: key.scopes as ApiScope[] };
}

/** Refuses a key without the scope an operation needs (403: the key is fine, its rights are not). */
export function requireScope(caller: ApiCaller, scope: ApiScope): void {
  if (!caller.scopes.includes(scope)) throw new AppError("FORBIDDEN", "missing_scope");
}
