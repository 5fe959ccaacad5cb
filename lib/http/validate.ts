import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses untrusted input; failures become one VALIDATION error with a message per field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  throw new AppError("VALIDATION", "invalid_input", { fields });
}
