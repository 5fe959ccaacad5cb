import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiAdmin } from "@/lib/auth/session";
import { reconcileDay } from "@/lib/bills/reconcile-day";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

const runSchema = z.object({
  configId: z.string().min(1, "required").max(64),
  billDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date"),
});

/** "Reconcile this day": downloads the bill again and compares, even if the day was done. */
export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(runSchema, await readJson(request));
  const result = await reconcileDay({ ...input, trigger: "admin", actorId: admin.id, force: true });
  if (result.status === "BUSY") throw new AppError("CONFLICT", "reconciliation_running");
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: admin.id,
      action: "reconciliation.run",
      target: input.configId,
      after: { ...input, ...result },
    }),
  );
  return NextResponse.json({ result });
});
