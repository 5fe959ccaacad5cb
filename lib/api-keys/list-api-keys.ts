import { apiKeyView, type ApiKeyView } from "@/lib/api-keys/api-key-view";
import { getPrisma } from "@/lib/db";

/** Every key, newest first; revoked ones stay listed (their calls remain in the log). */
export async function listApiKeys(): Promise<ApiKeyView[]> {
  const prisma = await getPrisma();
  const keys = await prisma.apiKey.findMany({ orderBy: { createdAt: "desc" } });
  return keys.map(apiKeyView);
}
