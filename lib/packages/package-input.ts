import { z } from "zod";
import { yuanToFenField } from "@/lib/admin/yuan";

const maxCredits = 100_000_000;

/** A package as the console edits it: price typed in yuan, stored as exact fen. */
export const packageInputSchema = z.object({
  name: z.string("required").trim().min(1, "required").max(40, "too_long"),
  nameEn: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(40, "too_long").optional(),
  ),
  priceYuan: yuanToFenField({ positive: true }).refine((fen) => fen <= 10_000_000, "too_large"),
  credits: z.number("invalid_number").int("whole_number").min(1, "positive_required").max(maxCredits, "too_large"),
  bonusCredits: z.number("invalid_number").int("whole_number").min(0, "not_negative").max(maxCredits, "too_large"),
  active: z.boolean().default(true),
  /** Days the bonus credits stay valid after payment; null = never expire; absent = unchanged. */
  bonusValidityDays: z
    .number("invalid_number")
    .int("whole_number")
    .min(1, "positive_required")
    .max(3650, "too_large")
    .nullable()
    .optional(),
});

export type PackageInput = z.infer<typeof packageInputSchema>;

export function packageData(input: PackageInput) {
  return {
    name: input.name,
    nameEn: input.nameEn ?? null,
    priceFen: input.priceYuan,
    credits: input.credits,
    bonusCredits: input.bonusCredits,
    active: input.active,
    ...(input.bonusValidityDays === undefined ? {} : { bonusValidityDays: input.bonusValidityDays }),
  };
}
