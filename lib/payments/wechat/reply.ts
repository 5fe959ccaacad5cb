/** Reading a verified WeChat Pay reply: success bodies through a schema, errors into ProviderError. */
import type { z } from "zod";
import { ProviderError } from "@/lib/payments/types";
import type { Reply } from "./client";
import { errorSchema } from "./schemas";

export function isSuccess(reply: Reply): boolean {
  return reply.status >= 200 && reply.status < 300;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The provider's error code, if the body is WeChat's `{code, message}`. */
export function errorCode(reply: Reply): string | undefined {
  const parsed = errorSchema.safeParse(parseJson(reply.body));
  return parsed.success ? parsed.data.code : undefined;
}

/**
 * A non-2xx reply as a ProviderError carrying WeChat's code and message: SYSTEM_ERROR when
 * WeChat itself failed (5xx, SYSTEM_ERROR: the outcome is unknown), else REJECTED.
 */
export function rejection(reply: Reply): ProviderError {
  const parsed = errorSchema.safeParse(parseJson(reply.body));
  const code = parsed.success ? parsed.data.code : undefined;
  const message = parsed.success && parsed.data.message ? parsed.data.message : `HTTP ${reply.status}`;
  const kind = reply.status >= 500 || code === "SYSTEM_ERROR" ? "SYSTEM_ERROR" : "REJECTED";
  return new ProviderError("WECHAT", kind, message, code, reply.status);
}

/** A 2xx body checked against `schema`; anything else throws the right ProviderError. */
export function readSuccess<Schema extends z.ZodType>(reply: Reply, schema: Schema): z.infer<Schema> {
  if (!isSuccess(reply)) throw rejection(reply);
  const parsed = schema.safeParse(parseJson(reply.body));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))].join(", ");
    throw new ProviderError("WECHAT", "INVALID_RESPONSE", `unexpected response (${fields})`, undefined, reply.status);
  }
  return parsed.data;
}
