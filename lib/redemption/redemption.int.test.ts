import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { batchInputSchema } from "@/lib/redemption/batch-input";
import { checkRedemptionInvariants } from "@/lib/redemption/check-redemption-invariants";
import { createBatch } from "@/lib/redemption/create-batch";
import { disableBatch } from "@/lib/redemption/disable-batch";
import { listBatches } from "@/lib/redemption/list-batches";
import { redeemCode } from "@/lib/redemption/redeem-code";
import { takeBatchCodes } from "@/lib/redemption/take-batch-codes";

/** The CSV's rows by header; codes, numbers and ISO dates need no quoting. */
function parse(csv: string): Record<string, string>[] {
  const [header = "", ...lines] = csv.trim().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, index) => [columns[index], value])));
}

let adminId: string;
let userCount = 0;

async function newUser(): Promise<string> {
  userCount += 1;
  const email = `redeemer-${userCount}@example.com`;
  const prisma = await getPrisma();
  return (await prisma.user.create({ data: { email, passwordHash: "unused" } })).id;
}

const dayMs = 24 * 60 * 60 * 1000;

function batchInput(fields: Record<string, unknown> = {}) {
  return batchInputSchema.parse({
    name: "launch",
    count: 5,
    creditsPerCode: 100,
    category: "PROMOTIONAL",
    redeemBy: new Date(Date.now() + 30 * dayMs).toISOString(),
    creditValidityDays: 14,
    perUserLimit: 1,
    ...fields,
  });
}

/** A batch and its plain codes (its one download). */
async function batchWithCodes(fields: Record<string, unknown> = {}) {
  const batch = await createBatch({ input: batchInput(fields), actorId: adminId });
  const file = await takeBatchCodes({ batchId: batch.id, actorId: adminId });
  const rows = parse(file.csv);
  return { batch, codes: rows.map((row) => row.code ?? "") };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("expected a failure");
}

let client = 0;
const nextClient = () => `10.0.0.${(client += 1)}`;

beforeAll(async () => {
  adminId = await newUser();
});

