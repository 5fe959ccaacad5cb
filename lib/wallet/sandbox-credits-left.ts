import { getPrisma } from "@/lib/db";

// A type, not an interface: the console passes it straight to its messages as their values.
export type SandboxCreditsLeft = {
  lots: number;
  credits: number;
  users: number;
};

/** What voidSandboxCredits would take back now: credits bought through a sandbox config and not yet spent. */
export async function sandboxCreditsLeft(): Promise<SandboxCreditsLeft> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<{ lots: bigint; credits: bigint; users: bigint }[]>`
    SELECT COUNT(*)::bigint AS lots, COALESCE(SUM(remaining), 0)::bigint AS credits,
           COUNT(DISTINCT "userId")::bigint AS users
    FROM "CreditLot" WHERE sandbox AND remaining > 0`;
  return { lots: Number(row?.lots ?? 0), credits: Number(row?.credits ?? 0), users: Number(row?.users ?? 0) };
}
