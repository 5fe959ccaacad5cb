import { z } from "zod";
import "zod-openapi";
import { webhookEventTypes } from "@/lib/webhooks/event-types";

// The request and response shapes of /api/v1: route handlers parse with them and
// /api/v1/openapi.json is generated from them, so the reference cannot drift from the code.

export const credits = z.number().int().min(1).max(1_000_000_000);

export const errorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: "Stable machine code, e.g. `insufficient_credits`.", example: "insufficient_credits" }),
      message: z.string().meta({ description: "Readable explanation; may change." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Per-field problems of an invalid request." }),
      available: z
        .number()
        .int()
        .optional()
        .meta({ description: "With `insufficient_credits`: the credits available now." }),
    }),
  })
  .meta({ id: "Error" });

export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .meta({
      description:
        "Names this operation (≤ 255 characters). The same key with the same request returns the first answer again; with a different request it is refused with `idempotency_key_reused`.",
      example: "job-2f9c1a",
    }),
});

export const metadata = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((value) => Object.keys(value).length <= 20, "at most 20 keys")
  .meta({ id: "Metadata", description: "Up to 20 keys of your own, string values of at most 500 characters." });

export const userIdPath = z.object({ id: z.string().min(1).max(100).meta({ description: "The user's id." }) });

export const user = z
  .object({
    id: z.string(),
    email: z.string(),
    externalId: z.string().nullable().meta({ description: "Your app's own id for this user." }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });

export const userLookupQuery = z
  .object({
    email: z.string().trim().toLowerCase().max(320).optional(),
    externalId: z.string().trim().max(200).optional(),
  })
  .refine((query) => Boolean(query.email) !== Boolean(query.externalId), "give exactly one of email or externalId");

export const externalIdBody = z.object({
  externalId: z.string().trim().min(1).max(200).nullable().meta({ description: "Null removes the mapping." }),
});

export const category = z.enum(["PAID", "PROMOTIONAL"]).meta({ id: "CreditCategory" });

export const balance = z
  .object({
    userId: z.string(),
    total: z.number().int().meta({ description: "Every credit the user has." }),
    held: z.number().int().meta({ description: "Credits reserved by active holds." }),
    available: z.number().int().meta({ description: "total − held: what a debit or a new hold can use." }),
    byCategory: z.object({ PAID: z.number().int(), PROMOTIONAL: z.number().int() }),
    nextExpiry: z
      .object({ at: z.iso.datetime(), amount: z.number().int() })
      .nullable()
      .meta({ description: "The soonest credits to expire, if any do." }),
  })
  .meta({ id: "Balance" });

export const entry = z
  .object({
    id: z.string(),
    seq: z.number().int().meta({ description: "Position in the user's ledger: 1, 2, 3, … with no gaps." }),
    delta: z.number().int(),
    balanceAfter: z.number().int(),
    kind: z.string().meta({ example: "CONSUME" }),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "LedgerEntry" });

export const draw = z
  .object({ lotId: z.string(), category, amount: z.number().int() })
  .meta({ id: "LotDraw", description: "Credits a debit took from one lot." });

export const balanceAfter = z
  .object({ total: z.number().int(), available: z.number().int() })
  .meta({ id: "BalanceAfter" });

export const debitBody = z.object({
  amount: credits,
  reason: z.string().trim().max(200).optional(),
  reference: z.string().trim().max(200).optional(),
  metadata: metadata.optional(),
});

export const debitResult = z.object({ entry, draws: z.array(draw), balance: balanceAfter }).meta({ id: "Debit" });

export const grantBody = z.object({
  amount: credits,
  category: category.default("PROMOTIONAL"),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "When the granted credits expire; never if absent." }),
  priority: z.number().int().min(0).max(100).optional().meta({ description: "Lower is spent first; 50 by default." }),
  reason: z.string().trim().max(200).optional(),
  reference: z.string().trim().max(200).optional(),
  metadata: metadata.optional(),
});

export const lot = z
  .object({
    id: z.string(),
    category,
    amount: z.number().int(),
    remaining: z.number().int(),
    expiresAt: z.iso.datetime().nullable(),
    priority: z.number().int(),
  })
  .meta({ id: "Lot" });

export const grantResult = z.object({ entry, lot, balance: balanceAfter }).meta({ id: "Grant" });

export const holdStatus = z.enum(["ACTIVE", "CAPTURED", "RELEASED", "EXPIRED"]).meta({ id: "HoldStatus" });

export const hold = z
  .object({
    id: z.string(),
    userId: z.string(),
    amount: z.number().int().meta({ description: "Credits reserved." }),
    status: holdStatus,
    capturedAmount: z.number().int().nullable(),
    expiresAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    reference: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Hold" });

export const holdBody = z.object({
  amount: credits,
  expiresInSeconds: z
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(600)
    .meta({ description: "After this the hold is released, never charged." }),
  reason: z.string().trim().max(200).optional(),
  reference: z.string().trim().max(200).optional(),
  metadata: metadata.optional(),
});

export const holdIdPath = z.object({ id: z.string().min(1).max(100).meta({ description: "The hold's id." }) });

export const captureBody = z.object({
  amount: z.number().int().min(0).max(1_000_000_000).optional().meta({
    description: "Credits to debit, at most the held amount (default: all of it); the rest is released.",
  }),
});

export const captureResult = z
  .object({ hold, entry: entry.nullable(), draws: z.array(draw), balance: balanceAfter })
  .meta({ id: "Capture" });

export const entriesQuery = z.object({
  kind: z
    .string()
    .trim()
    .toUpperCase()
    .max(20)
    .optional()
    .meta({ description: "Only entries of this kind, e.g. CONSUME." }),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: "Only entries at or after this time." }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: "Only entries before this time." }),
  cursor: z.string().max(100).optional().meta({ description: "`nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const entriesPage = z
  .object({ entries: z.array(entry), nextCursor: z.string().nullable() })
  .meta({ id: "LedgerPage" });

export const eventsQuery = z.object({
  after: z
    .string()
    .max(30)
    .optional()
    .meta({ description: "`nextCursor` of the previous page; from the oldest kept event if absent." }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const event = z
  .object({
    id: z.string().meta({ description: "Also the `webhook-id` of its webhook deliveries: dedupe on it." }),
    type: z.enum(webhookEventTypes),
    userId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Event" });

export const eventsPage = z
  .object({
    events: z.array(event),
    nextCursor: z
      .string()
      .meta({ description: "Pass as `after` to read on; the same cursor again when there is nothing new." }),
  })
  .meta({ id: "EventPage" });
