import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiAdmin } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { clearFaults, faultsSchema, setFaults } from "@/lib/sandbox/faults";

const bodySchema = z.object({
  scope: z.union([z.literal("*"), z.string().regex(/^(merchant|trade):[\w-]{1,64}$/, "invalid_scope")]),
  /** Omitted or empty: the scope's faults are cleared. */
  faults: faultsSchema.optional(),
});

/** Sets or clears the sandbox's faults (tests and demos); absent when the sandbox is off. */
export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  if (!env().SANDBOX_ENABLED) throw new AppError("NOT_FOUND", "sandbox_disabled");
  const { scope, faults } = parseInput(bodySchema, await readJson(request));
  const typedScope = scope as Parameters<typeof setFaults>[0];
  if (faults && Object.keys(faults).length) await setFaults(typedScope, faults);
  else await clearFaults(typedScope);
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: admin.id, action: "sandbox.faults", target: scope, after: faults ?? {} }),
  );
  return NextResponse.json({ scope, faults: faults ?? {} });
});
