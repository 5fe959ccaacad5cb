import { z } from "zod";
import { ipLiteral, isPublicAddress } from "@/lib/webhooks/target-address";
import { webhookEventTypes } from "@/lib/webhooks/event-types";

/**
 * Checks a webhook URL: http(s) only, no credentials in it, and unless private targets are
 * allowed (the sandbox is on) no loopback or private address. Names are resolved again at each
 * delivery, where an address a name resolves to is checked the same way.
 */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "webhook_url_invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "webhook_url_scheme";
  if (url.username || url.password) return "webhook_url_credentials";
  if (allowPrivate) return null;
  const host = url.hostname.toLowerCase();
  const literal = ipLiteral(host);
  if (literal ? !isPublicAddress(literal) : host === "localhost" || host.endsWith(".localhost")) {
    return "webhook_url_private";
  }
  return null;
}

export function endpointInputSchema(allowPrivate: boolean) {
  return z.object({
    url: z
      .string()
      .trim()
      .max(2_000)
      .superRefine((value, ctx) => {
        const problem = webhookUrlProblem(value, allowPrivate);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    description: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((value) => value || null),
    /** Empty: every event type. */
    eventTypes: z
      .array(z.enum(webhookEventTypes))
      .default([])
      .transform((types) => [...new Set(types)].sort()),
    enabled: z.boolean().default(true),
  });
}

export type EndpointInput = z.infer<ReturnType<typeof endpointInputSchema>>;