describe("redemption batches", () => {
  it("store codes only as hashes, hand them out once as CSV, and audit creation and download", async () => {
    const batch = await createBatch({ input: batchInput({ count: 300 }), actorId: adminId });
    const prisma = await getPrisma();
    const file = await takeBatchCodes({ batchId: batch.id, actorId: adminId });
    const rows = parse(file.csv);
    expect(rows).toHaveLength(300);
    expect(Object.keys(rows[0] ?? {})).toEqual(["code", "credits", "category", "redeem_by", "credit_validity_days"]);
    expect(new Set(rows.map((row) => row.code ?? "")).size).toBe(300);

    expect(await failure(takeBatchCodes({ batchId: batch.id, actorId: adminId }))).toBe("codes_already_downloaded");
    const stored = await prisma.redemptionBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(stored.sealedCodes).toBeNull();
    expect(stored.codesDownloadedAt).not.toBeNull();
    const hashes = await prisma.redemptionCode.findMany({ where: { batchId: batch.id } });
    expect(hashes).toHaveLength(300);
    const code = rows[0]?.code ?? "";
    const dump = JSON.stringify(hashes);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replaceAll("-", ""));

    const audit = await prisma.auditLog.findMany({ where: { target: batch.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["redemption_batch.create", "redemption_batch.download"]);
    expect(JSON.stringify(audit)).not.toContain(code.replaceAll("-", ""));
  });

  it("concurrent downloads: exactly one gets the codes", async () => {
    const batch = await createBatch({ input: batchInput(), actorId: adminId });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => takeBatchCodes({ batchId: batch.id, actorId: adminId })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuse a redemption deadline in the past and more than 10,000 codes", async () => {
    expect(
      await failure(
        createBatch({ input: batchInput({ redeemBy: new Date(Date.now() - 1000).toISOString() }), actorId: adminId }),
      ),
    ).toBe("invalid_input");
    expect(batchInputSchema.safeParse({ ...batchInput(), redeemBy: undefined, count: 10_001 }).success).toBe(false);
  });

  it("disable: once, audited, and listed with the redeemed count", async () => {
    const { batch, codes } = await batchWithCodes({ count: 3, perUserLimit: 3 });
    const userId = await newUser();
    await redeemCode({ userId, code: codes[0] ?? "", client: nextClient() });
    await disableBatch({ batchId: batch.id, actorId: adminId });
    await disableBatch({ batchId: batch.id, actorId: adminId });
    expect(await failure(redeemCode({ userId, code: codes[1] ?? "", client: nextClient() }))).toBe("batch_disabled");
    const listed = (await listBatches()).find((row) => row.id === batch.id);
    expect(listed).toMatchObject({ redeemedCount: 1, codeCount: 3, downloadable: false });
    expect(listed?.disabledAt).not.toBeNull();
    const prisma = await getPrisma();
    expect(await prisma.auditLog.count({ where: { target: batch.id, action: "redemption_batch.disable" } })).toBe(1);
    expect(await failure(disableBatch({ batchId: "no-such-batch", actorId: adminId }))).toBe("batch_not_found");
  });
});

describe("redeeming", () => {
  it("grants one lot of the batch's credits with the batch's validity, in any spelling of the code", async () => {
    const { batch, codes } = await batchWithCodes({ creditValidityDays: 10, category: "PROMOTIONAL" });
    const userId = await newUser();
    const now = new Date();
    const typed = ` ${(codes[0] ?? "").toLowerCase().replaceAll("-", " ")} `;
    const result = await redeemCode({ userId, code: typed, client: nextClient(), now });
    expect(result).toMatchObject({ credits: 100, category: "PROMOTIONAL", balance: 100 });
    expect(result.expiresAt?.getTime()).toBe(now.getTime() + 10 * dayMs);
    const prisma = await getPrisma();
    const lots = await prisma.creditLot.findMany({ where: { userId } });
    expect(lots).toHaveLength(1);
    expect(lots[0]).toMatchObject({ source: "REDEMPTION", category: "PROMOTIONAL", amount: 100, remaining: 100 });
    expect(lots[0]?.expiresAt?.getTime()).toBe(now.getTime() + 10 * dayMs);
    const entry = await prisma.ledgerEntry.findFirstOrThrow({ where: { userId } });
    expect(entry).toMatchObject({ kind: "REDEMPTION", delta: 100, reference: batch.id });
  });

  it("credits that never expire when the batch says so", async () => {
    const { codes } = await batchWithCodes({ creditValidityDays: null, category: "PAID" });
    const userId = await newUser();
    const result = await redeemCode({ userId, code: codes[0] ?? "", client: nextClient() });
    expect(result.expiresAt).toBeNull();
    const prisma = await getPrisma();
    expect((await prisma.creditLot.findFirstOrThrow({ where: { userId } })).expiresAt).toBeNull();
  });

  it("say clearly why a code does not work: unknown, used, past its deadline, limit reached", async () => {
    const { codes } = await batchWithCodes({ count: 4, perUserLimit: 2 });
    const [first = "", second = "", third = "", fourth = ""] = codes;
    const userId = await newUser();
    const other = await newUser();
    expect(await failure(redeemCode({ userId, code: "ABCD-EFGH-JKMN-PQRS-TUVW", client: nextClient() }))).toBe(
      "code_unknown",
    );
    expect(await failure(redeemCode({ userId, code: "not a code", client: nextClient() }))).toBe("code_unknown");
    await redeemCode({ userId, code: first, client: nextClient() });
    expect(await failure(redeemCode({ userId, code: first, client: nextClient() }))).toBe("code_used");
    expect(await failure(redeemCode({ userId: other, code: first, client: nextClient() }))).toBe("code_used");
    await redeemCode({ userId, code: second, client: nextClient() });
    expect(await failure(redeemCode({ userId, code: third, client: nextClient() }))).toBe("redeem_limit_reached");
    await redeemCode({ userId: other, code: third, client: nextClient() });
    const late = new Date(Date.now() + 31 * dayMs);
    expect(await failure(redeemCode({ userId: other, code: fourth, client: nextClient(), now: late }))).toBe(
      "batch_expired",
    );
  });

  it("50 concurrent redemptions of one code make exactly one lot", async () => {
    const { batch, codes } = await batchWithCodes({ count: 1, perUserLimit: 1 });
    const users = await Promise.all(Array.from({ length: 50 }, newUser));
    const results = await Promise.allSettled(
      users.map((userId) => redeemCode({ userId, code: codes[0] ?? "", client: nextClient() })),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect((result.reason as AppError).message).toBe("code_used");
    }
    const prisma = await getPrisma();
    expect(await prisma.creditLot.count({ where: { source: "REDEMPTION", reference: batch.id } })).toBe(1);
    expect(await prisma.redemption.count({ where: { batchId: batch.id } })).toBe(1);
    expect((await prisma.redemptionBatch.findUniqueOrThrow({ where: { id: batch.id } })).redeemedCount).toBe(1);
  });

  it("one user racing through many codes of a batch stays within its per-user limit", async () => {
    const { batch, codes } = await batchWithCodes({ count: 8, perUserLimit: 3 });
    const userId = await newUser();
    const results = await Promise.allSettled(codes.map((code) => redeemCode({ userId, code, client: nextClient() })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const prisma = await getPrisma();
    expect(await prisma.redemption.count({ where: { batchId: batch.id, userId } })).toBe(3);
  });

  it("are rate limited per user", async () => {
    const userId = await newUser();
    const messages: string[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      messages.push(await failure(redeemCode({ userId, code: "nope", client: nextClient() })));
    }
    expect(messages.slice(0, 10).every((message) => message === "code_unknown")).toBe(true);
    expect(messages[10]).toBe("rate_limited");
  });

  it("keep the redemption invariants", async () => {
    expect(await checkRedemptionInvariants(await getPrisma())).toEqual([]);
  });
});
