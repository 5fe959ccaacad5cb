import { z } from "zod";

/** What a key may do; each /api/v1 operation names the one scope it needs. */
export const apiScopes = ["credits:read", "credits:spend", "credits:grant", "events:read"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeSchema = z.enum(apiScopes);
