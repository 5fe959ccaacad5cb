/**
 * The service API's bench data: users whose credits come from the wallet's own grant use case
 * (so their lots, ledger entries and events are what a real grant writes and the invariants
 * hold), one hot user with a large balance, and an API key made by the app's own key code (its
 * SHA-256 stored, the secret kept only in this process).
 */
import { randomBytes } from "node:crypto";
import { apiKeyInputSchema } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { grantCredits } from "@/lib/wallet/grant-credits";
import { createUsers, type BenchUser, type BenchWorld } from "./fixtures";

/** Users the many-user runs go round: enough that two connections rarely wait on one row. */
const spenderCount = 1_000;
/** Far more than a run can spend at a few credits a movement, so no request is refused for its balance. */
export const spenderCredits = 1_000_000;
export const hotCredits = 500_000_000;
/** Grants in flight at once: under the harness's pool of 10 connections. */
const grantConcurrency = 8;

export interface WalletWorld {
  spenders: BenchUser[];
  /** The one user every hot-row run debits: all its connections queue on this user's row lock. */
  hot: BenchUser;
  /** `Authorization` header value for /api/v1. */
  authorization: string;
  /** Tells this run's idempotency keys apart from any other's. */
  runTag: string;
}

async function grant(world: BenchWorld, user: BenchUser, amount: number): Promise<void> {
  await world.prisma.$transaction((tx) =>
    grantCredits(tx, {
      userId: user.id,
      amount,
      category: "PAID",
      source: "GRANT",
      kind: "GRANT",
      idempotencyKey: `bench-fund:${user.id}`,
      reason: "bench funding",
    }),
  );
}

export async function prepareWallet(world: BenchWorld): Promise<WalletWorld> {
  const spenders = await createUsers(world, spenderCount, "spender");
  const [hot] = await createUsers(world, 1, "hot");
  const [admin] = await createUsers(world, 1, "admin");
  if (!hot || !admin) throw new Error("could not create the hot user and the key's admin");
  for (let start = 0; start < spenders.length; start += grantConcurrency) {
    await Promise.all(
      spenders.slice(start, start + grantConcurrency).map((user) => grant(world, user, spenderCredits)),
    );
  }
  await grant(world, hot, hotCredits);
  // As an admin makes a key in the console: the audit entry names its creator.
  await world.prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  const created = await createApiKey({
    input: apiKeyInputSchema.parse({ name: "bench", scopes: ["credits:spend"] }),
    actorId: admin.id,
  });
  return {
    spenders,
    hot,
    authorization: `Bearer ${created.secret}`,
    runTag: `bench-${randomBytes(4).toString("hex")}`,
  };
}
