import { z } from "zod";
import { apiScopeSchema } from "@/lib/api-keys/scopes";

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(apiScopeSchema)
    .min(1)
    .transform((scopes) => [...new Set(scopes)].sort()),
});

export type ApiKeyInput = z.infer<typeof apiKeyInputSchema>;
