import { z } from "zod";

export const maxCodesPerBatch = 10_000;

/** A batch as the console creates it. */
export const batchInputSchema = z.object({
  name: z.string("required").trim().min(1, "required").max(60, "too_long"),
  count: z.number("invalid_number").int("whole_number").min(1, "positive_required").max(maxCodesPerBatch, "too_large"),
  creditsPerCode: z
    .number("invalid_number")
    .int("whole_number")
    .min(1, "positive_required")
    .max(1_000_000, "too_large"),
  category: z.enum(["PAID", "PROMOTIONAL"], "required"),
  /** The moment a code must be redeemed by (ISO 8601). */
  redeemBy: z.iso.datetime({ offset: true, message: "invalid_date" }).transform((value) => new Date(value)),
  /** Days the granted credits stay valid after redemption; null = they never expire. */
  creditValidityDays: z
    .number("invalid_number")
    .int("whole_number")
    .min(1, "positive_required")
    .max(3650, "too_large")
    .nullable(),
  perUserLimit: z
    .number("invalid_number")
    .int("whole_number")
    .min(1, "positive_required")
    .max(maxCodesPerBatch, "too_large"),
});

export type BatchInput = z.infer<typeof batchInputSchema>;
