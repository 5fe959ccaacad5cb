import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { listOwnEntries } from "@/lib/ledger/list-own-entries";
import { debitCredits } from "@/lib/wallet/debit-credits";
import { grantCredits } from "@/lib/wallet/grant-credits";
import { createUser } from "@/lib/users/create-user";

async function newUser() {
  return createUser({ email: `l-${randomBytes(6).toString("hex")}@example.com`, password: "test1234" });
}

async function post(userId: string, delta: number, reference: string) {
  const prisma = await getPrisma();
  const movement = { userId, idempotencyKey: `t:${reference}`, reference, reason: `r ${reference}` };
  await prisma.$transaction(async (tx) => {
    if (delta > 0)
      await grantCredits(tx, { ...movement, amount: delta, kind: "ADJUST", category: "PAID", source: "GRANT" });
    else await debitCredits(tx, { ...movement, amount: -delta, kind: "CONSUME" });
  });
}

describe("the user's own ledger", () => {
  it("lists only the caller's entries, newest first, with the running balance", async () => {
    const [ann, bob] = [await newUser(), await newUser()];
    await post(ann.id, 100, `a1-${ann.id}`);
    await post(bob.id, 999, `b1-${bob.id}`);
    await post(ann.id, -30, `a2-${ann.id}`);
    await post(ann.id, 50, `a3-${ann.id}`);

    const page = await listOwnEntries({ userId: ann.id, page: 1, pageSize: 10 });
    expect(page.total).toBe(3);
    expect(page.entries.map((entry) => [entry.seq, entry.delta, entry.balanceAfter])).toEqual([
      [3, 50, 120],
      [2, -30, 70],
      [1, 100, 100],
    ]);
    expect(page.entries[0]).toEqual({
      seq: 3,
      delta: 50,
      balanceAfter: 120,
      kind: "ADJUST",
      reference: `a3-${ann.id}`,
      reason: `r a3-${ann.id}`,
      // Only a recharge names a package.
      packageName: null,
      packageNameEn: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Internal bookkeeping stays on the server.
    expect(Object.keys(page.entries[0]!)).not.toContain("idempotencyKey");
    expect(Object.keys(page.entries[0]!)).not.toContain("actorId");
  });

  it("pages through the entries", async () => {
    const user = await newUser();
    for (let n = 1; n <= 5; n++) await post(user.id, n, `p${n}-${user.id}`);
    const second = await listOwnEntries({ userId: user.id, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(second.entries.map((entry) => entry.seq)).toEqual([3, 2]);
    const beyond = await listOwnEntries({ userId: user.id, page: 4, pageSize: 2 });
    expect(beyond.entries).toEqual([]);
  });
});
