import { apiKeyView, type ApiKeyView } from "@/lib/api-keys/api-key-view";
import type { ApiKeyInput } from "@/lib/api-keys/api-key-input";
import { newKeyMaterial } from "@/lib/api-keys/key-material";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";

export interface CreateApiKeyOptions {
  input: ApiKeyInput;
  actorId: string;
}

export interface CreatedApiKey {
  key: ApiKeyView;
  /** The key itself: returned this once, never stored. */
  secret: string;
}

export async function createApiKey({ input, actorId }: CreateApiKeyOptions): Promise<CreatedApiKey> {
  const material = newKeyMaterial(env().SANDBOX_ENABLED);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        name: input.name,
        scopes: input.scopes,
        prefix: material.prefix,
        keyHash: material.hash,
        createdById: actorId,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "api_key.create",
      target: key.id,
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes },
    });
    return { key: apiKeyView(key), secret: material.secret };
  });
}
